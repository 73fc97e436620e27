import { LABELS } from '../model/labels';
import type { CodePointIndex } from '../text/code-points';
import { bratFlatten } from './brat-import';
import type { PreparedDocument } from './export-check';
import type { ExportAnnotationSet } from './export-types';
import { sortedSets, sortedSpans, type FormatWriter } from './writer';

/** A file-name-safe form of a title or annotator. */
function slug(s: string, fallback: string): string {
  const out = s
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return out === '' ? fallback : out;
}

/** File stem of one (document, annotator): title slug, 8 hex of the id, annotator slug. */
export function bratStem(p: PreparedDocument, set: ExportAnnotationSet | null): string {
  const hex = p.doc.id.replace(/^sha256:/, '').slice(0, 8);
  const who = set ? `.${slug(set.annotator, 'annotator')}` : '';
  return `${slug(p.doc.title, 'document')}-${hex}${who}`;
}

function pieces(p: PreparedDocument): (ExportAnnotationSet | null)[] {
  const sets = sortedSets(p);
  return sets.length > 0 ? sets : [null];
}

/** White space holding a line break, as brat's `.ann` reader (Python's `splitlines`) sees one. */
// eslint-disable-next-line no-control-regex -- Python's splitlines breaks lines at these control characters
const BREAK = /[\s\x1c-\x1f\x85]*[\n\r\v\f\x1c-\x1e\x85\u2028\u2029][\s\x1c-\x1f\x85]*/g;

/**
 * A span as brat fragments: brat keeps an annotation on one line, so a span that crosses a line
 * break is written the way brat's annotator writes a selection across lines — pieces split at the
 * break, white space around it left out (`T1<TAB>claim 12 17;19 34<TAB>Rates First`), its text the
 * pieces joined by one space. A break at the very start or end of the span cannot be written at
 * all; `trimmed` says so. Offsets are code points. O(span length).
 */
export function bratFragments(
  index: CodePointIndex,
  start: number,
  end: number,
): { fragments: [number, number][]; trimmed: boolean } {
  const from = index.toUtf16(start);
  const slice = index.text.slice(from, index.toUtf16(end));
  const pieces: [number, number][] = [];
  let at = 0;
  for (const m of slice.matchAll(BREAK)) {
    if (m.index > at) pieces.push([at, m.index]);
    at = m.index + m[0].length;
  }
  if (at < slice.length) pieces.push([at, slice.length]);
  const fragments = pieces.map(
    ([a, b]) => [index.toCodePoint(from + a), index.toCodePoint(from + b)] as [number, number],
  );
  const first = fragments[0];
  const last = fragments[fragments.length - 1];
  return { fragments, trimmed: !first || !last || first[0] !== start || last[1] !== end };
}

/** brat's configuration for an export: Marginalia's four labels as entities, overlaps allowed. */
export const BRAT_ANNOTATION_CONF = [
  "# Marginalia's labels, written by its brat export so brat shows and offers them.",
  '[entities]',
  ...LABELS,
  '',
  '[relations]',
  '# Spans may overlap and nest, as they do in Marginalia.',
  '<OVERLAP>\tArg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>',
  '',
  '[events]',
  '',
  '[attributes]',
  '',
].join('\n');

/**
 * brat standoff: `annotation.conf` (the four labels), then per (document, annotator) a `.txt` with
 * the exact text and a `.ann` with one text-bound annotation per span (`T1<TAB>label start
 * end<TAB>text`, offsets in code points as brat, a Python tool, counts; fragments where a span
 * crosses a line break, see `bratFragments`) and `#1<TAB>AnnotatorNotes T1<TAB>note` for notes.
 * Notes are one line in brat, so their line breaks and tabs become spaces.
 */
export const bratWriter: FormatWriter = {
  files: (docs) => [
    { name: 'annotation.conf', mediaType: 'text/plain' },
    ...docs.flatMap((p) =>
      pieces(p).flatMap((set) => {
        const stem = bratStem(p, set);
        return [
          { name: `${stem}.txt`, mediaType: 'text/plain' },
          { name: `${stem}.ann`, mediaType: 'text/plain' },
        ];
      }),
    ),
  ],
  *write(docs) {
    let flattened = 0;
    let trimmed = 0;
    let empty = 0;
    yield { file: 'annotation.conf', text: BRAT_ANNOTATION_CONF, spans: 0 };
    for (const p of docs) {
      for (const set of pieces(p)) {
        const stem = bratStem(p, set);
        yield { file: `${stem}.txt`, text: p.doc.text, spans: 0 };
        const lines: string[] = [];
        let notes = 0;
        const spans = set ? sortedSpans(set) : [];
        spans.forEach((s, i) => {
          const f = bratFragments(p.index, s.start, s.end);
          if (f.fragments.length === 0) {
            empty++;
            return;
          }
          if (f.trimmed) trimmed++;
          const ranges = f.fragments.map(([a, b]) => `${a} ${b}`).join(';');
          const text = f.fragments.map(([a, b]) => p.index.slice(a, b)).join(' ');
          lines.push(`T${i + 1}\t${s.label} ${ranges}\t${text}`);
          if (s.note !== '') {
            const note = bratFlatten(s.note);
            if (note !== s.note) flattened++;
            lines.push(`#${++notes}\tAnnotatorNotes T${i + 1}\t${note}`);
          }
        });
        yield {
          file: `${stem}.ann`,
          text: lines.length > 0 ? `${lines.join('\n')}\n` : '',
          spans: spans.length,
        };
      }
    }
    const notes: string[] = [];
    if (flattened > 0)
      notes.push(
        `${flattened} note(s) had line breaks or tabs, written as spaces (brat notes are one line).`,
      );
    if (trimmed > 0) {
      notes.push(
        `${trimmed} span(s) began or ended with a line break, which brat cannot hold; they were written without it.`,
      );
    }
    if (empty === 0) return { notes };
    const rule =
      'a span made only of line breaks cannot be written in brat, which keeps each annotation on one line';
    notes.push(`${empty} span(s) could not be written: ${rule}.`);
    return { leftOut: { count: empty, rule }, notes };
  },
};
