import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { ImportFile } from '../renderer/src/core/formats/import-types';

/**
 * Reads the files named on the command line. A brat `.ann` brings its `.txt` along when that file
 * exists beside it and was not named, so `marginalia validate doc.ann` works. Names are kept as
 * given (for the report) — the importer only looks at their extension and stem.
 */
export function readImportFiles(paths: readonly string[]): { files: ImportFile[]; missing: string[] } {
  const files: ImportFile[] = [];
  const missing: string[] = [];
  const named = new Set(paths);
  for (const p of paths) {
    if (!existsSync(p)) {
      missing.push(p);
      continue;
    }
    files.push({ name: p, bytes: new Uint8Array(readFileSync(p)) });
    if (p.toLowerCase().endsWith('.ann')) {
      const txt = `${p.slice(0, -4)}.txt`;
      if (!named.has(txt) && existsSync(txt))
        files.push({ name: txt, bytes: new Uint8Array(readFileSync(txt)) });
    }
  }
  return { files, missing };
}

export const displayName = (p: string): string => basename(p);
