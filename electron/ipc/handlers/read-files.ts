/**
 * Reads the files the user chose in the open dialog, for import; paths come only from that dialog, never
 * from the page. Only the base name and the bytes go back to the page: a path handed to the renderer
 * could be replayed later to read something else.
 * Node only, unit-tested.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

import type { ImportedFile } from '../../ipc-contract';
import { UserFacingError } from '../errors';

/** One article or dataset file; larger is not something the renderer can hold and annotate anyway. */
export const MAX_IMPORT_FILE_BYTES = 256 * 1024 * 1024;
/** All files of one import together, since they cross IPC in one message. */
export const MAX_IMPORT_TOTAL_BYTES = 512 * 1024 * 1024;

export async function readImportFiles(paths: readonly string[]): Promise<ImportedFile[]> {
  let total = 0;
  const sizes: number[] = [];
  // Check every file first so a too-large selection fails before anything is read.
  for (const p of paths) {
    const info = await stat(p);
    const name = path.basename(p);
    if (!info.isFile()) throw new UserFacingError(`"${name}" is not a regular file.`);
    if (info.size > MAX_IMPORT_FILE_BYTES) throw new UserFacingError(`"${name}" is larger than 256 MB.`);
    total += info.size;
    sizes.push(info.size);
  }
  if (total > MAX_IMPORT_TOTAL_BYTES)
    throw new UserFacingError('The selected files are larger than 512 MB together.');
  const files: ImportedFile[] = [];
  for (const p of paths) {
    const buffer = await readFile(p);
    // A copy into a fresh Uint8Array: structured clone sends a view's whole backing buffer, and Node may
    // pool small Buffers.
    files.push({ name: path.basename(p), bytes: new Uint8Array(buffer) });
  }
  return files;
}
