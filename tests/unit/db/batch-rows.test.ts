import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { documentLength } from '../../../renderer/src/core/model/document';
import { LABELS } from '../../../renderer/src/core/model/labels';
import { STATUSES } from '../../../renderer/src/core/model/status';
import { batchIndexRows, batchOf, prefixOf } from '../../../renderer/src/db/batch-index';
import {
  BATCH_MAX_DOCUMENTS,
  BATCH_MAX_TEXT_UNITS,
  batchPackOf,
  decodeBatchEntry,
  encodeBatch,
  groupIntoBatches,
  type BatchEntry,
} from '../../../renderer/src/db/batch-rows';
import { spanToRow, type SpanRow } from '../../../renderer/src/db/rows';
import { decodeSpanPack } from '../../../renderer/src/db/span-pack';

/** Strings as imports may bring them: astral, separators, NUL, lone surrogates, empty. */
const oddString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('', '\u0000', '\ud800', '\udfff', '😀', '|', '\n', 'x'.repeat(300)),
);
const annotator = fc.constantFrom('alice', 'bob', 'gold', '😀');

const spanRow = (docId: string): fc.Arbitrary<SpanRow> =>
  fc
    .record({
      id: oddString,
      annotator,
      start: fc.nat({ max: 0xfffff }),
      len: fc.nat({ max: 500 }),
      label: fc.constantFrom(...LABELS),
      note: oddString,
      unsure: fc.boolean(),
      updatedAt: fc.double({ noNaN: true }),
    })
    // Built by spanToRow, so the key order is the stored rows' too.
    .map(({ id, annotator, start, len, label, note, unsure, updatedAt }) =>
      spanToRow(
        { id, start, end: start + len, label, note, ...(unsure ? { unsure } : {}) },
        docId,
        annotator,
        updatedAt,
      ),
    );

const entry = (k: number): fc.Arbitrary<BatchEntry> =>
  fc
    .record({
      hash: fc.stringMatching(/^[0-9a-f]{64}$/),
      title: oddString,
      source: oddString,
      text: oddString,
      // Plain objects, as JSON.parse makes them (a null prototype does not survive a structured clone).
      meta: fc.dictionary(
        fc.string({ maxLength: 4 }).filter((k) => k !== '__proto__'),
        fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
        { noNullPrototype: true },
      ),
      addedAt: fc.integer({ min: 0 }),
    })
    .chain(({ hash, title, source, text, meta, addedAt }) => {
      const id = `sha256:${hash}${k}`;
      return fc.record({
        document: fc.constant({
          id,
          title,
          length: documentLength(text),
          source,
          meta,
          order: 1000 + k,
          addedAt,
        }),
        text: fc.constant(text),
        spans: fc.array(spanRow(id), { maxLength: 6 }),
        statuses: fc
          .uniqueArray(fc.record({ annotator, status: fc.constantFrom(...STATUSES), updatedAt: fc.nat() }), {
            selector: (p) => p.annotator,
            maxLength: 3,
          })
          .map((list) => list.map((p) => ({ docId: id, ...p }))),
      });
    });

const entries = fc
  .integer({ min: 1, max: 8 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, k) => entry(k))));

/** Order-free view of a set of rows, for comparing. */
const sorted = <T>(rows: readonly T[]): string[] => rows.map((r) => JSON.stringify(r)).sort();

describe('batch rows (issue 20 storage shape)', () => {
  it('give back every document, text, span and status exactly, after a structured clone as IndexedDB stores it', () => {
    fc.assert(
      fc.property(entries, (list) => {
        const row = encodeBatch(7, list);
        expect(row).not.toBeNull();
        const stored = structuredClone(row!);
        list.forEach((e, j) => {
          const back = decodeBatchEntry(stored, j);
          expect(back?.document).toStrictEqual(e.document);
          expect(back?.text).toBe(e.text);
          // Same rows, same fields, `unsure` present only when set (as spanToRow writes it).
          expect(sorted(back!.spans)).toStrictEqual(sorted(e.spans));
          expect(sorted(back!.statuses)).toStrictEqual(sorted(e.statuses));
        });
      }),
    );
  });

  it("slice one document's spans of one annotator as a pack the open path decodes in compareSpans order", () => {
    fc.assert(
      fc.property(entries, (list) => {
        const row = structuredClone(encodeBatch(0, list)!);
        list.forEach((e, j) => {
          for (const a of new Set(e.spans.map((s) => s.annotator))) {
            const pack = batchPackOf(row, j, a);
            const spans = pack && decodeSpanPack(pack);
            const ids = e.spans.filter((s) => s.annotator === a).map((s) => s.id);
            expect(spans?.map((s) => s.id).sort()).toStrictEqual(ids.sort());
            expect(spans?.every((s, i) => i === 0 || s.start >= spans[i - 1]!.start)).toBe(true);
          }
        });
      }),
    );
  });

  it('refuse what the columns cannot keep exactly, so the writer stores it per document', () => {
    const id = `sha256:${'a'.repeat(64)}`;
    const doc = { id, title: 't', length: 1, source: '', meta: {}, order: 0, addedAt: 0 };
    const span: SpanRow = {
      id: 's',
      docId: id,
      annotator: 'a',
      start: 0,
      end: 1,
      label: 'claim',
      note: '',
      updatedAt: 1,
    };
    const ok: BatchEntry = { document: doc, text: 'x', spans: [span], statuses: [] };
    expect(encodeBatch(0, [ok])).not.toBeNull();
    const refused: BatchEntry[] = [
      { ...ok, spans: [{ ...span, provenance: {} } as SpanRow] },
      { ...ok, spans: [{ ...span, unsure: false } as unknown as SpanRow] },
      { ...ok, spans: [{ ...span, start: -1 }] },
      { ...ok, spans: [{ ...span, docId: 'other' }] },
      { ...ok, document: { ...doc, extra: 1 } as typeof doc },
      { ...ok, document: { ...doc, length: 2 } },
      { ...ok, statuses: [{ docId: id, annotator: 'a', status: 'later' as 'done', updatedAt: 0 }] },
    ];
    for (const e of refused) expect(encodeBatch(0, [e])).toBeNull();
  });

  it('group documents by count and by text size, one long article alone', () => {
    const many = Array.from({ length: BATCH_MAX_DOCUMENTS * 2 + 1 }, () => ({ text: 'x' }));
    expect(groupIntoBatches(many).map((g) => g.length)).toStrictEqual([
      BATCH_MAX_DOCUMENTS,
      BATCH_MAX_DOCUMENTS,
      1,
    ]);
    const long = 'y'.repeat(BATCH_MAX_TEXT_UNITS);
    const mixed = [{ text: 'a' }, { text: long }, { text: 'b' }];
    expect(groupIntoBatches(mixed).map((g) => g.map((e) => e.text.length))).toStrictEqual([
      [1],
      [long.length],
      [1],
    ]);
  });
});

describe('batch index', () => {
  it('finds the batch of every id over several bulk writes, and nothing for an id never written', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[0-9a-f]{64}$/), { minLength: 1, maxLength: 300 }),
        fc.integer({ min: 1, max: 4 }),
        (hashes, writes) => {
          const ids = hashes.map((h) => `sha256:${h}`);
          const absent = ids.pop()!;
          const where = new Map<string, number>();
          const rows = [];
          let n = 0;
          const per = Math.ceil(ids.length / writes);
          for (let w = 0; w < ids.length; w += per) {
            const batches = [];
            for (let i = w; i < Math.min(ids.length, w + per); i += 5) {
              batches.push({ n, ids: ids.slice(i, Math.min(i + 5, w + per)) });
              for (const id of ids.slice(i, Math.min(i + 5, w + per))) where.set(id, n);
              n++;
            }
            rows.push(...structuredClone(batchIndexRows(batches)));
          }
          for (const id of ids)
            expect(
              batchOf(
                rows.filter((r) => r.prefix === prefixOf(id)),
                id,
              ),
            ).toBe(where.get(id));
          expect(batchOf(rows, absent)).toBeUndefined();
          expect(rows.every((r) => r.ids.every((id) => prefixOf(id) === r.prefix))).toBe(true);
        },
      ),
    );
  });

  it('keeps ids of another shape findable in one bucket', () => {
    const rows = batchIndexRows([{ n: 3, ids: ['doc-1', 'x', `sha256:ab${'0'.repeat(62)}`] }]);
    expect(prefixOf('doc-1')).toBe('-');
    expect(
      batchOf(
        rows.filter((r) => r.prefix === '-'),
        'x',
      ),
    ).toBe(3);
    expect(
      batchOf(
        rows.filter((r) => r.prefix === 'ab'),
        `sha256:ab${'0'.repeat(62)}`,
      ),
    ).toBe(3);
  });
});
