import { formatBytes, MAX_IMPORT_FILE_BYTES, MAX_IMPORT_TOTAL_BYTES } from '../core/formats/import-limits';
import type { ImportedFile, IpcResult } from './host';

/** The part of a File this needs (a Blob with a name). */
export interface NamedBlob {
  readonly name: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * Reads files the user dropped or picked, in the page, through the browser: it lets a page read only
 * the files the user gave it, so no path is ever involved (in the desktop app main never reads a path
 * the page names, issue 14). Sizes are checked before any byte is read, with the same limits as the
 * desktop's open dialog and the CLI.
 */
export async function readFileObjects(files: readonly NamedBlob[]): Promise<IpcResult<ImportedFile[]>> {
  let total = 0;
  for (const f of files) {
    if (f.size > MAX_IMPORT_FILE_BYTES) {
      const error = `"${f.name}" is ${formatBytes(f.size)}, over the import limit of ${formatBytes(MAX_IMPORT_FILE_BYTES)}.`;
      return { ok: false, error };
    }
    total += f.size;
  }
  if (total > MAX_IMPORT_TOTAL_BYTES)
    return { ok: false, error: `The files are larger than ${formatBytes(MAX_IMPORT_TOTAL_BYTES)} together.` };
  try {
    const read = await Promise.all(
      files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
    );
    return { ok: true, value: read };
  } catch (e) {
    // A file moved or deleted since the drop, or a folder dropped as if it were a file.
    return { ok: false, error: `A file could not be read (${e instanceof Error ? e.name : 'error'}).` };
  }
}
