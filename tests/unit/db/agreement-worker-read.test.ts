import { describe, expect, it } from 'vitest';

import { computeAgreementResult } from '../../../renderer/src/core/agreement-report/result';
import type { AgreementSource } from '../../../renderer/src/core/agreement-report/study-input';
import { reportToJson } from '../../../renderer/src/core/agreement-report/html';
import { loadAgreementSource, loadAgreementState } from '../../../renderer/src/db/repositories/agreement';
import { frozenClock, mixedLibraries } from './batch-mixed';

/**
 * Issue 20: the agreement worker reads sets of documents held in batch rows straight from the pack
 * columns, in no promised order. Whatever the library's storage, it reads the sets, documents and
 * links `loadAgreementSource` reads (compared sorted), and so computes the same figures.
 */
const NOW = new Date('2026-12-06T00:00:00Z');
const LOADED = 120_000;

const sortedSets = (s: AgreementSource) =>
  [...s.sets]
    .map((set) => ({
      ...set,
      spans: [...set.spans].sort(
        (a, b) => a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0),
      ),
    }))
    .sort((a, b) => (a.docId + a.annotator < b.docId + b.annotator ? -1 : 1));

describe("the agreement worker's read", () => {
  frozenClock();

  it(
    'reads what loadAgreementSource reads, from batch rows and per-document rows alike',
    async () => {
      const { reference, db, ids, edited } = await mixedLibraries(200, 5, true);
      const named = [ids[3]!, ids[12]!, ids[40]!, ...edited, ids[150]!, ids[197]!];
      for (const library of [db, reference])
        for (const annotators of [
          ['alice', 'bob'],
          ['alice', 'bob', 'carol', 'dora'],
          ['bob', 'gold'],
        ])
          for (const docIds of [null, named]) {
            const source = await loadAgreementSource(library, docIds, annotators);
            const fractions: number[] = [];
            const { source: read } = await loadAgreementState(library, docIds, annotators, (f) =>
              fractions.push(f),
            );
            // Progress through the batch rows of a whole read: rising, ending at 1.
            if (library === db && docIds === null) {
              expect(fractions.length).toBeGreaterThan(1);
              expect(fractions.at(-1)).toBe(1);
              expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
            }
            expect(read.documents).toEqual(source.documents);
            expect(read.links).toEqual(source.links);
            expect(sortedSets(read)).toEqual(sortedSets(source));
            if (annotators.length !== 2 || annotators.includes('gold')) continue;
            const selection = { docIds, annotators };
            expect(reportToJson(computeAgreementResult(read, selection, undefined, NOW))).toBe(
              reportToJson(computeAgreementResult(source, selection, undefined, NOW)),
            );
          }
    },
    LOADED,
  );
});
