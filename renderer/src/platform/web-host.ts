import { SIGNED_OUT } from '../core/sync/team-config';
import type { HostApi, IpcResult } from './host';
import type { OpenPurpose } from '../../../electron/ipc-contract';
import { readFileObjects } from './read-file-objects';
import { webExportFile } from './web-export-file';

const LAST_SNAPSHOT_NOTE = 'Backups in the browser are downloads made with "Back up now".';

function download(name: string, content: string | Uint8Array): void {
  const type = typeof content === 'string' ? 'text/plain;charset=utf-8' : 'application/octet-stream';
  downloadBlob(name, new Blob([typeof content === 'string' ? content : new Uint8Array(content)], { type }));
}

function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: Chromium reads the blob asynchronously after the click.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function pickFiles(purpose: OpenPurpose): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    // A restore reads one backup (.jsonl); an import takes several files of any format it reads.
    input.multiple = purpose === 'import';
    input.accept = purpose === 'restore' ? '.jsonl' : '.txt,.md,.html,.htm,.jsonl,.json,.ann';
    input.addEventListener('change', () => resolve(Array.from(input.files ?? [])), { once: true });
    input.addEventListener('cancel', () => resolve([]), { once: true });
    input.click();
  });
}

const unsupported = <T>(what: string): Promise<IpcResult<T>> =>
  Promise.resolve({
    ok: false,
    error: `${what} is only available in the desktop app. ${LAST_SNAPSHOT_NOTE}`,
  });

/** Browser implementation: downloads (or the save picker, for streamed exports) for saving, a file input for opening, no native menus. */
export const webHost: HostApi = {
  async saveExport(req) {
    download(req.suggestedName, req.content);
    // The browser decides the folder (and may rename the file); the name asked for is what is known.
    return { ok: true, value: { saved: true, fileName: req.suggestedName } };
  },
  async openImportFiles(purpose = 'import') {
    return readFileObjects(await pickFiles(purpose));
  },
  readDroppedFiles: readFileObjects,
  openExportFile: webExportFile(downloadBlob),
  async getAppInfo() {
    return {
      ok: true,
      value: {
        version: import.meta.env.VITE_APP_VERSION ?? '0.0.0',
        platform: navigator.platform,
        dataFolder: `This browser's IndexedDB for ${location.origin} (database "marginalia")`,
        backupFolder: null,
        shell: 'web',
      },
    };
  },
  writeBackup: () => unsupported('Writing backup files'),
  listBackups: () => Promise.resolve({ ok: true, value: [] }),
  readBackup: () => unsupported('Reading backup files'),
  // The desktop shell's file streams; the browser streams through openExportFile instead.
  openExportStream: () => unsupported('Streaming to a file through the desktop shell'),
  writeExportStream: () => unsupported('Streaming to a file through the desktop shell'),
  finishExportStream: () => unsupported('Streaming to a file through the desktop shell'),
  abortExportStream: () => unsupported('Streaming to a file through the desktop shell'),
  // The browser keeps the server's session cookie (a week on the embedded server) and never the
  // password: when the session ends, the user types it again in Settings → Team.
  rememberTeamSignIn: () => Promise.resolve({ ok: true, value: { stored: false, reason: null } }),
  signInAgain: () => Promise.resolve({ ok: true, value: { signedIn: false, reason: SIGNED_OUT } }),
  forgetTeamSignIn: () => Promise.resolve({ ok: true, value: undefined }),
  onMenuCommand: () => () => undefined,
};
