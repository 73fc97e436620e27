import type { GoldLink } from '../../core/links/adjudicate';
import { endpointKey, type Link } from '../../core/links/link';
import { GOLD_ANNOTATOR, isGoldProvenance } from '../../core/model/gold';
import type { MarginaliaDb } from '../database';
import type { LinkRow } from '../link-rows';
import { linksOfDocument } from './links';

/** A stored gold link; one from a file (no provenance) is its own decision, as a gold span is. */
export function rowToGoldLink(row: LinkRow): GoldLink {
  const { provenance, ...link } = row;
  return {
    ...link,
    provenance: isGoldProvenance(provenance)
      ? provenance
      : {
          proposedBy: [],
          decidedBy: GOLD_ANNOTATOR,
          decidedAt: new Date(row.updatedAt).toISOString(),
          action: 'edited',
          decision: `manual:${row.id}`,
        },
  };
}

/**
 * What adjudicating links of one document needs (inside the caller's read transaction over
 * `links` and `goldSpans`): gold's links with an end here, the chosen annotators' links with an end
 * here, and the gold spans at those links' ends in other articles (endpoint keys).
 */
export async function readLinkAdjudication(
  db: MarginaliaDb,
  docId: string,
  annotators: readonly string[],
): Promise<{ links: GoldLink[]; annotatorLinks: Link[]; otherGold: Set<string> }> {
  const [gold, ...theirs] = await Promise.all([
    linksOfDocument(db, docId, GOLD_ANNOTATOR),
    ...annotators.map((a) => linksOfDocument(db, docId, a)),
  ]);
  const annotatorLinks: Link[] = theirs.flat().map(({ provenance: _p, updatedAt: _u, ...l }) => l);
  const others = [
    ...new Set(annotatorLinks.flatMap((l) => [l.from.docId, l.to.docId]).filter((d) => d !== docId)),
  ];
  const rows = others.length > 0 ? await db.goldSpans.where('docId').anyOf(others).toArray() : [];
  return {
    links: (gold ?? []).map(rowToGoldLink),
    annotatorLinks,
    otherGold: new Set(rows.map((r) => endpointKey(r))),
  };
}

/** Gold links whose two ends lie in the exported gold documents (the gold export's links). */
export async function goldExportLinks(db: MarginaliaDb, docIds: ReadonlySet<string>): Promise<GoldLink[]> {
  const rows = await db.links.where('annotator').equals(GOLD_ANNOTATOR).toArray();
  return rows.filter((r) => docIds.has(r.from.docId) && docIds.has(r.to.docId)).map(rowToGoldLink);
}
