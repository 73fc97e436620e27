import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { nativePage } from '../../../renderer/src/core/formats/export-pages';
import { serializeNativeRecord, type NativeRecordInput } from '../../../renderer/src/core/formats/native';
import { sortKeys } from '../../../renderer/src/core/formats/canonical';
import type { Label } from '../../../renderer/src/core/model/labels';
import { compareSpans, type Span } from '../../../renderer/src/core/model/span';
import type { DocStatus } from '../../../renderer/src/core/model/status';
import { CodePointIndex } from '../../../renderer/src/core/text/code-points';
import { documentIdForText } from '../../../renderer/src/core/text/text-hash';
import { encodeBatch, type BatchEntry, type BatchRow } from '../../../renderer/src/db/batch-rows';
import { nativeBatchPage } from '../../../renderer/src/db/corpus/native-batch';
import { batchPage } from '../../../renderer/src/db/repositories/export-pages';
import { documentToRow, type ProgressRow, type SpanRow } from '../../../renderer/src/db/rows';

/**
 * Issue 20, the corpus export: a batch row serialized straight from its columns writes the bytes the
 * record path writes (the row as a dataset, then the one-shot export's page writer), on data chosen
 * to trip a hand-made serializer: astral characters and lone surrogates in texts, titles, ids and
 * notes, JSON's special characters, sets done without spans, unsure spans, and meta with odd keys.
 */

/** The record as an object, stringified whole: what serializeNativeRecord wrote before it was pieces. */
function recordObjectJson(input: NativeRecordInput): string {
  const idx = new CodePointIndex(input.document.text);
  const spans = [...input.spans].sort(compareSpans).map((s) => {
    const out: Record<string, unknown> = { id: s.id, start: s.start, end: s.end };
    if (input.withUtf16) {
      out['start_utf16'] = idx.toUtf16(s.start);
      out['end_utf16'] = idx.toUtf16(s.end);
    }
    out['label'] = s.label;
    out['text'] = idx.slice(s.start, s.end);
    out['note'] = s.note;
    if (s.unsure) out['unsure'] = true;
    return out;
  });
  const { document: doc } = input;
  return JSON.stringify({
    schema_version: 1,
    doc_id: doc.id,
    title: doc.title,
    text: doc.text,
    annotator: input.annotator,
    status: input.status,
    spans,
    meta: sortKeys(doc.meta),
  });
}

const TEXTS = [
  '𝔘nicode 😀 test\n“Quoted” claim: 42 % 👩‍👩‍👧 end',
  'lone \ud800 high, lone \udc00 low, "quotes", back\\slash, tab\t, nul\u0000, line\u2028sep',
  'plain ascii text with nothing special in it at all',
  '😀😀😀😀😀😀😀😀😀😀',
  'x',
];
const NOTES = ['', 'a note 📈', '"quoted" \\ \n', '\udbff'];
const LABELS: Label[] = ['claim', 'quote', 'figure', 'speculation'];
const META: Record<string, unknown>[] = [
  {},
  JSON.parse('{"__proto__": {"b": 1}, "constructor": "x", "": [1, {"z": 0, "a": null}]}') as Record<
    string,
    unknown
  >,
  { zeta: 1, Alpha: 'A', '😀': true, '10': 10, '9': 9, nested: { b: [2, 'x'], a: { d: 1, c: 2 } } },
];
const WHO = ['carol', 'alice', 'bob'];

/** A batch entry for text t, each annotator with 0–3 spans and some status (or none). */
function entry(t: number, order: number, pick: (n: number) => number): BatchEntry {
  const text = TEXTS[t % TEXTS.length]! + (t >= TEXTS.length ? ` #${t}` : '');
  const id = documentIdForText(text);
  const length = Array.from(text).length;
  const title = ['Title', 'T “2” 😀', 'tab\there \ud83d'][pick(3)]!;
  const document = documentToRow(
    { id, title, text, source: 'test', meta: META[pick(META.length)]! },
    order,
    1000 + order,
  );
  const spans: SpanRow[] = [];
  const statuses: ProgressRow[] = [];
  for (const annotator of WHO) {
    const mine: Span[] = [];
    for (let k = pick(4); k > 0; k--) {
      const start = pick(length);
      const end = start + 1 + pick(length - start);
      const s: Span = {
        id: `${annotator[0]}${k}\u{1F600}`,
        start,
        end,
        label: LABELS[pick(4)]!,
        note: NOTES[pick(4)]!,
      };
      if (!mine.some((m) => m.start === start && m.end === end && m.label === s.label))
        mine.push(pick(3) === 0 ? { ...s, unsure: true } : s);
    }
    for (const s of mine.sort(compareSpans)) {
      const row: SpanRow = { ...s, docId: id, annotator, updatedAt: 5 };
      spans.push(row);
    }
    const status = pick(4);
    if (status > 0) {
      const st: DocStatus = (['todo', 'in_progress', 'done'] as const)[status - 1]!;
      statuses.push({ docId: id, annotator, status: st, updatedAt: 7 });
    }
  }
  return { document, text, spans, statuses };
}

function batchOf(seed: number, documents: number): BatchRow {
  // mulberry32: small, and every bit of it varies.
  let x = seed;
  const pick = (n: number) => {
    x = (x + 0x6d2b79f5) | 0;
    let t = Math.imul(x ^ (x >>> 15), 1 | x);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return n <= 0 ? 0 : ((t ^ (t >>> 14)) >>> 0) % n;
  };
  const row = encodeBatch(
    0,
    Array.from({ length: documents }, (_, j) => entry(j, j * 3 + 1, pick)),
  );
  if (!row) throw new Error('the entries did not fit a batch row');
  return row;
}

function recordPath(
  row: BatchRow,
  annotators: readonly string[],
  withUtf16: boolean,
  includeUntouched: boolean,
) {
  const out = nativePage(batchPage(row, annotators, includeUntouched), {
    withUtf16,
    includeUnannotated: includeUntouched,
  });
  if (!out.ok) throw new Error(out.error.message);
  return out.value;
}

describe('native JSONL from a batch row’s columns', () => {
  it('serializeNativeRecord writes what JSON.stringify writes for the record object', () => {
    const str = fc.string({ unit: 'binary', maxLength: 12 });
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
        str,
        fc.array(fc.tuple(fc.nat(), fc.nat(), str, str, fc.boolean(), fc.nat(3)), { maxLength: 4 }),
        fc.dictionary(str, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
        fc.boolean(),
        (text, title, raw, meta, withUtf16) => {
          const n = new CodePointIndex(text).codePointLength;
          const spans: Span[] = raw.map(([a, b, id, note, unsure, l]) => {
            const start = a % n;
            const end = start + 1 + (b % (n - start));
            const s: Span = { id, start, end, label: LABELS[l]!, note };
            return unsure ? { ...s, unsure: true } : s;
          });
          const input: NativeRecordInput = {
            document: { id: documentIdForText(text), title, text, meta },
            annotator: title,
            status: 'in_progress',
            spans,
            withUtf16,
          };
          expect(serializeNativeRecord(input)).toBe(recordObjectJson(input));
        },
      ),
    );
  });

  it('writes the record path’s bytes, counts and order on tricky data', () => {
    for (const seed of [1, 2, 3, 4])
      for (const withUtf16 of [false, true])
        for (const includeUntouched of [false, true])
          for (const annotators of [WHO, ['bob'], ['nobody', 'alice'], []]) {
            const row = batchOf(seed, 40);
            const direct = nativeBatchPage(row, annotators, { withUtf16, includeUntouched });
            expect(direct).not.toBeNull();
            expect(direct).toEqual(recordPath(row, annotators, withUtf16, includeUntouched));
          }
    const sample = nativeBatchPage(batchOf(1, 40), WHO, { withUtf16: true, includeUntouched: true })!;
    // The data reaches every case it is meant to.
    expect(sample.notStarted).toBeGreaterThan(0);
    expect(sample.text).toContain('"unsure":true');
    expect(sample.text).toContain('"__proto__":{"b":1}');
    expect(sample.text).toContain('\\ud800');
    expect(sample.text).toMatch(/"status":"done","spans":\[\]/);
  });

  it('leaves to the record path what it does not vouch for', () => {
    const options = { withUtf16: false, includeUntouched: false };
    const changed = batchOf(5, 6);
    changed.texts[2] = `${changed.texts[2]!} edited`;
    expect(nativeBatchPage(changed, WHO, options)).toBeNull();
    const outside = batchOf(6, 6);
    const spans = outside.spans[0]!;
    const k = spans.docStart.findIndex((from, j) => spans.docStart[j + 1]! > from);
    spans.pack.ends[spans.docStart[k]!] = 10_000;
    expect(nativeBatchPage(outside, WHO, options)).toBeNull();
    expect(nativeBatchPage(batchOf(7, 6), ['alice', 'alice'], options)).toBeNull();
    expect(nativeBatchPage(batchOf(7, 6), ['gold', 'alice'], options)).toBeNull();
    const missing = batchOf(9, 6);
    delete (missing.spans[1]!.pack as { unsure?: Uint8Array }).unsure;
    expect(nativeBatchPage(missing, WHO, options)).toBeNull();
    const unordered = batchOf(8, 6);
    unordered.orders[3] = 0;
    expect(nativeBatchPage(unordered, WHO, options)).toBeNull();
  });
});
