import { describe, expect, it } from 'vitest';

import { exportToStrings } from '../../../renderer/src/core/formats/export';
import { EXPORT_FORMATS } from '../../../renderer/src/core/formats/export-types';
import type { MarginaliaDb } from '../../../renderer/src/db/database';
import { exportAnnotatorLines } from '../../../renderer/src/db/repositories/export';
import { listAnnotators, loadExportDataset } from '../../../renderer/src/db/repositories/export-dataset';
import { exportPages } from '../../../renderer/src/db/repositories/export-pages';
import { storeImport } from '../../../renderer/src/db/repositories/import';
import { streamNativeExport } from '../../../renderer/src/features/export/streamExport';
import type { ExportSink } from '../../../renderer/src/platform/export-sink';
import { file } from './batch-copy';
import { frozenClock, mixedLibraries } from './batch-mixed';
import { freshDb } from './fresh-db';

/**
 * Issue 20: every export reads documents held in batch rows as if they were per-document rows: the
 * same library held per document and in batches (with some batch documents edited, so shadowed by
 * rows with other spans and statuses) exports byte for byte the same, in every format.
 */
const WHO = ['alice', 'bob', 'carol', 'dora', 'gold'];

async function streamed(db: MarginaliaDb, includeUntouched: boolean, annotators = WHO): Promise<string> {
  const written: string[] = [];
  const sink: ExportSink = {
    write: async (t) => void written.push(t),
    close: async () => 'f.jsonl',
    abort: async () => undefined,
  };
  const req = { annotators, includeUntouched, withUtf16: true, fileName: 'f.jsonl' };
  const out = await streamNativeExport(
    db,
    sink,
    req,
    () => undefined,
    () => false,
  );
  expect(out).not.toBeNull();
  return written.join('');
}

// Building two libraries of a few hundred documents takes seconds on a loaded machine.
const LOADED = 120_000;

describe('exports read documents in batch rows', () => {
  frozenClock();

  it(
    'every format, whole library and chosen documents, is byte-identical to per-document rows',
    async () => {
      const { reference, db, ids, edited } = await mixedLibraries(300, 5);
      expect(await db.documents.count()).toBe(10 + edited.length);
      const chosen = [ids[0]!, ids[12]!, ...edited, ids[100]!, ids[299]!];
      for (const docIds of [null, chosen])
        for (const includeUntouched of [false, true]) {
          const data = await loadExportDataset(db, docIds, WHO, includeUntouched);
          const expected = await loadExportDataset(reference, docIds, WHO, includeUntouched);
          expect(data).toEqual(expected);
          expect(data.documents.length).toBe(docIds ? chosen.length : 300);
          for (const format of EXPORT_FORMATS) {
            const options = { format, baseName: 'b', includeUnannotated: includeUntouched };
            const mine = exportToStrings(data, options);
            const theirs = exportToStrings(expected, options);
            if (!mine.ok || !theirs.ok) throw new Error(`${format}: the export failed`);
            expect(mine.value).toEqual(theirs.value);
          }
        }
      expect(await listAnnotators(db)).toEqual(await listAnnotators(reference));
    },
    LOADED,
  );

  it(
    'the streamed native export pages by batch and writes the same bytes',
    async () => {
      const { reference, db } = await mixedLibraries(300, 5);
      // With gold or alice (who has a link) the pages go through records; without, a whole batch
      // row is written from its columns (db/corpus/native-batch.ts).
      for (const annotators of [WHO, ['bob', 'carol', 'dora']])
        for (const includeUntouched of [false, true])
          expect(await streamed(db, includeUntouched, annotators)).toBe(
            await streamed(reference, includeUntouched, annotators),
          );
      // Small pages: per-document pages before and after the batches, one page per batch between.
      const titles = async (x: MarginaliaDb) => {
        const pages: string[][] = [];
        for await (const p of exportPages(x, ['alice'], true, 4)) pages.push(p.documents.map((d) => d.title));
        return pages;
      };
      const pages = await titles(db);
      expect(pages.flat()).toEqual((await titles(reference)).flat());
      expect(pages.map((p) => p.length)).toEqual([4, 1, 145, 145, 4, 1]);
    },
    LOADED,
  );

  it(
    'a library wholly in batch rows streams from their columns, byte for byte as per-document rows',
    async () => {
      const [reference, db] = [await freshDb('ref'), await freshDb('batch')];
      const lines = file(600);
      await storeImport(reference, lines, null, () => 'fresh');
      await storeImport(
        db,
        lines,
        null,
        () => 'fresh',
        () => undefined,
        { batchRows: true },
      );
      expect(await db.documents.count()).toBe(0);
      for (const annotators of [
        ['alice', 'bob', 'carol'],
        ['carol', 'nobody'],
      ])
        for (const includeUntouched of [false, true])
          expect(await streamed(db, includeUntouched, annotators)).toBe(
            await streamed(reference, includeUntouched, annotators),
          );
    },
    LOADED,
  );

  it(
    'one annotator’s lines',
    async () => {
      const { reference, db } = await mixedLibraries(120, 7);
      for (const a of [...WHO, 'nobody'])
        expect(await exportAnnotatorLines(db, a)).toEqual(await exportAnnotatorLines(reference, a));
    },
    LOADED,
  );
});
