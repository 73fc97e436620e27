import type { CodePointIndex } from '../text/code-points';
import type { ExportSpan } from './export-types';
import { alignedTokens, spacyTokens } from './spacy-tokens';
import { hasKeys, recordMeta, sortedSets, sortedSpans, type FormatWriter } from './writer';

const tokenJson = (text: string, index: CodePointIndex, spans: readonly ExportSpan[]) =>
  spacyTokens(text, index, spans).map((t, i) => ({
    text: t.text,
    start: t.start,
    end: t.end,
    id: i,
    ws: t.ws,
  }));

/**
 * spaCy/Prodigy JSONL (`ner_manual` tasks): one line per (document, annotator) with `tokens` and
 * spans with character offsets in code points (Python's). Tokens follow spaCy's whitespace rule —
 * `words` plus `ws` rebuild the text exactly with `Doc(words, spaces)`, and `"\n\n"` is a token —
 * and are split at the record's span edges, so every span has `token_start` (the token it starts
 * with) and inclusive `token_end` (the token it ends with), the tokens `Doc.char_span` gives.
 * Notes ride along in each span's `note` (Prodigy keeps unknown keys). A set's line says
 * `"answer":"accept"`: its spans are the annotation, and a set marked done without spans is a
 * confirmed negative. Documents without such a set (nobody started, or not marked done without
 * spans) get one line with no spans and `"answer":"ignore"` when `includeUnannotated` is set —
 * never "accept", which trainers read as a confirmed negative (and which `prodigy db-in` assumes
 * for a task without an answer).
 */
export const spacyWriter: FormatWriter = {
  files: (_docs, base) => [{ name: `${base}.spacy.jsonl`, mediaType: 'application/jsonl' }],
  *write(docs, options, base) {
    const file = `${base}.spacy.jsonl`;
    for (const p of docs) {
      const sets = sortedSets(p);
      if (sets.length === 0 && options.includeUnannotated !== false) {
        const meta = recordMeta(p, null);
        const line = {
          text: p.doc.text,
          title: p.doc.title,
          ...(hasKeys(meta) ? { meta } : {}),
          tokens: tokenJson(p.doc.text, p.index, []),
          spans: [],
          answer: 'ignore',
        };
        yield { file, text: `${JSON.stringify(line)}\n`, spans: 0 };
      }
      for (const set of sets) {
        const sorted = sortedSpans(set);
        const tokens = tokenJson(p.doc.text, p.index, sorted);
        const spans = sorted.map((s) => {
          const range = alignedTokens(tokens, s.start, s.end);
          return {
            start: s.start,
            end: s.end,
            label: s.label,
            ...(range ? { token_start: range[0], token_end: range[1] } : {}),
            text: p.index.slice(s.start, s.end),
            ...(s.note !== '' ? { note: s.note } : {}),
            ...(s.unsure ? { unsure: true } : {}),
          };
        });
        const meta = recordMeta(p, set);
        const line = {
          text: p.doc.text,
          title: p.doc.title,
          ...(hasKeys(meta) ? { meta } : {}),
          tokens,
          spans,
          _annotator_id: set.annotator,
          _session_id: set.annotator,
          _view_id: 'ner_manual',
          answer: 'accept',
        };
        yield { file, text: `${JSON.stringify(line)}\n`, spans: spans.length };
      }
    }
    return { notes: [] };
  },
};
