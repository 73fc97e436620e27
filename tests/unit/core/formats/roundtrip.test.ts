import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBio } from '../../../../renderer/src/core/formats/bio-read';
import { bratFragments } from '../../../../renderer/src/core/formats/brat-export';
import { compareSpans } from '../../../../renderer/src/core/model/span';
import { CodePointIndex } from '../../../../renderer/src/core/text/code-points';
import { exportToStrings } from '../../../../renderer/src/core/formats/export';
import type {
  ExportDataset,
  ExportFormat,
  ExportOptions,
} from '../../../../renderer/src/core/formats/export-types';
import { parseBratPair, parseImportFile } from '../../../../renderer/src/core/formats/import';
import type { ImportResult } from '../../../../renderer/src/core/formats/import-types';
import { tokenize } from '../../../../renderer/src/core/formats/tokens';
import { arbDataset, bytes, importedSetsOf, makeDocument, setsOf } from './corpus';

const RUNS = { numRuns: 60 };

function run(data: ExportDataset, options: ExportOptions) {
  const out = exportToStrings(data, options);
  if (!out.ok) throw new Error(out.error.message);
  return out.value;
}

function reimport(data: ExportDataset, options: ExportOptions): ImportResult[] {
  const { files } = run(data, options);
  const importOptions = {
    ...(options.doccanoUnit ? { doccanoUnit: options.doccanoUnit } : {}),
    ...(options.labelStudioUnit ? { labelStudioUnit: options.labelStudioUnit } : {}),
  };
  if (options.format === 'brat') {
    const results: ImportResult[] = [];
    for (const ann of files.filter((f) => f.name.endsWith('.ann'))) {
      const stem = ann.name.slice(0, -4);
      const txt = files.find((f) => f.name === `${stem}.txt`);
      if (!txt) throw new Error('missing txt');
      const annotator = stem.slice(stem.lastIndexOf('.') + 1);
      results.push(
        parseBratPair(
          { name: txt.name, bytes: bytes(txt.text) },
          { name: ann.name, bytes: bytes(ann.text) },
          { annotator },
        ),
      );
    }
    return results;
  }
  const file = files[0];
  if (!file) throw new Error('no output');
  return [parseImportFile({ name: file.name, bytes: bytes(file.text), options: importOptions })];
}

/** What brat can hold of each span: its fragments' extent; a span of line breaks only is lost. */
function bratExpressible(data: ExportDataset): ExportDataset {
  const index = new Map(data.documents.map((d) => [d.id, new CodePointIndex(d.text)]));
  return {
    ...data,
    sets: data.sets.map((set) => ({
      ...set,
      // In export order; a shortened span that coincides with an earlier one is collapsed into it.
      spans: [...set.spans]
        .sort(compareSpans)
        .flatMap((s) => {
          const { fragments } = bratFragments(index.get(set.docId) as CodePointIndex, s.start, s.end);
          const a = fragments[0];
          const b = fragments[fragments.length - 1];
          return a && b ? [{ ...s, start: a[0], end: b[1] }] : [];
        })
        .filter(
          (s, i, all) =>
            all.findIndex((x) => x.start === s.start && x.end === s.end && x.label === s.label) === i,
        ),
    })),
  };
}

const docsOf = (results: readonly ImportResult[]) =>
  Object.fromEntries(results.flatMap((r) => r.documents).map((d) => [d.id, d.text]));
const expectedDocs = (data: ExportDataset, onlyAnnotated: boolean) =>
  Object.fromEntries(
    data.documents
      .filter((d) => !onlyAnnotated || data.sets.some((s) => s.docId === d.id))
      .map((d) => [d.id, d.text]),
  );

describe('round trip: export → import gives the same documents and spans', () => {
  const cases: [string, ExportOptions, { id?: boolean; onlyAnnotated?: boolean }][] = [
    ['native', { format: 'native' }, { id: true, onlyAnnotated: true }],
    ['native + UTF-16', { format: 'native', withUtf16: true }, { id: true, onlyAnnotated: true }],
    ['spaCy/Prodigy', { format: 'spacy' }, {}],
    ['doccano (UTF-16, the default)', { format: 'doccano' }, {}],
    ['doccano (code points)', { format: 'doccano', doccanoUnit: 'codepoint' }, {}],
    ['Label Studio (code points)', { format: 'labelstudio' }, { id: true }],
    ['Label Studio (UTF-16)', { format: 'labelstudio', labelStudioUnit: 'utf16' }, { id: true }],
    ['W3C Web Annotation', { format: 'w3c' }, { id: true }],
    ['W3C Web Annotation (UTF-16 positions)', { format: 'w3c', w3cUnit: 'utf16' }, { id: true }],
    ['brat', { format: 'brat' }, {}],
  ];
  for (const [name, options, keep] of cases) {
    it(name, () => {
      fc.assert(
        fc.property(arbDataset, (data) => {
          fc.pre(keep.onlyAnnotated !== true || data.sets.length > 0);
          const results = reimport(data, options);
          for (const r of results) expect(r.errors).toEqual([]);
          expect(docsOf(results)).toEqual(expectedDocs(data, keep.onlyAnnotated === true));
          // brat keeps an annotation on one line: line breaks at a span's ends cannot be written.
          const expected = options.format === 'brat' ? bratExpressible(data) : data;
          expect(importedSetsOf(results, { note: true, id: keep.id === true })).toEqual(
            setsOf(expected, { note: true, id: keep.id === true }),
          );
        }),
        RUNS,
      );
    });
  }

  it('native: titles, status and meta survive, and re-export is byte-identical', () => {
    fc.assert(
      fc.property(arbDataset, fc.boolean(), (data, withUtf16) => {
        fc.pre(data.sets.length > 0);
        const first = run(data, { format: 'native', withUtf16 }).files[0]?.text ?? '';
        const r = parseImportFile({ name: 'x.jsonl', bytes: bytes(first) });
        expect(r.errors).toEqual([]);
        expect(r.nativeWithUtf16 === true).toBe(withUtf16 && data.sets.some((s) => s.spans.length > 0));
        const again: ExportDataset = {
          documents: r.documents.map((d, order) => ({ ...d, order })),
          sets: r.annotations.map((a) => ({
            docId: a.docId,
            annotator: a.annotator ?? '',
            status: a.status ?? 'todo',
            spans: a.spans,
            ...(a.recordMeta ? { recordMeta: a.recordMeta } : {}),
          })),
        };
        const second = run(again, { format: 'native', withUtf16 }).files[0]?.text ?? '';
        expect(second).toBe(first);
      }),
      RUNS,
    );
  });

  it('BIO: token-aligned, non-overlapping spans come back identical', () => {
    const arb = arbDataset.map((data) => ({
      ...data,
      sets: data.sets.map((set) => {
        const doc = data.documents.find((d) => d.id === set.docId);
        const tokens = tokenize(doc?.text ?? '');
        // Keep only what BIO can express: spans on token edges that do not share a token.
        const taken = new Set<number>();
        const spans = set.spans
          .map((s) => {
            const first = tokens.findIndex((t) => t.end > s.start);
            const last = tokens.filter((t) => t.start < s.end).length - 1;
            const a = tokens[first];
            const b = tokens[last];
            return a && b && first <= last ? { ...s, start: a.start, end: b.end, first, last } : null;
          })
          .filter((s): s is NonNullable<typeof s> => s !== null)
          .filter((s) => {
            for (let i = s.first; i <= s.last; i++) if (taken.has(i)) return false;
            for (let i = s.first; i <= s.last; i++) taken.add(i);
            return true;
          })
          .map(({ first: _f, last: _l, ...s }) => s);
        return { ...set, spans };
      }),
    }));
    fc.assert(
      fc.property(arb, (data) => {
        const { files, summary } = run(data, { format: 'bio' });
        expect(summary.leftOut?.count).toBe(0);
        const blocks = readBio(files[0]?.text ?? '', new Map(data.documents.map((d) => [d.id, d.text])));
        const got = Object.fromEntries(
          blocks.filter((b) => b.spans.length > 0).map((b) => [`${b.docId}|${b.annotator ?? ''}`, b.spans]),
        );
        expect(got).toEqual(setsOf(data, { note: false }));
      }),
      RUNS,
    );
  });

  it('BIO: overlapping spans are left out, counted, and the rule is stated', () => {
    const doc = makeDocument('The minister said 42 per cent.');
    const data: ExportDataset = {
      documents: [doc],
      sets: [
        {
          docId: doc.id,
          annotator: 'alice',
          status: 'done',
          spans: [
            { id: 'a', start: 0, end: 30, label: 'claim', note: '' },
            { id: 'b', start: 18, end: 29, label: 'figure', note: '' },
            { id: 'c', start: 4, end: 12, label: 'quote', note: '' },
          ],
        },
      ],
    };
    const { files, summary } = run(data, { format: 'bio' });
    expect(summary.leftOut?.count).toBe(2);
    expect(summary.leftOut?.rule).toMatch(/longest span/);
    expect(files[0]?.text).toContain('# left_out = 2');
    expect(files[0]?.text).toContain('The\tB-claim\nminister\tI-claim');
  });
});

describe('astral characters: UTF-16 units where the tool counts them', () => {
  const text = '𝔘nicode 😀 test';
  const doc = makeDocument(text);
  const data: ExportDataset = {
    documents: [doc],
    sets: [
      {
        docId: doc.id,
        annotator: 'alice',
        status: 'done',
        spans: [{ id: 's', start: 10, end: 14, label: 'claim', note: '' }],
      },
    ],
  };
  const only = (format: ExportFormat, extra: Partial<ExportOptions> = {}) =>
    run(data, { format, ...extra }).files[0]?.text ?? '';

  it("each tool's own unit by default: UTF-16 for doccano, code points for the others", () => {
    expect(JSON.parse(only('doccano')).label).toEqual([[12, 16, 'claim']]);
    expect(JSON.parse(only('doccano', { doccanoUnit: 'codepoint' })).label).toEqual([[10, 14, 'claim']]);
    const ls = (extra: Partial<ExportOptions>) =>
      JSON.parse(only('labelstudio', extra))[0].annotations[0].result[0].value;
    expect(ls({})).toMatchObject({ start: 10, end: 14, text: 'test' });
    expect(ls({ labelStudioUnit: 'utf16' })).toMatchObject({ start: 12, end: 16, text: 'test' });
    expect(text.slice(12, 16)).toBe('test');
    const native = JSON.parse(only('native', { withUtf16: true })).spans[0];
    expect(native).toMatchObject({ start: 10, end: 14, start_utf16: 12, end_utf16: 16, text: 'test' });
    expect(run(data, { format: 'brat' }).files.find((f) => f.name.endsWith('.txt'))?.text).toBe(text);
  });

  it('a UTF-16 offset inside a surrogate pair is refused', () => {
    const line = JSON.stringify({ text, label: [[1, 7, 'claim']], annotator: 'a' });
    const r = parseImportFile({ name: 'd.jsonl', bytes: bytes(line), options: { doccanoUnit: 'utf16' } });
    expect(r.errors[0]).toMatchObject({ line: 1, field: 'label[0].start' });
    expect(r.errors[0]?.message).toMatch(/inside an emoji/);
  });
});
