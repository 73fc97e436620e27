import { describe, expect, it } from 'vitest';

import type { ImportedAnnotation, ImportedDocument } from '../../../renderer/src/core/formats/import-types';
import { documentLength } from '../../../renderer/src/core/model/document';
import { LABELS } from '../../../renderer/src/core/model/labels';
import { documentIdForText } from '../../../renderer/src/core/text/text-hash';
import type { MarginaliaDb } from '../../../renderer/src/db/database';
import { storeImport } from '../../../renderer/src/db/repositories/import';
import { streamNativeExport } from '../../../renderer/src/features/export/streamExport';
import type { ExportSink } from '../../../renderer/src/platform/export-sink';
import { freshDb } from './fresh-db';

/**
 * Issue 20: the streamed export of a corpus stored as the import stores a file (batch rows, 256
 * documents a row, read 8 rows at a time) writes the same bytes as the same file stored one row per
 * document. 2,100 documents make 9 batch rows: two read groups, the second with one row.
 */
const DOCUMENTS = 2_100;
const WHO = ['ann', 'bea'];

function corpusFile(): { documents: ImportedDocument[]; annotations: ImportedAnnotation[] } {
  const documents: ImportedDocument[] = [];
  const annotations: ImportedAnnotation[] = [];
  for (let i = 0; i < DOCUMENTS; i++) {
    const text = `Article ${i}: “prices” rose 😀 ${i % 7}% in שלום.\nSecond line ${i}.`;
    const id = documentIdForText(text);
    documents.push({ id, title: `T${i}`, text, length: documentLength(text), meta: { n: i }, source: 'f' });
    WHO.forEach((annotator, a) => {
      // Every third document has no set of bea's; some of ann's are in progress without spans.
      if (a === 1 && i % 3 === 0) return;
      const spans =
        i % 5 === 4 ? [] : [{ id: `${i}-${a}`, start: 8 + a, end: 14, label: LABELS[i % 4]!, note: '' }];
      annotations.push({ docId: id, annotator, status: i % 2 ? 'done' : 'in_progress', spans });
    });
  }
  return { documents, annotations };
}

async function streamed(db: MarginaliaDb, includeUntouched: boolean) {
  const written: string[] = [];
  const sink: ExportSink = {
    write: async (t) => void written.push(t),
    close: async () => 'f.jsonl',
    abort: async () => undefined,
  };
  const progress: number[] = [];
  const req = { annotators: WHO, includeUntouched, withUtf16: true, fileName: 'f.jsonl' };
  const out = await streamNativeExport(
    db,
    sink,
    req,
    (f) => progress.push(f),
    () => false,
  );
  return { text: written.join(''), pieces: written.length, summary: out?.summary, progress };
}

describe('the streamed export of an imported corpus', () => {
  it('is byte-identical whether the import wrote batch rows or one row per document', async () => {
    const file = corpusFile();
    const [batched, perDocument] = [await freshDb('batched'), await freshDb('rows')];
    for (const [db, batchRows] of [
      [batched, true],
      [perDocument, false],
    ] as const)
      await storeImport(
        db,
        file,
        null,
        () => 'unused',
        () => undefined,
        { batchRows },
      );
    expect(await batched.documents.count()).toBe(0);
    expect(await batched.table('batches').count()).toBe(9);
    for (const includeUntouched of [false, true]) {
      const mine = await streamed(batched, includeUntouched);
      const theirs = await streamed(perDocument, includeUntouched);
      expect(mine.text).toBe(theirs.text);
      expect(mine.summary).toEqual(theirs.summary);
      // Without untouched sets, the 210 documents whose sets are all in progress without spans are left out.
      expect(mine.summary?.documents).toBe(includeUntouched ? DOCUMENTS : DOCUMENTS - 210);
      // A piece per batch row, and progress that only grows, up to 1.
      expect(mine.pieces).toBe(9);
      expect(mine.progress).toEqual([...mine.progress].sort((a, b) => a - b));
      expect(mine.progress.at(-1)).toBe(1);
    }
  }, 120_000);
});
