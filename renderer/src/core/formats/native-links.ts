import { z } from 'zod';
import type { Link } from '../links/link';
import { ADJUDICATION_REASONS, isGoldProvenance, type GoldProvenance } from '../model/gold';
import type { ImportCollector } from './collect';
import type { ExportLink } from './export-types';
import { NATIVE_SCHEMA_VERSION } from './native';
import { check, offset, unknownKeys, warnDropped } from './record-helpers';

/** The record type of a link line; document lines have no `record` key. */
export const LINK_RECORD = 'link';

/**
 * One link as one native JSONL line (docs/format.md): `{"schema_version":1,"record":"link","id",
 * "annotator","relation","from":{"doc_id","start","end"},"to":{…},"note"}`, plus `provenance` for a
 * gold link. Fixed key order, so the same link always gives the same bytes. O(1).
 */
export function serializeNativeLink(link: ExportLink): string {
  const end = (e: Link['from']): unknown => ({ doc_id: e.docId, start: e.start, end: e.end });
  const p = link.provenance;
  return JSON.stringify({
    schema_version: NATIVE_SCHEMA_VERSION,
    record: LINK_RECORD,
    id: link.id,
    annotator: link.annotator,
    relation: link.relation,
    from: end(link.from),
    to: end(link.to),
    note: link.note,
    ...(p
      ? {
          provenance: {
            proposed_by: [...p.proposedBy],
            decided_by: p.decidedBy,
            decided_at: p.decidedAt,
            action: p.action,
            decision: p.decision,
            ...(p.reason ? { reason: p.reason } : {}),
          },
        }
      : {}),
  });
}

const Endpoint = z.strictObject({ doc_id: z.string().min(1), start: offset, end: offset });
const Provenance = z.strictObject({
  proposed_by: z.array(z.string()),
  decided_by: z.string(),
  decided_at: z.string(),
  action: z.enum(['agreed', 'accepted', 'majority', 'edited']),
  decision: z.string(),
  reason: z.enum(ADJUDICATION_REASONS).optional(),
});
const LinkRecord = z.looseObject({
  schema_version: z.number(),
  record: z.literal(LINK_RECORD),
  id: z.string().min(1),
  annotator: z.string().trim().min(1),
  relation: z.string(),
  from: Endpoint,
  to: Endpoint,
  note: z.string().optional(),
  provenance: Provenance.optional(),
});
const LINK_KEYS = new Set(Object.keys(LinkRecord.shape));

/**
 * One link line of a native file. The shape is checked here; the relation, the endpoints (spans of
 * the link's annotator in this file) and self-links once the whole file is read
 * (`ImportCollector.addLink`), since a link may come before the lines of its documents.
 */
export function importNativeLink(c: ImportCollector, obj: Record<string, unknown>, line: number): void {
  if (obj['record'] !== LINK_RECORD) {
    c.log.error(
      line,
      'record',
      `The record type ${JSON.stringify(obj['record'])} is not known: a line is a document (no "record") or a link ("record":"link").`,
    );
    return;
  }
  const rec = check(c, LinkRecord, obj, line);
  if (!rec) return;
  warnDropped(c, line, unknownKeys(obj, LINK_KEYS));
  const p = rec.provenance;
  const provenance: GoldProvenance | undefined = p && {
    proposedBy: p.proposed_by,
    decidedBy: p.decided_by,
    decidedAt: p.decided_at,
    action: p.action,
    decision: p.decision,
    ...(p.reason ? { reason: p.reason } : {}),
  };
  if (provenance && !isGoldProvenance(provenance)) {
    c.log.error(line, 'provenance', 'The provenance of this gold link is incomplete.');
    return;
  }
  c.addLink(
    {
      id: rec.id,
      annotator: rec.annotator,
      relation: rec.relation,
      from: { docId: rec.from.doc_id, start: rec.from.start, end: rec.from.end },
      to: { docId: rec.to.doc_id, start: rec.to.start, end: rec.to.end },
      note: rec.note ?? '',
      ...(provenance ? { provenance } : {}),
    },
    { line, field: null },
  );
}
