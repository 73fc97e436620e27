import { hasKeys, recordMeta, sortedSets, sortedSpans, type FormatWriter } from './writer';

/**
 * doccano JSONL for sequence labelling: `{"text", "label": [[start, end, "label"], …]}`, one line
 * per (document, annotator). Offsets are UTF-16 code units — what doccano's editor counts, so spans
 * land on the right text after an emoji — unless `doccanoUnit: 'codepoint'` (for Python scripts). doccano keeps other keys as metadata, so Marginalia also writes
 * `title`, `annotator` and, when any span has one, `notes: [[start, end, "label", "note"], …]`.
 */
export const doccanoWriter: FormatWriter = {
  files: (_docs, base) => [{ name: `${base}.doccano.jsonl`, mediaType: 'application/jsonl' }],
  *write(docs, options, base) {
    const file = `${base}.doccano.jsonl`;
    const utf16 = options.doccanoUnit !== 'codepoint';
    for (const p of docs) {
      const at = (cp: number): number => (utf16 ? p.index.toUtf16(cp) : cp);
      const sets = sortedSets(p);
      if (sets.length === 0 && options.includeUnannotated !== false) {
        const meta = recordMeta(p, null);
        yield {
          file,
          text: `${JSON.stringify({ text: p.doc.text, label: [], title: p.doc.title, ...(hasKeys(meta) ? { meta } : {}) })}\n`,
          spans: 0,
        };
      }
      for (const set of sets) {
        const spans = sortedSpans(set);
        const notes = spans
          .filter((s) => s.note !== '')
          .map((s) => [at(s.start), at(s.end), s.label, s.note]);
        const meta = recordMeta(p, set);
        const line = {
          text: p.doc.text,
          label: spans.map((s) => [at(s.start), at(s.end), s.label]),
          title: p.doc.title,
          annotator: set.annotator,
          ...(notes.length > 0 ? { notes } : {}),
          ...(hasKeys(meta) ? { meta } : {}),
        };
        yield { file, text: `${JSON.stringify(line)}\n`, spans: spans.length };
      }
    }
    return {
      notes: utf16
        ? []
        : [
            "doccano offsets are in code points (Python's unit), not the UTF-16 units doccano's editor counts.",
          ],
    };
  },
};
