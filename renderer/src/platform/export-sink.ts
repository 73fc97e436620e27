import type { IpcResult, MarginaliaApi } from '../../../electron/ipc-contract';

/**
 * A file an export is written to piece by piece (issue 20). Until `close`, nothing is kept at the
 * place the user chose: `abort` discards everything written.
 */
export interface ExportSink {
  /** Appends text (written as UTF-8); resolves once the host took it, so awaiting it bounds memory. */
  write(text: string): Promise<void>;
  /** Completes the file; resolves with the name of the file written. */
  close(): Promise<string>;
  /** Discards what was written; no partial file remains (see each host for the details). */
  abort(): Promise<void>;
}

/** Asks where to save and opens a sink there; `null` when the user cancelled the dialog. */
export type OpenExportFile = (suggestedName: string) => Promise<IpcResult<ExportSink | null>>;

const fail = (r: IpcResult<unknown>): never => {
  throw new Error(r.ok ? 'unexpected answer' : r.error);
};

/** The desktop sink: main writes a temp file next to the target and renames it when closed. */
export function desktopExportFile(api: MarginaliaApi): OpenExportFile {
  return async (suggestedName) => {
    const opened = await api.openExportStream(suggestedName);
    if (!opened.ok) return opened;
    if (!opened.value.saved) return { ok: true, value: null };
    const { id } = opened.value;
    const sink: ExportSink = {
      async write(text) {
        const r = await api.writeExportStream(id, text);
        if (!r.ok) fail(r);
      },
      async close() {
        const r = await api.finishExportStream(id);
        return r.ok ? r.value : fail(r);
      },
      async abort() {
        const r = await api.abortExportStream(id);
        if (!r.ok) fail(r);
      },
    };
    return { ok: true, value: sink };
  };
}
