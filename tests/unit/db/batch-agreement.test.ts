import { describe, expect, it } from 'vitest';

import { computeAgreementResult } from '../../../renderer/src/core/agreement-report/result';
import { reportToJson } from '../../../renderer/src/core/agreement-report/html';
import {
  listParticipants,
  listStudyAnnotators,
  loadAgreementSource,
} from '../../../renderer/src/db/repositories/agreement';
import { materialize } from '../../../renderer/src/db/batch-store';
import { applyAnnotationCommand } from '../../../renderer/src/db/repositories/annotations';
import { storeImport } from '../../../renderer/src/db/repositories/import';
import { batchCopy, file } from './batch-copy';
import { frozenClock, mixedLibraries } from './batch-mixed';
import { freshDb } from './fresh-db';

/**
 * Issue 20: the Agreement view reads documents held in batch rows as if they were per-document rows:
 * the same source (documents in library order, sets in the order rows give them) and so the same
 * figures, for the whole library and for the refresh that reads only named documents.
 */
const NOW = new Date('2026-12-06T00:00:00Z');
const WRITE_TABLES = ['documents', 'texts', 'spans', 'progress', 'spanPacks', 'batches', 'batchIndex'];

// Building two libraries of a few hundred documents takes seconds on a loaded machine.
const LOADED = 120_000;

describe('agreement reads documents in batch rows', () => {
  frozenClock();

  it(
    'the same source and the same figures as per-document rows',
    async () => {
      const { reference, db, ids, edited } = await mixedLibraries(200, 5, true);
      const named = [ids[3]!, ids[12]!, ids[40]!, ...edited, ids[150]!, ids[197]!];
      for (const annotators of [
        ['alice', 'bob'],
        ['alice', 'bob', 'carol', 'dora'],
        ['bob', 'gold'],
      ])
        for (const docIds of [null, named]) {
          const source = await loadAgreementSource(db, docIds, annotators);
          expect(source).toEqual(await loadAgreementSource(reference, docIds, annotators));
          expect(source.documents.length).toBeGreaterThan(docIds ? 3 : 100);
          // Figures need documents every chosen annotator labelled: alice's and bob's overlap.
          if (annotators.length !== 2 || annotators.includes('gold')) continue;
          const selection = { docIds, annotators };
          const theirs = computeAgreementResult(
            await loadAgreementSource(reference, docIds, annotators),
            selection,
            undefined,
            NOW,
          );
          expect(reportToJson(computeAgreementResult(source, selection, undefined, NOW))).toBe(
            reportToJson(theirs),
          );
        }
    },
    LOADED,
  );

  it(
    'lists an annotator whose sets are all in batch rows, and not one whose sets moved out',
    async () => {
      const reference = await freshDb('participants-ref');
      await storeImport(reference, file(60), null, () => 'fresh');
      const id = ((await reference.documents.orderBy('order').primaryKeys()) as string[])[7]!;
      const span = { id: 'e1', start: 0, end: 4, label: 'claim' as const, note: '' };
      await applyAnnotationCommand(reference, id, 'erin', { kind: 'create', span });
      const db = await batchCopy(reference);
      expect(await db.documents.count()).toBe(0);
      expect(await listStudyAnnotators(db)).toEqual(['alice', 'bob', 'carol', 'erin']);
      expect(await listStudyAnnotators(reference)).toEqual(['alice', 'bob', 'carol', 'erin']);
      // erin's only set, moved out of its batch with its document and then deleted: no erin.
      await db.transaction('rw', WRITE_TABLES, () => materialize(db, [id]));
      for (const x of [db, reference]) await applyAnnotationCommand(x, id, 'erin', { kind: 'delete', span });
      expect((await listParticipants(db)).sort()).toEqual(['alice', 'bob', 'carol']);
      expect((await listParticipants(reference)).sort()).toEqual(['alice', 'bob', 'carol']);
    },
    LOADED,
  );
});
