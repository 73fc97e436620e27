/// <reference lib="webworker" />
import { parseImportFile, parseImportFiles } from '../../core/formats/import';
import type { ImportFile, ImportOptions, ImportResult } from '../../core/formats/import-types';
import { MarginaliaDb } from '../../db/database';
import { announceInBulk } from '../../db/observe-changes';
import { storeImport } from '../../db/repositories/import';
import { uuidSource } from './fresh-ids';
import {
  summarize,
  type FileOutcome,
  type ImportWorkerMessage,
  type ImportWorkerRequest,
} from './import-messages';

/**
 * The whole import runs here, off the UI thread: decoding, validation, and storing each valid file
 * in its own IndexedDB transaction (IndexedDB works in workers, and Dexie tells the page's live
 * queries when it commits). The page only receives progress and the report, so a 100,000-line file
 * never blocks it. Terminating this worker aborts an unfinished transaction: Cancel stores nothing.
 */
const post = (m: ImportWorkerMessage): void => postMessage(m);
const freshId = uuidSource();
let parsed: ImportResult[] = [];

function parse(files: ImportFile[], options: ImportOptions): ImportResult[] {
  if (files.some((f) => f.name.toLowerCase().endsWith('.ann'))) return parseImportFiles(files, options);
  const total = files.reduce((n, f) => n + f.bytes.length, 0) || 1;
  let before = 0;
  return files.map((f) => {
    const size = f.bytes.length;
    const progress = (x: number) =>
      post({ kind: 'progress', phase: 'parse', fraction: (before + x * size) / total, file: f.name });
    progress(0);
    const result = parseImportFile({ ...f, options, onProgress: progress });
    before += size;
    return result;
  });
}

async function store(dbName: string, annotator: string | null): Promise<FileOutcome[]> {
  const db = new MarginaliaDb(dbName);
  const changes = announceInBulk(db);
  try {
    await db.open();
    const outcomes: FileOutcome[] = [];
    for (const [i, result] of parsed.entries()) {
      const done = (x: number) =>
        post({ kind: 'progress', phase: 'store', fraction: (i + x) / parsed.length, file: result.file });
      done(0);
      if (!result.ok) {
        outcomes.push({ result: summarize(result), stored: null, storeError: null });
        continue;
      }
      try {
        // New documents as batch rows (issue 20): ~256 a row instead of ~4 rows each.
        const stored = await storeImport(db, result, annotator, freshId, done, {
          batchRows: true,
        });
        outcomes.push({ result: summarize(result), stored, storeError: null });
      } catch (e) {
        outcomes.push({
          result: summarize(result),
          stored: null,
          storeError: e instanceof Error ? e.message : String(e),
        });
      }
    }
    return outcomes;
  } finally {
    changes.announce();
    db.close();
  }
}

self.onmessage = async (e: MessageEvent<ImportWorkerRequest>) => {
  try {
    if (e.data.kind === 'parse') {
      parsed = parse(e.data.files, e.data.options);
      post({ kind: 'parsed', summaries: parsed.map(summarize) });
    } else {
      post({ kind: 'stored', outcomes: await store(e.data.dbName, e.data.annotator) });
      parsed = [];
    }
  } catch (err) {
    post({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
};
