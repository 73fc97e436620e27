import { serializeNativeRecord } from './native';
import { serializeNativeLink } from './native-links';
import { serializeNativeProject } from './native-project';
import { recordMeta, sortedSets, type FormatWriter } from './writer';

/**
 * Native JSONL v1: one line per (document, annotator), documents in dataset order, annotators by
 * name; the line itself comes from `serializeNativeRecord`, so output is byte-for-byte
 * deterministic. With guidelines, a project line comes first (native-project.ts). Documents without annotations are not written (a record needs an annotator); sets
 * not started are, when the export includes them, with their status (`todo`, `in_progress`), which
 * says they are not negatives. Link lines (`"record":"link"`) follow the document lines.
 */
export const nativeWriter: FormatWriter = {
  files: (_docs, base) => [{ name: `${base}.jsonl`, mediaType: 'application/jsonl' }],
  *write(docs, options, base, links) {
    const file = `${base}.jsonl`;
    if (options.guidelines) yield { file, text: `${serializeNativeProject(options.guidelines)}\n`, spans: 0 };
    for (const p of docs) {
      for (const set of sortedSets(p, true)) {
        const line = serializeNativeRecord(
          {
            document: { ...p.doc, meta: recordMeta(p, set) },
            annotator: set.annotator,
            status: set.status,
            spans: set.spans,
            withUtf16: options.withUtf16 === true,
          },
          p.index,
        );
        yield { file, text: `${line}\n`, spans: set.spans.length };
      }
    }
    for (let i = 0; i < links.length; i += 1000) {
      const lines = links.slice(i, i + 1000).map((l) => `${serializeNativeLink(l)}\n`);
      yield { file, text: lines.join(''), spans: 0 };
    }
    return { links: links.length, notes: [] };
  },
};
