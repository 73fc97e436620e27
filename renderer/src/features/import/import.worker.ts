/// <reference lib="webworker" />
import { parseImportFile, parseImportFiles } from '../../core/formats/import';
import type { ImportResult } from '../../core/formats/import-types';
import type { ImportWorkerMessage, ImportWorkerRequest } from './import-messages';

/**
 * Decodes and validates import files off the UI thread, so a 100,000-line file never freezes the
 * page. Brat .ann/.txt pairs go through parseImportFiles; every other file is parsed alone with
 * progress. Nothing is stored here: the page stores each valid file in one transaction.
 */
const post = (m: ImportWorkerMessage): void => postMessage(m);

self.onmessage = (e: MessageEvent<ImportWorkerRequest>) => {
  try {
    const { files, options } = e.data;
    const total = files.reduce((n, f) => n + f.bytes.length, 0) || 1;
    const isBrat = files.some((f) => f.name.toLowerCase().endsWith('.ann'));
    let before = 0;
    const results: ImportResult[] = [];
    if (isBrat) results.push(...parseImportFiles(files, options));
    else
      for (const f of files) {
        post({ kind: 'progress', fraction: before / total, file: f.name });
        const size = f.bytes.length;
        results.push(
          parseImportFile({
            ...f,
            options,
            onProgress: (x) =>
              post({ kind: 'progress', fraction: (before + x * size) / total, file: f.name }),
          }),
        );
        before += size;
      }
    post({ kind: 'progress', fraction: 1, file: '' });
    post({ kind: 'done', results });
  } catch (err) {
    post({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
};
