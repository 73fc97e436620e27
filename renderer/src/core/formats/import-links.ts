import { linkKey } from '../links/link';
import { spanLookup, validateLink, type RawLink } from '../links/validate';
import type { GoldProvenance } from '../model/gold';
import type { ImportedAnnotation, ImportedDocument, ImportedLink } from './import-types';
import type { ProblemLog } from './problems';

/** A link as read, before the whole file is known; `field` prefixes the problem's field. */
export interface PendingLink {
  readonly link: RawLink & { readonly provenance?: GoldProvenance };
  readonly line: number | null;
  readonly field: string | null;
}

const at = (line: number | null): string => (line === null ? 'earlier in this file' : `on line ${line}`);

/**
 * Checks the links of one file against everything else in it: a known relation, two different
 * ends, each exactly a span of the link's annotator in a document of this file; an id used twice by
 * one annotator is an error, the same link twice (same relation and ends) a warning, collapsed.
 * Problems are logged with the link's line. O(links + spans).
 */
export function resolveImportedLinks(
  pending: readonly PendingLink[],
  docs: readonly ImportedDocument[],
  sets: readonly ImportedAnnotation[],
  log: ProblemLog,
): ImportedLink[] {
  if (pending.length === 0) return [];
  const byId = new Map(docs.map((d) => [d.id, d]));
  const named = sets.flatMap((s) => (s.annotator === null ? [] : [{ ...s, annotator: s.annotator }]));
  const ctx = {
    docLength: (id: string) => byId.get(id)?.length,
    docName: (id: string) => byId.get(id)?.title ?? id,
    hasSpan: spanLookup(named),
    scope: 'this file',
  };
  const ids = new Map<string, number | null>();
  const keys = new Map<string, number | null>();
  const out: ImportedLink[] = [];
  for (const { link, line, field } of pending) {
    const prefix = (f: string | null): string | null => (field && f ? `${field}.${f}` : (field ?? f));
    const idKey = `${link.annotator}\u0000${link.id}`;
    if (ids.has(idKey)) {
      log.error(
        line,
        prefix('id'),
        `${link.annotator} has another link with the id "${link.id}" ${at(ids.get(idKey) ?? null)}.`,
      );
      continue;
    }
    ids.set(idKey, line);
    const checked = validateLink(link, ctx);
    if (!checked.ok) {
      for (const p of checked.error) log.error(line, prefix(p.field), p.message);
      continue;
    }
    const key = `${link.annotator}\u0000${linkKey(checked.value)}`;
    if (keys.has(key)) {
      log.warn(
        line,
        prefix(null),
        `This link repeats the one ${at(keys.get(key) ?? null)} (same relation and spans); it was read once.`,
      );
      continue;
    }
    keys.set(key, line);
    out.push({ ...checked.value, ...(link.provenance ? { provenance: link.provenance } : {}) });
  }
  return out;
}
