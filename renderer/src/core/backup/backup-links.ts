import { isGoldProvenance } from '../model/gold';
import { spanLookup, validateLink, type RawLink } from '../links/validate';
import type { SnapshotAnnotation } from './snapshot';

/** The table of links between spans (schema v6), carried verbatim as an extra table. */
export const LINKS_TABLE = 'links';

const ROW_KEYS = new Set(['id', 'annotator', 'relation', 'from', 'to', 'note', 'updatedAt', 'provenance']);

const isEndpoint = (x: unknown): boolean => {
  const e = x as Record<string, unknown> | null;
  return (
    typeof e === 'object' &&
    e !== null &&
    Object.keys(e).length === 3 &&
    typeof e['docId'] === 'string' &&
    Number.isSafeInteger(e['start']) &&
    Number.isSafeInteger(e['end'])
  );
};

/**
 * The first problem of a backup's `links` rows, or null: each row is a link as the app stores it
 * (no other fields), with a unique id, and passes the rules every link passes (known relation, two
 * different ends, each exactly a span of the link's annotator in this backup). O(rows + spans).
 */
export function linksProblem(
  rows: readonly unknown[],
  lengths: ReadonlyMap<string, number>,
  annotations: readonly SnapshotAnnotation[],
): string | null {
  const ctx = {
    docLength: (id: string) => lengths.get(id),
    hasSpan: spanLookup(annotations),
    scope: 'the backup',
  };
  const ids = new Set<string>();
  for (const row of rows) {
    const r = row as Record<string, unknown>;
    const where = `The backup's link ${JSON.stringify(r['id'] ?? null)}`;
    if (typeof r['id'] !== 'string' || r['id'] === '') return `A link in the backup has no id.`;
    if (ids.has(r['id'])) return `${where} appears twice.`;
    ids.add(r['id']);
    const extra = Object.keys(r).find((k) => !ROW_KEYS.has(k));
    if (extra !== undefined) return `${where} has a field "${extra}" links do not have.`;
    if (typeof r['annotator'] !== 'string' || r['annotator'].trim() === '')
      return `${where} has no annotator.`;
    if (typeof r['relation'] !== 'string' || typeof r['note'] !== 'string')
      return `${where} has no relation or note.`;
    if (!isEndpoint(r['from']) || !isEndpoint(r['to'])) return `${where} has malformed ends.`;
    if (r['updatedAt'] !== undefined && !Number.isFinite(r['updatedAt']))
      return `${where} has a malformed date.`;
    if (r['provenance'] !== undefined && !isGoldProvenance(r['provenance']))
      return `${where} has a malformed provenance.`;
    const checked = validateLink(r as unknown as RawLink, ctx);
    if (!checked.ok) return `${where}: ${checked.error.map((p) => p.message).join(' ')}`;
  }
  return null;
}
