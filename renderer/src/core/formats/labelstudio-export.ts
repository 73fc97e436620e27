import { hasKeys, sortedSets, sortedSpans, type FormatWriter } from './writer';

/**
 * Label Studio JSON: an array with one task per document, `data.text` the article, and one
 * annotation per annotator whose `result` holds a `labels` region per span (`from_name` "label",
 * `to_name` "text") and, for a span with a note, a per-region `textarea` result ("note") with the
 * same id. Offsets are code points — what Label Studio ≥ 1.5 stores for `<Text>` regions — or
 * UTF-16 units with `labelStudioUnit: 'utf16'` for older versions. The labelling config it expects
 * is in docs/format.md. The annotator is written as `marginalia_annotator`, because Label Studio's
 * `completed_by` is a numeric user id of the server the file came from. An annotation with an empty
 * `result` is a set marked done without spans (a real negative); a set not started has no
 * annotation, so its task reads as not labelled.
 */
export const labelStudioWriter: FormatWriter = {
  files: (_docs, base) => [{ name: `${base}.labelstudio.json`, mediaType: 'application/json' }],
  *write(docs, options, base) {
    const file = `${base}.labelstudio.json`;
    const utf16 = options.labelStudioUnit === 'utf16';
    let first = true;
    yield { file, text: '[', spans: 0 };
    for (const p of docs) {
      const at = (cp: number): number => (utf16 ? p.index.toUtf16(cp) : cp);
      let spanCount = 0;
      const annotations = sortedSets(p).map((set) => {
        const result = sortedSpans(set).flatMap((s) => {
          spanCount++;
          const region = {
            id: s.id,
            from_name: 'label',
            to_name: 'text',
            type: 'labels',
            origin: 'manual',
            value: {
              start: at(s.start),
              end: at(s.end),
              text: p.index.slice(s.start, s.end),
              labels: [s.label],
            },
          };
          if (s.note === '') return [region];
          const note = {
            id: s.id,
            from_name: 'note',
            to_name: 'text',
            type: 'textarea',
            origin: 'manual',
            value: { text: [s.note] },
          };
          return [region, note];
        });
        return { marginalia_annotator: set.annotator, result };
      });
      const data = {
        text: p.doc.text,
        title: p.doc.title,
        ...(hasKeys(p.doc.meta) ? { meta: p.doc.meta } : {}),
      };
      const task = { data, annotations };
      yield { file, text: `${first ? '\n' : ',\n'}${JSON.stringify(task)}`, spans: spanCount };
      first = false;
    }
    yield { file, text: first ? ']\n' : '\n]\n', spans: 0 };
    return { notes: utf16 ? ['Label Studio offsets are in UTF-16 units (Label Studio before 1.5).'] : [] };
  },
};
