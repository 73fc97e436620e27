import { LABELS, type Label } from '../model/labels';
import type { ExportSpan } from './export-types';
import { tokenize, tokenRange, type Token } from './tokens';
import { sortedSets, type FormatWriter } from './writer';

/** The rule for spans BIO cannot express, written into the file and the export summary. */
export const BIO_OVERLAP_RULE =
  "where spans overlap (share a token), the longest span in tokens is kept (ties: the earlier start, then the label order claim, quote, figure, speculation), as spaCy's filter_spans does; the others, and spans that cover no token, are left out";

/**
 * Tags for one document's tokens under the overlap rule: "O", "B-label", "I-label". Spans are
 * widened to whole tokens. Returns the tags and how many spans were left out. O(s log s + t).
 */
export function bioTags(
  tokens: readonly Token[],
  spans: readonly ExportSpan[],
): { tags: string[]; leftOut: number } {
  const candidates = spans.flatMap((s) => {
    const r = tokenRange(tokens, s.start, s.end);
    return r ? [{ first: r[0], last: r[1], label: s.label }] : [];
  });
  let leftOut = spans.length - candidates.length;
  const rank = (l: Label): number => LABELS.indexOf(l);
  candidates.sort(
    (a, b) => b.last - b.first - (a.last - a.first) || a.first - b.first || rank(a.label) - rank(b.label),
  );
  const tags = new Array<string>(tokens.length).fill('O');
  for (const c of candidates) {
    let free = true;
    for (let i = c.first; i <= c.last && free; i++) free = tags[i] === 'O';
    if (!free) {
      leftOut++;
      continue;
    }
    for (let i = c.first; i <= c.last; i++) tags[i] = `${i === c.first ? 'B' : 'I'}-${c.label}`;
  }
  return { tags, leftOut };
}

/**
 * CoNLL-style BIO: one `token<TAB>tag` per line, a blank line between documents, and comment lines
 * `# doc_id = …`, `# annotator = …` (and `# left_out = N` when needed) before each document. One
 * block per (document, annotator); tokens come from the deterministic export tokenizer.
 */
export const bioWriter: FormatWriter = {
  files: (_docs, base) => [{ name: `${base}.conll`, mediaType: 'text/plain' }],
  *write(docs, options, base) {
    const file = `${base}.conll`;
    let total = 0;
    yield {
      file,
      text: `# Marginalia BIO export. Overlapping spans cannot be expressed in BIO: ${BIO_OVERLAP_RULE}.\n\n`,
      spans: 0,
    };
    for (const p of docs) {
      const tokens = tokenize(p.doc.text, p.index);
      const sets = sortedSets(p);
      const blocks: { annotator: string | null; spans: readonly ExportSpan[] }[] =
        sets.length > 0 ? sets : options.includeUnannotated !== false ? [{ annotator: null, spans: [] }] : [];
      for (const set of blocks) {
        const { tags, leftOut } = bioTags(tokens, set.spans);
        total += leftOut;
        const head = [`# doc_id = ${p.doc.id}`];
        if (set.annotator !== null) head.push(`# annotator = ${set.annotator}`);
        if (leftOut > 0) head.push(`# left_out = ${leftOut}`);
        const body = tokens.map((t, i) => `${t.text}\t${tags[i] ?? 'O'}`);
        yield { file, text: `${[...head, ...body].join('\n')}\n\n`, spans: set.spans.length };
      }
    }
    return {
      leftOut: { count: total, rule: BIO_OVERLAP_RULE },
      notes: total > 0 ? [`${total} span(s) could not be written in BIO: ${BIO_OVERLAP_RULE}.`] : [],
    };
  },
};
