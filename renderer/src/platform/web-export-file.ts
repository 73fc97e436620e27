import type { ExportSink, OpenExportFile } from './export-sink';

/** The File System Access API's save picker (Chromium), absent from TypeScript's DOM types. */
type SavePicker = (options: {
  suggestedName: string;
  types?: { description: string; accept: Record<string, string[]> }[];
}) => Promise<FileSystemFileHandle>;

/** Text kept as strings before it is folded into a Blob (Chromium pages big Blobs out to disk). */
const FOLD_CHARS = 4 * 1024 * 1024;

/**
 * Where Chromium offers `showSaveFilePicker`: a writable on the chosen file. Chromium writes it to a
 * swap file and moves it over the chosen file only on close(); abort() discards the swap file. The
 * chosen file itself is left as the picker left it (a new one exists, empty): it is not removed, as
 * the page cannot tell it from a file the user chose to replace.
 */
async function pickedFile(picker: SavePicker, suggestedName: string): Promise<ExportSink | null> {
  let handle: FileSystemFileHandle;
  try {
    handle = await picker({
      suggestedName,
      types: [{ description: 'JSON Lines', accept: { 'application/jsonl': ['.jsonl'] } }],
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') return null;
    throw e;
  }
  const writable = await handle.createWritable();
  return {
    write: (text) => writable.write(text),
    async close() {
      await writable.close();
      return handle.name;
    },
    abort: () => writable.abort(),
  };
}

/**
 * Elsewhere: the text is kept as Blobs built from chunks (off the JS heap: Chromium stores large
 * Blobs on disk) and offered as one download on close; abort drops it, so nothing is downloaded.
 */
function downloadedFile(suggestedName: string, download: (name: string, blob: Blob) => void): ExportSink {
  let blobs: Blob[] = [];
  let pending: string[] = [];
  let pendingChars = 0;
  const fold = (): void => {
    if (pending.length === 0) return;
    blobs.push(new Blob(pending, { type: 'text/plain;charset=utf-8' }));
    pending = [];
    pendingChars = 0;
  };
  return {
    async write(text) {
      pending.push(text);
      pendingChars += text.length;
      if (pendingChars >= FOLD_CHARS) fold();
    },
    async close() {
      fold();
      download(suggestedName, new Blob(blobs, { type: 'text/plain;charset=utf-8' }));
      blobs = [];
      return suggestedName;
    },
    async abort() {
      blobs = [];
      pending = [];
    },
  };
}

/**
 * The browser's export file: the save picker where Chromium offers it (and the page may use it),
 * else a download built from chunks. Call it straight from the click: the picker needs the gesture.
 */
export function webExportFile(download: (name: string, blob: Blob) => void): OpenExportFile {
  return async (suggestedName) => {
    const picker = (globalThis as { showSaveFilePicker?: SavePicker }).showSaveFilePicker;
    if (typeof picker !== 'function') return { ok: true, value: downloadedFile(suggestedName, download) };
    try {
      return { ok: true, value: await pickedFile(picker.bind(globalThis), suggestedName) };
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  };
}
