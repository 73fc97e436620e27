import type { AnnotationCommand } from '../../core/commands/annotate';
import { applyAnnotationCommand } from './annotations';
import type { LinkCommand } from '../../core/links/commands';
import { linkKey, RELATION_TITLES, sameEndpoint, type Link, type LinkEndpoint } from '../../core/links/link';
import { validateLink, type LinkContext } from '../../core/links/validate';
import { GOLD_ANNOTATOR } from '../../core/model/gold';
import type { MarginaliaDb } from '../database';
import { corpusWrite, materializeFirst } from '../corpus-write';
import { linkToRow, touches, type LinkRow } from '../link-rows';

/** The link cannot be stored as asked (an end is no span, a duplicate, changed elsewhere). */
export class LinkRefusedError extends Error {}

/**
 * One annotator's links with an end in this document, both directions, each once, in id order.
 * Must run inside a transaction on `links` (or opens its own read).
 */
export async function linksOfDocument(
  db: MarginaliaDb,
  docId: string,
  annotator: string,
): Promise<LinkRow[]> {
  return db.transaction('r', db.links, async () => {
    const [from, to] = await Promise.all([
      db.links.where('[annotator+from.docId]').equals([annotator, docId]).toArray(),
      db.links.where('[annotator+to.docId]').equals([annotator, docId]).toArray(),
    ]);
    const byId = new Map([...from, ...to].map((r) => [r.id, r]));
    return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  });
}

/** The annotator's links with an end exactly at this extent (inside the caller's transaction). */
export async function linksAt(db: MarginaliaDb, annotator: string, end: LinkEndpoint): Promise<LinkRow[]> {
  return (await linksOfDocument(db, end.docId, annotator)).filter((r) => touches(r, end));
}

/** Every link in the library (the Claims view; links are few next to spans). */
export async function listAllLinks(db: MarginaliaDb): Promise<LinkRow[]> {
  return db.transaction('r', db.links, () => db.links.toArray());
}

/** The spans' extents of one participant on one document, as stored now. */
async function extentsOf(db: MarginaliaDb, docId: string, annotator: string): Promise<Set<string>> {
  const rows =
    annotator === GOLD_ANNOTATOR
      ? await db.goldSpans.where('docId').equals(docId).toArray()
      : await db.spans.where('[docId+annotator]').equals([docId, annotator]).toArray();
  return new Set(rows.map((r) => `${r.start}-${r.end}`));
}

/**
 * A link context over what is stored for the link's two documents (inside the transaction, which
 * includes `corpusTables`): an end still held in a batch row moves to per-document rows first
 * (issue 20), so its document and spans are the ones checked.
 */
async function storedContext(db: MarginaliaDb, link: Link): Promise<LinkContext> {
  const docIds = [...new Set([link.from.docId, link.to.docId])];
  await materializeFirst(db, docIds);
  const docs = await db.documents.bulkGet(docIds);
  const extents = new Map<string, Set<string>>();
  for (const id of docIds) extents.set(id, await extentsOf(db, id, link.annotator));
  const doc = (id: string) => docs[docIds.indexOf(id)];
  return {
    docLength: (id) => doc(id)?.length,
    docName: (id) => doc(id)?.title ?? id,
    hasSpan: (_annotator, e) => extents.get(e.docId)?.has(`${e.start}-${e.end}`) ?? false,
    scope: 'the library',
  };
}

const EDITABLE = ['relation', 'note'] as const;

/**
 * Persists one link command in one strict transaction. A create is checked against the spans as
 * stored now (both ends are spans of the link's annotator, no self-link, no second link asserting
 * the same thing); an update writes only the fields it changes onto the stored row, refusing when
 * another window or a sync changed that field meanwhile; an update of a link deleted elsewhere
 * writes it back when its ends are still spans. A delete of a link already gone does nothing.
 * Spans the command carries (an accepted suggestion's new end) are created before the link is
 * checked and deleted after it, in the same transaction, so the link and its span come and go together.
 */
export async function applyLinkCommand(db: MarginaliaDb, cmd: LinkCommand): Promise<void> {
  const now = Date.now();
  await corpusWrite(db, [db.links, db.goldSpans], async () => {
    if (cmd.kind === 'delete_link') {
      await db.links.delete(cmd.link.id);
      for (const made of cmd.spans ?? [])
        await applyAnnotationCommand(db, made.docId, cmd.link.annotator, { kind: 'delete', span: made.span });
      return;
    }
    if (cmd.kind === 'create_link')
      for (const made of cmd.spans ?? [])
        await applyAnnotationCommand(db, made.docId, cmd.link.annotator, { kind: 'create', span: made.span });
    const wanted = cmd.kind === 'create_link' ? cmd.link : cmd.after;
    const stored = await db.links.get(wanted.id);
    if (cmd.kind === 'update_link' && stored) {
      const merged: LinkRow = { ...stored, updatedAt: now };
      for (const f of EDITABLE) {
        if (cmd.after[f] === cmd.before[f]) continue;
        if (stored[f] !== cmd.before[f] && stored[f] !== cmd.after[f])
          throw new LinkRefusedError(
            `The link's ${f} was changed elsewhere meanwhile; your change was not saved.`,
          );
        (merged as Record<string, unknown>)[f] = cmd.after[f];
      }
      await db.links.put(merged);
      return;
    }
    const checked = validateLink(wanted, await storedContext(db, wanted));
    if (!checked.ok) throw new LinkRefusedError(checked.error.map((p) => p.message).join(' '));
    const key = linkKey(wanted);
    const same = (await linksOfDocument(db, wanted.from.docId, wanted.annotator)).find(
      (r) => r.id !== wanted.id && linkKey(r) === key,
    );
    if (same)
      throw new LinkRefusedError(`This ${RELATION_TITLES[same.relation].toLowerCase()} link already exists.`);
    await db.links.put(linkToRow(wanted, now));
  });
}

/**
 * What a span command does to the annotator's links, inside the span's own transaction (which must
 * include `links`, `spans`, `goldSpans` and `documents`): a deleted span takes the links at its
 * extent along unless another of the annotator's spans still has that extent (links name extents);
 * a span whose ends moved takes them to its new extent; the create that undoes a delete writes back
 * the links the delete carried whose other end is still a span. `othersAtOld` says whether another
 * span of the set has the extent the command leaves (asked only when links are there).
 */
export async function followSpanCommand(
  db: MarginaliaDb,
  docId: string,
  annotator: string,
  cmd: AnnotationCommand,
  othersAtOld: () => Promise<boolean>,
): Promise<void> {
  const now = Date.now();
  if (cmd.kind === 'create') {
    for (const link of cmd.links ?? []) {
      if (validateLink(link, await storedContext(db, link)).ok) await db.links.put(linkToRow(link, now));
    }
    return;
  }
  const old = cmd.kind === 'delete' ? cmd.span : cmd.before;
  if (cmd.kind === 'update' && old.start === cmd.after.start && old.end === cmd.after.end) return;
  const at = { docId, start: old.start, end: old.end };
  const rows = await linksAt(db, annotator, at);
  if (rows.length === 0 || (await othersAtOld())) return;
  if (cmd.kind === 'delete') {
    await db.links.bulkDelete(rows.map((r) => r.id));
    return;
  }
  const moved = { docId, start: cmd.after.start, end: cmd.after.end };
  const move = (e: LinkEndpoint): LinkEndpoint => (sameEndpoint(e, at) ? moved : e);
  for (const r of rows) {
    const next = { ...r, from: move(r.from), to: move(r.to), updatedAt: now };
    // Both ends on the one moved span would be a self-link: such a link goes.
    if (sameEndpoint(next.from, next.to)) await db.links.delete(r.id);
    else await db.links.put(next);
  }
}
