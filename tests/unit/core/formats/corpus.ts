import fc from 'fast-check';
import type { ArticleDocument } from '../../../../renderer/src/core/model/document';
import { LABELS } from '../../../../renderer/src/core/model/labels';
import type { Span } from '../../../../renderer/src/core/model/span';
import { compareSpans } from '../../../../renderer/src/core/model/span';
import { codePointLength } from '../../../../renderer/src/core/text/code-points';
import { documentIdForText } from '../../../../renderer/src/core/text/text-hash';
import type { ExportAnnotationSet, ExportDataset } from '../../../../renderer/src/core/formats/export-types';
import type { ImportResult } from '../../../../renderer/src/core/formats/import-types';

/** Pieces that make UTF-16 and code point offsets differ, and tokenizers and bidi work. */
const PIECES = [
  'The',
  'minister',
  'said',
  '42',
  'per',
  'cent',
  '.',
  ',',
  '"',
  '(',
  ')',
  '—',
  ' ',
  ' ',
  ' ',
  '\n',
  '\n\n',
  '𝔘nicode',
  '😀',
  '👩‍💻',
  '👍🏽',
  '🇫🇷',
  'e\u0301',
  'Å',
  'שלום',
  'مرحبا',
  '中文',
  'naïve',
  '\t',
];
const NOTE_PIECES = ['check', 'source?', '😀', 'é', 'שלום', ' ', 'see p. 3', '"quoted"'];

export const arbText = fc
  .array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 40 })
  .map((p) => p.join(''))
  .filter((t) => t.trim() !== '');

const arbNote = fc.oneof(
  fc.constant(''),
  fc.array(fc.constantFrom(...NOTE_PIECES), { minLength: 1, maxLength: 5 }).map((p) => p.join('').trim()),
);

/** Random spans (overlapping and nested allowed, exact duplicates removed) over `length` code points. */
function arbSpans(length: number): fc.Arbitrary<Span[]> {
  const one = fc
    .tuple(fc.nat({ max: length - 1 }), fc.nat({ max: length - 1 }), fc.constantFrom(...LABELS), arbNote)
    .map(([a, b, label, note]) => {
      const start = Math.min(a, b);
      const end = Math.max(a, b) + 1;
      return { id: '', start, end, label, note };
    });
  return fc.array(one, { maxLength: 8 }).map((spans) => {
    const seen = new Set<string>();
    return spans
      .filter((s) => {
        const k = `${s.start}:${s.end}:${s.label}`;
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      })
      .map((s, i) => ({ ...s, id: `span-${i}` }));
  });
}

export function makeDocument(text: string, order = 0, title = `Doc ${order}`): ArticleDocument {
  return {
    id: documentIdForText(text),
    title,
    text,
    length: codePointLength(text),
    source: 'test',
    meta: { n: order },
    order,
  };
}

/** A dataset: up to 3 documents (distinct texts), each with sets from up to 2 annotators. */
export const arbDataset: fc.Arbitrary<ExportDataset> = fc
  .uniqueArray(arbText, { minLength: 1, maxLength: 3, selector: (t) => documentIdForText(t) })
  .chain((texts) => {
    const docs = texts.map((t, i) => makeDocument(t, i));
    const setsArb = docs.map((d) =>
      fc.subarray(['alice', 'bob']).chain((annotators) =>
        fc.tuple(
          ...annotators.map((a) =>
            arbSpans(d.length).map((spans): ExportAnnotationSet => ({
              docId: d.id,
              annotator: a,
              status: 'done',
              spans,
            })),
          ),
        ),
      ),
    );
    return fc.tuple(...setsArb).map((sets) => ({ documents: docs, sets: sets.flat() }));
  });

/** Comparable view of spans: what every format keeps. */
export const plain = (spans: readonly Span[], keep: { note?: boolean; id?: boolean } = { note: true }) =>
  [...spans].sort(compareSpans).map((s) => ({
    start: s.start,
    end: s.end,
    label: s.label,
    ...(keep.note ? { note: s.note } : {}),
    ...(keep.id ? { id: s.id } : {}),
  }));

/** Sets keyed "docId|annotator" from a dataset, or from import results. */
export function setsOf(data: ExportDataset, keep?: { note?: boolean; id?: boolean }) {
  return Object.fromEntries(
    data.sets
      .filter((s) => s.spans.length > 0)
      .map((s) => [`${s.docId}|${s.annotator}`, plain(s.spans, keep)]),
  );
}

export function importedSetsOf(results: readonly ImportResult[], keep?: { note?: boolean; id?: boolean }) {
  return Object.fromEntries(
    results
      .flatMap((r) => r.annotations)
      .filter((a) => a.spans.length > 0)
      .map((a) => [`${a.docId}|${a.annotator ?? ''}`, plain(a.spans, keep)]),
  );
}

export const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
