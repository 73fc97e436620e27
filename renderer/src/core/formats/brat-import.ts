import type { ImportCollector } from './collect';
import { makeLabelResolver } from './label-resolve';
import { checkText } from './record-helpers';
import { validateSpans, type RawSpan } from './span-rules';

const TEXT_BOUND = /^(T\d+)\t(\S+) (\d+) (\d+)\t(.*)$/;
const NOTE = /^#\d+\tAnnotatorNotes (T\d+)\t(.*)$/;

/** brat writes a span's text on one line: line breaks and tabs inside it become spaces. */
export const bratFlatten = (s: string): string => s.replace(/[\r\n\t]/g, ' ');

/**
 * A brat standoff pair. The `.txt` is stored exactly (BOM removed only: `.ann` offsets count
 * every character, carriage returns included); offsets are code points (brat is Python). Text-bound
 * annotations `T1<TAB>label start end<TAB>text` become spans, `#1<TAB>AnnotatorNotes T1<TAB>note`
 * their notes. Discontinuous spans are errors; relations, events, attributes and normalisations are
 * dropped with a warning. brat names no annotator. O(txt + ann).
 */
export function importBrat(c: ImportCollector, txt: string, ann: string, txtName: string): void {
  const index = checkText(c, txt, null, txtName);
  if (!index) return;
  const doc = c.addDocument(txt, { source: txtName });
  const raw: (RawSpan & { line: number; tid: string })[] = [];
  const notes = new Map<string, string>();
  ann.split('\n').forEach((rawLine, i) => {
    const line = rawLine.replace(/\r$/, '');
    const lineNo = i + 1;
    if (line.trim() === '') return;
    const t = TEXT_BOUND.exec(line);
    if (t) {
      const [, tid, label, s, e, text] = t as unknown as [string, string, string, string, string, string];
      raw.push({ tid, start: Number(s), end: Number(e), label, text, field: tid, line: lineNo });
      return;
    }
    const n = NOTE.exec(line);
    if (n) {
      notes.set(n[1] as string, n[2] as string);
      return;
    }
    if (/^T\d+\t\S+ \d+ \d+(;\d+ \d+)+\t/.test(line)) {
      c.log.error(
        lineNo,
        line.split('\t')[0] ?? null,
        'This span is discontinuous (several pieces); Marginalia spans are one continuous piece of text.',
      );
    } else if (/^[REAMN*#]\d*\t/.test(line)) {
      c.log.warn(
        lineNo,
        line.split('\t')[0] ?? null,
        'Relations, events, attributes and normalisations are not imported; this line was dropped.',
      );
    } else {
      c.log.error(
        lineNo,
        null,
        'This line is not a brat annotation (expected "T1<tab>label start end<tab>text").',
      );
    }
  });
  const annotator = c.fallbackAnnotator;
  const resolveLabel = makeLabelResolver(c.options);
  const spans = raw.flatMap((r) => {
    const note = notes.get(r.tid);
    return validateSpans([note === undefined ? r : { ...r, note }], {
      index,
      line: r.line,
      log: c.log,
      resolveLabel,
      unit: 'codepoint',
      docId: doc.id,
      annotator: annotator ?? '',
      sameText: (fromFile, slice) => fromFile === slice || fromFile === bratFlatten(slice),
    });
  });
  if (spans.length > 0 || raw.length > 0) c.addSpans(doc.id, annotator, spans, { line: null });
}
