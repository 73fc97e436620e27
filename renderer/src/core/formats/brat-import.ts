import type { CodePointIndex } from '../text/code-points';
import type { ImportCollector } from './collect';
import type { ImportedRelation } from './import-types';
import { checkText } from './record-helpers';
import { validateSpans, type RawSpan } from './span-rules';

const TEXT_BOUND = /^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$/;
const NOTE = /^#\d+\tAnnotatorNotes (T\d+)\t(.*)$/;

/** Marginalia before fragments wrote line breaks and tabs inside a span's text as spaces. */
export const bratFlatten = (s: string): string => s.replace(/[\r\n\t]/g, ' ');

/** Line breaks as Python's `str.splitlines` sees them, which is how brat reads an `.ann` file. */
// eslint-disable-next-line no-control-regex -- Python's splitlines breaks lines at these control characters
export const BRAT_LINE_BREAK = /[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/;

type Fragment = readonly [number, number];

/**
 * One span from brat fragments when only white space with a line break lies between them — the
 * way brat's annotator writes a selection that crosses lines — else null (truly discontinuous).
 */
function joinFragments(index: CodePointIndex, frags: readonly Fragment[]): Fragment | null {
  for (let i = 1; i < frags.length; i++) {
    const gapStart = (frags[i - 1] as Fragment)[1];
    const gapEnd = (frags[i] as Fragment)[0];
    if (gapEnd < gapStart || gapEnd > index.codePointLength) return null;
    const gap = index.slice(gapStart, gapEnd);
    if (gap.trim() !== '' || !BRAT_LINE_BREAK.test(gap)) return null;
  }
  return [(frags[0] as Fragment)[0], (frags[frags.length - 1] as Fragment)[1]];
}

/** A line that is not a text-bound annotation or note, kept aside as a relation, event or attribute. */
function keptAside(line: string, lineNo: number, docId: string): ImportedRelation | null {
  const [id = '', body = '', tail] = line.split('\t');
  const words = body.split(' ').filter((w) => w !== '');
  const first = id.charAt(0);
  const argsOf = (list: readonly string[]) =>
    list.map((w) => {
      const colon = w.lastIndexOf(':');
      return colon < 0
        ? { role: '', ref: w, spanId: null }
        : { role: w.slice(0, colon), ref: w.slice(colon + 1), spanId: null };
    });
  const base = { docId, annotator: null, line: lineNo, field: id };
  if (first === 'R') return { ...base, kind: 'relation', type: words[0] ?? '', args: argsOf(words.slice(1)) };
  if (first === '*') {
    return {
      ...base,
      kind: 'relation',
      type: words[0] ?? '',
      args: words.slice(1).map((ref) => ({ role: '', ref, spanId: null })),
    };
  }
  if (first === 'E') {
    const [trigger = '', ...rest] = words;
    const colon = trigger.lastIndexOf(':');
    return {
      ...base,
      kind: 'event',
      type: colon < 0 ? trigger : trigger.slice(0, colon),
      args: [
        { role: 'trigger', ref: colon < 0 ? '' : trigger.slice(colon + 1), spanId: null },
        ...argsOf(rest),
      ],
    };
  }
  if (first === 'A' || first === 'M') {
    return {
      ...base,
      kind: 'attribute',
      type: words[0] ?? '',
      args: argsOf(words.slice(1, 2)),
      ...(words[2] ? { value: words[2] } : {}),
    };
  }
  if (first === 'N') {
    return {
      ...base,
      kind: 'normalization',
      type: words[0] ?? '',
      args: argsOf(words.slice(1, 2)),
      value: [words[2], tail].filter((x) => x !== undefined).join('\t'),
    };
  }
  return null;
}

/**
 * A brat standoff pair. The `.txt` is stored exactly (BOM removed only: `.ann` offsets count every
 * character, carriage returns included); offsets are code points (brat is Python). Text-bound
 * annotations `T1<TAB>label start end<TAB>text` become spans, `#1<TAB>AnnotatorNotes T1<TAB>note`
 * their notes. Fragments separated only by line breaks (`T1<TAB>claim 12 17;19 34<TAB>Rates First`,
 * as brat's annotator splits a selection across lines) are one span; other discontinuous spans are
 * errors. Relations, events, attributes and normalisations are kept aside and counted. brat names
 * no annotator. O(txt + ann).
 */
export function importBrat(c: ImportCollector, txt: string, ann: string, txtName: string): void {
  const index = checkText(c, txt, null, txtName);
  if (!index) return;
  const doc = c.addDocument(txt, { source: txtName });
  const raw: (RawSpan & { line: number; tid: string })[] = [];
  const notes = new Map<string, string>();
  const aside: ImportedRelation[] = [];
  ann.split('\n').forEach((rawLine, i) => {
    const line = rawLine.replace(/\r$/, '');
    const lineNo = i + 1;
    if (line.trim() === '') return;
    const t = TEXT_BOUND.exec(line);
    if (t) {
      const [, tid, label, ranges, text] = t as unknown as [string, string, string, string, string];
      const frags = ranges.split(';').map((r) => r.split(' ').map(Number) as unknown as Fragment);
      const one = frags.length === 1 ? (frags[0] as Fragment) : joinFragments(index, frags);
      if (!one) {
        c.log.error(
          lineNo,
          tid,
          'This span is discontinuous (pieces with text between them); Marginalia spans are one continuous piece of text.',
        );
        return;
      }
      if (frags.length > 1) c.count('bratFragmentsJoined');
      const fragmentText = frags
        .map(([s, e]) => (e <= index.codePointLength ? index.slice(s, e) : ''))
        .join(' ');
      raw.push({
        tid,
        start: one[0],
        end: one[1],
        label,
        // brat checks a fragmented span's text as its pieces joined by one space.
        text: frags.length > 1 && text === fragmentText ? index.slice(one[0], one[1]) : text,
        field: tid,
        line: lineNo,
        ref: tid,
      });
      return;
    }
    const n = NOTE.exec(line);
    if (n) {
      notes.set(n[1] as string, n[2] as string);
      return;
    }
    const kept = /^[REAMN*]\d*\t/.test(line) ? keptAside(line, lineNo, doc.id) : null;
    if (kept) aside.push(kept);
    else if (line.startsWith('#'))
      c.log.warn(lineNo, null, 'Only AnnotatorNotes notes are read; this note was dropped.');
    else {
      c.log.error(
        lineNo,
        null,
        'This line is not a brat annotation (expected "T1<tab>label start end<tab>text").',
      );
    }
  });
  const annotator = c.fallbackAnnotator;
  const refs = new Map<string, string>();
  const spans = raw.flatMap((r) => {
    const note = notes.get(r.tid);
    return validateSpans([note === undefined ? r : { ...r, note }], {
      index,
      line: r.line,
      log: c.log,
      labels: c.labels,
      unit: 'codepoint',
      docId: doc.id,
      annotator: annotator ?? '',
      sameText: (fromFile, slice) => fromFile === slice || fromFile === bratFlatten(slice),
      refs,
    });
  });
  if (spans.length > 0 || raw.length > 0) c.addSpans(doc.id, annotator, spans, { line: null });
  for (const a of aside) {
    c.count(
      a.kind === 'relation' ? 'relationsLeftOut' : a.kind === 'event' ? 'eventsLeftOut' : 'attributesLeftOut',
    );
    c.relations.push({
      ...a,
      annotator,
      args: a.args.map((x) => ({ ...x, spanId: refs.get(x.ref) ?? null })),
    });
  }
}
