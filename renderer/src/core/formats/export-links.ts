import { compareLinks } from '../links/link';
import { spanLookup, validateLink } from '../links/validate';
import { err, ok, type Result } from '../result';
import type { PreparedDocument } from './export-check';
import type { ExportError, ExportLink } from './export-types';

/**
 * The self-check of an export's links, before anything is written: every link has a known relation,
 * two different ends, and each end is exactly a span of the link's annotator in a document of this
 * export (a link whose span is not exported would point at nothing). Returns the links in a fixed
 * order (annotator, ends, relation, id) so output is deterministic, or the first problem.
 * O(links + spans).
 */
export function checkExportLinks(
  links: readonly ExportLink[],
  docs: readonly PreparedDocument[],
): Result<ExportLink[], ExportError> {
  if (links.length === 0) return ok([]);
  const byId = new Map(docs.map((p) => [p.doc.id, p]));
  const ctx = {
    docLength: (id: string) => byId.get(id)?.index.codePointLength,
    docName: (id: string) => byId.get(id)?.doc.title ?? id,
    hasSpan: spanLookup(docs.flatMap((p) => p.sets)),
    scope: 'the export',
  };
  for (const link of links) {
    const r = validateLink(link, ctx);
    if (!r.ok) {
      const doc = byId.get(link.from.docId)?.doc;
      return err({
        docId: link.from.docId,
        docTitle: doc?.title ?? '',
        spanId: null,
        message: `Link ${link.id} (${link.annotator}): ${r.error.map((p) => p.message).join(' ')}`,
      });
    }
  }
  return ok([...links].sort(compareLinks));
}
