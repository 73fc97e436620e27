/**
 * Issue 20 item 2: a big library built as a user would build it, by importing files through the
 * app's import (its worker, one strict transaction per file) into the app's own database. Each file
 * is generated here, in the lab page, and handed to the worker; texts differ by their line number,
 * so every line is a new document.
 */
import { joinJsonl, serializeNativeRecord } from '../../renderer/src/core/formats/native';
import type { Span } from '../../renderer/src/core/model/span';
import { documentIdForText } from '../../renderer/src/core/text/text-hash';
import { startImportJob } from '../../renderer/src/session/import/runImportWorker';
import { article, spans } from '../corpus';

function libraryFile(from: number, lines: number): Uint8Array {
  const out: string[] = [];
  for (let i = from; i < from + lines; i++) {
    const text = `${article(240, 7000 + (i % 997))} #${i}`;
    const doc = { id: documentIdForText(text), title: `Library ${i}`, text, meta: {} };
    const list: Span[] = spans(240, 2, i).map((s) => ({ ...s, note: '' }));
    const status = i % 7 === 0 ? ('done' as const) : ('todo' as const);
    out.push(serializeNativeRecord({ document: doc, annotator: 'bench', status, spans: list }));
  }
  return new TextEncoder().encode(joinJsonl(out));
}

/** Imports lines [from, from + lines) into `dbName`; returns the documents the import added. */
export async function libraryFillJob(dbName: string, from: number, lines: number): Promise<number> {
  const job = startImportJob(
    [{ name: `library-${from}.jsonl`, bytes: libraryFile(from, lines) }],
    {},
    dbName,
    () => undefined,
  );
  const [summary] = await job.parsed;
  if (!summary?.ok) throw new Error(`library file refused: ${JSON.stringify(summary?.errors.slice(0, 3))}`);
  const [outcome] = await job.store(null);
  if (!outcome?.stored) throw new Error(`library file not stored: ${outcome?.storeError ?? 'unknown'}`);
  return outcome.stored.documentsAdded;
}
