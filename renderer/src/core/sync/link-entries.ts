import { canonicalJson } from '../formats/canonical';
import type { Link, Relation } from '../links/link';
import { isTombstone, type LinkContent, type SpanSetDoc } from './span-set';

/** One link as the app stores it (db row fields), `from` in the set's article. */
export type LocalLink = Omit<Link, 'annotator' | 'updatedAt'> & {
  readonly provenance?: unknown;
  /** When the app last wrote it (ms). */
  readonly updatedAt: number;
};

export function linkContentOf(l: LocalLink): LinkContent {
  const c: { -readonly [K in keyof LinkContent]: LinkContent[K] } = {
    relation: l.relation,
    from: { start: l.from.start, end: l.from.end },
    to: { doc_id: l.to.docId, start: l.to.start, end: l.to.end },
    note: l.note,
  };
  if (l.provenance !== undefined && l.provenance !== null)
    c.provenance = l.provenance as Readonly<Record<string, unknown>>;
  return c;
}

export const linkContentKey = (c: LinkContent): string =>
  canonicalJson({
    relation: c.relation,
    from: [c.from.start, c.from.end],
    to: [c.to.doc_id, c.to.start, c.to.end],
    note: c.note,
    provenance: c.provenance ?? null,
  });

/**
 * The links a set holds (tombstones left out) as the app's links of the set's annotator, each
 * dated by its version. The set was validated (core/sync/validate.ts), so relations are known.
 */
export function liveLinks(doc: SpanSetDoc): (Link & { updatedAt: number; provenance?: unknown })[] {
  const out: (Link & { updatedAt: number; provenance?: unknown })[] = [];
  for (const [id, e] of Object.entries(doc.links)) {
    if (isTombstone(e)) continue;
    const c = e as LinkContent & { updated_at: number };
    out.push({
      id,
      annotator: doc.annotator,
      relation: c.relation as Relation,
      from: { docId: doc.doc_id, start: c.from.start, end: c.from.end },
      to: { docId: c.to.doc_id, start: c.to.start, end: c.to.end },
      note: c.note,
      ...(c.provenance ? { provenance: c.provenance } : {}),
      updatedAt: c.updated_at,
    });
  }
  return out;
}
