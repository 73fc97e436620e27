import type { ExportLink } from '../core/formats/export-types';
import type { LinkEndpoint } from '../core/links/link';

/**
 * `links` row (schema v6): one link of one annotator (gold's under "gold"), endpoints as document and
 * code point extent, exactly the core `Link` plus when it was written; a gold link keeps its
 * provenance.
 */
export type LinkRow = Omit<ExportLink, 'updatedAt'> & { updatedAt: number };

export function linkToRow(link: ExportLink, now: number): LinkRow {
  const { updatedAt: _old, ...rest } = link;
  return { ...rest, from: { ...link.from }, to: { ...link.to }, updatedAt: now };
}

/** Whether one of the link's ends is this extent of this document. */
export const touches = (row: Pick<LinkRow, 'from' | 'to'>, e: LinkEndpoint): boolean =>
  [row.from, row.to].some((x) => x.docId === e.docId && x.start === e.start && x.end === e.end);
