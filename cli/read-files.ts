import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

import { formatBytes, MAX_IMPORT_FILE_BYTES } from '../renderer/src/core/formats/import-limits';
import type { ImportFile } from '../renderer/src/core/formats/import-types';

/** `code` is Node's error code, or TOO_LARGE / NOT_REGULAR / FOLDER for what is refused before reading. */
export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; code: string; message: string };

/** A file named on the command line that could not be read, with the sentence that says why. */
export interface InputProblem {
  readonly path: string;
  readonly message: string;
}

const WHY: Readonly<Record<string, string>> = {
  ENOENT: 'it does not exist',
  ENOTDIR: 'a folder in its path is a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  ELOOP: 'its symbolic links go round in a circle',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many files are open',
  EIO: 'the disk reported an input/output error',
};

const cannot = (code: string, why: string): ReadResult => ({
  ok: false,
  code,
  message: `cannot read the file: ${why}.`,
});

function failure(e: unknown): ReadResult {
  const code = (e as NodeJS.ErrnoException | null)?.code ?? 'UNKNOWN';
  return cannot(code, WHY[code] ?? `the system said ${code === 'UNKNOWN' ? String(e) : code}`);
}

function readOpen(fd: number): ReadResult {
  // fstat of the opened file, not stat of the name: what is checked is what is read.
  const st = fstatSync(fd);
  if (st.isDirectory()) return cannot('FOLDER', 'it is a folder');
  // A FIFO would block forever and /dev/zero never ends: only regular files are read.
  if (!st.isFile()) return cannot('NOT_REGULAR', 'it is not a regular file (a pipe, device or socket)');
  if (st.size > MAX_IMPORT_FILE_BYTES)
    return cannot(
      'TOO_LARGE',
      `it is ${formatBytes(st.size)}, over the import limit of ${formatBytes(MAX_IMPORT_FILE_BYTES)}`,
    );
  // Read to the end, not just st.size bytes (a file may grow meanwhile), but never past the limit.
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(Math.max(st.size - total, 64 * 1024), 16 * 1024 * 1024));
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    total += n;
    if (total > MAX_IMPORT_FILE_BYTES)
      return cannot(
        'TOO_LARGE',
        `it grew past the import limit of ${formatBytes(MAX_IMPORT_FILE_BYTES)} while being read`,
      );
    chunks.push(chunk.subarray(0, n));
  }
  return { ok: true, bytes: new Uint8Array(Buffer.concat(chunks, total)) };
}

/**
 * Reads one input file, or says in one sentence why not. Never throws and never blocks: a FIFO is
 * opened non-blocking and refused as not a regular file.
 */
export function readInputFile(path: string): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return failure(e);
  }
  try {
    return readOpen(fd);
  } catch (e) {
    return failure(e);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads the files named on the command line. A brat `.ann` brings its `.txt` along when that file
 * exists beside it and was not named, so `marginalia validate doc.ann` works. Names are kept as
 * given (for the report) — the importer only looks at their extension and stem.
 */
export function readImportFiles(paths: readonly string[]): { files: ImportFile[]; problems: InputProblem[] } {
  const files: ImportFile[] = [];
  const problems: InputProblem[] = [];
  const named = new Set(paths);
  const take = (path: string, r: ReadResult): void => {
    if (r.ok) files.push({ name: path, bytes: r.bytes });
    else problems.push({ path, message: r.message });
  };
  for (const p of paths) {
    const r = readInputFile(p);
    take(p, r);
    if (r.ok && p.toLowerCase().endsWith('.ann')) {
      const txt = `${p.slice(0, -4)}.txt`;
      if (named.has(txt)) continue;
      const t = readInputFile(txt);
      // An absent .txt is the importer's to report (it names what it needed); any other failure is ours.
      if (t.ok || t.code !== 'ENOENT') take(txt, t);
    }
  }
  return { files, problems };
}
