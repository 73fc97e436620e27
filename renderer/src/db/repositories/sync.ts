import Dexie from 'dexie';
import type { ExportLink } from '../../core/formats/export-types';
import type { ImportedDocument } from '../../core/formats/import-types';
import { deriveSpanSet, liveSpans, type DeriveContext } from '../../core/sync/derive';
import { liveLinks } from '../../core/sync/link-entries';
import { GOLD_ANNOTATOR, type GoldProvenance } from '../../core/model/gold';
import type { AssignmentDoc, DeviceDoc } from '../../core/sync/project-layout';
import type { SpanSetDoc } from '../../core/sync/span-set';
import type { MarginaliaDb } from '../database';
import { linkToRow, type LinkRow } from '../link-rows';
import { goldRowAsSpanRow, goldSpanToRow, spanToRow, type ProgressRow, type SpanRow } from '../rows';
import { batchTables } from '../corpus/library-batches';
import { withBatchSets } from '../corpus/sets-participants';
import { corpusWrite, materializeFirst } from '../corpus-write';
import { storeImport } from './import';
import { readStatus, statusesOf, statusTables, writeStatuses } from './progress';

/**
 * What team sync stores locally (docs/team.md, "Step 2"): pulled articles, span sets and
 * assignments go through the same tables and transactions as local edits and imports, each page
 * together with its checkpoint, and the last copy shared with the server (`syncDocs`) is the merge
 * base. The service in session/sync decides what to pull and push; this module only stores.
 */

/** The tables a sync write touches (spanPacks: writing spans drops their packs, db/span-packs-middleware). */
const syncTables = (db: MarginaliaDb) => [
  db.documents,
  db.texts,
  db.spans,
  db.spanPacks,
  db.goldSpans,
  ...statusTables(db),
  db.links,
  db.syncDocs,
  db.syncCheckpoints,
  // A pulled article may already be held in a batch row (storeImport checks `batchIndex`).
  ...batchTables(db),
];

interface LocalSet {
  spans: SpanRow[];
  /** The participant's links whose `from` end is in this document (they travel in its set). */
  links: LinkRow[];
  progress: ProgressRow | undefined;
}

/** One participant's span rows on a document; gold's come from its own table. */
async function setRows(db: MarginaliaDb, docId: string, annotator: string): Promise<SpanRow[]> {
  if (annotator !== GOLD_ANNOTATOR)
    return db.spans.where('[docId+annotator]').equals([docId, annotator]).toArray();
  return (await db.goldSpans.where('docId').equals(docId).toArray()).map(goldRowAsSpanRow);
}

/** Every span row of one participant (gold from its own table). */
async function participantRows(db: MarginaliaDb, annotator: string): Promise<SpanRow[]> {
  if (annotator !== GOLD_ANNOTATOR) return db.spans.where('annotator').equals(annotator).toArray();
  return (await db.goldSpans.toArray()).map(goldRowAsSpanRow);
}

/** A participant's links by the document of their `from` end (gold's under "gold" too). */
const linksFrom = (db: MarginaliaDb, annotator: string, docId: string): Promise<LinkRow[]> =>
  db.links.where('[annotator+from.docId]').equals([annotator, docId]).toArray();

const participantLinks = (db: MarginaliaDb, annotator: string): Promise<LinkRow[]> =>
  db.links
    .where('[annotator+from.docId]')
    .between([annotator, Dexie.minKey], [annotator, Dexie.maxKey])
    .toArray();

/**
 * A set as stored, before a write may replace it: a document still held in a batch row moves to
 * per-document rows first (issue 20), so its spans and status are the rows read and written here.
 * Gold's set and status have their own tables, never in a batch.
 */
async function readSetToWrite(db: MarginaliaDb, docId: string, annotator: string): Promise<LocalSet> {
  if (annotator !== GOLD_ANNOTATOR) await materializeFirst(db, [docId]);
  return readLocalSet(db, docId, annotator);
}

async function readLocalSet(db: MarginaliaDb, docId: string, annotator: string): Promise<LocalSet> {
  const [spans, links, progress] = await Promise.all([
    setRows(db, docId, annotator),
    linksFrom(db, annotator, docId),
    readStatus(db, docId, annotator),
  ]);
  return { spans, links, progress };
}

/** What a derivation was made from, so a later write can tell whether the annotator changed it since. */
function signature(set: LocalSet): string {
  const rows = [...set.spans]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((r) => [r.id, r.start, r.end, r.label, r.note, r.unsure === true, r.updatedAt]);
  const links = [...set.links]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((l) => [l.id, l.relation, l.from, l.to, l.note, l.updatedAt]);
  return JSON.stringify([rows, links, set.progress?.status ?? null, set.progress?.updatedAt ?? null]);
}

function derive(base: SpanSetDoc | null, set: LocalSet, ctx: DeriveContext) {
  return deriveSpanSet(
    base,
    set.spans,
    set.progress ? { value: set.progress.status, updatedAt: set.progress.updatedAt } : null,
    ctx,
    set.links,
  );
}

/** Makes the stored spans and status of (doc, annotator) exactly the live entries of `doc`. */
async function writeSet(db: MarginaliaDb, doc: SpanSetDoc, current: LocalSet): Promise<void> {
  const live = liveSpans(doc);
  const keep = new Set(live.map((s) => s.id));
  const gone = current.spans.filter((r) => !keep.has(r.id)).map((r) => r.id);
  if (doc.annotator === GOLD_ANNOTATOR) {
    const rows = live.map((s) =>
      goldSpanToRow(
        { ...s, provenance: s.provenance as unknown as GoldProvenance | undefined },
        doc.doc_id,
        s.updated_at,
      ),
    );
    if (gone.length > 0) await db.goldSpans.bulkDelete(gone);
    if (rows.length > 0) await db.goldSpans.bulkPut(rows);
  } else {
    const rows = live.map((s) => spanToRow(s, doc.doc_id, doc.annotator, s.updated_at));
    if (gone.length > 0) await db.spans.bulkDelete(gone);
    if (rows.length > 0) await db.spans.bulkPut(rows);
  }
  // A link whose end in this article is no span of the set (its span was deleted on another
  // machine while the link was made) is not stored: for an own set the next push then deletes it,
  // as deleting the span here would have. The other article's end cannot be checked yet (its set
  // may come in a later page).
  const extents = new Set(live.map((s) => `${s.start}-${s.end}`));
  await dropStaleLinks(db, doc, current.spans, extents);
  const here = (e: { docId: string; start: number; end: number }) =>
    e.docId !== doc.doc_id || extents.has(`${e.start}-${e.end}`);
  const links = liveLinks(doc)
    .filter((l) => here(l.from) && here(l.to))
    .map((l) => linkToRow(l as ExportLink, l.updatedAt));
  const keptLinks = new Set(links.map((l) => l.id));
  const goneLinks = current.links.filter((l) => !keptLinks.has(l.id)).map((l) => l.id);
  if (goneLinks.length > 0) await db.links.bulkDelete(goneLinks);
  if (links.length > 0) await db.links.bulkPut(links);
  const status = doc.status.value;
  if (current.progress || status !== 'todo')
    await writeStatuses(db, [
      { docId: doc.doc_id, annotator: doc.annotator, status, updatedAt: doc.status.updated_at },
    ]);
}

/**
 * A span deletion that arrives (another machine deleted it) takes along the participant's links
 * that other articles' sets hold with an end at its extent, unless a span still has that extent:
 * what deleting it here does (followSpanCommand). Deleting them changes those sets, so for an own
 * set the next push sends the links' tombstones. The other order (a link arriving after its other
 * end's span was deleted here) is left to the machine that made the link: it deletes the link
 * when this deletion reaches it, and that tombstone comes back here.
 */
async function dropStaleLinks(
  db: MarginaliaDb,
  doc: SpanSetDoc,
  before: readonly SpanRow[],
  liveExtents: ReadonlySet<string>,
): Promise<void> {
  const lost = new Set(before.map((r) => `${r.start}-${r.end}`).filter((extent) => !liveExtents.has(extent)));
  if (lost.size === 0) return;
  const stale = (await db.links.where('[annotator+to.docId]').equals([doc.annotator, doc.doc_id]).toArray())
    .filter((l) => l.from.docId !== doc.doc_id && lost.has(`${l.to.start}-${l.to.end}`))
    .map((l) => l.id);
  if (stale.length > 0) await db.links.bulkDelete(stale);
}

const baseOf = (row: { doc: Record<string, unknown> | null } | undefined): SpanSetDoc | null =>
  (row?.doc as SpanSetDoc | null | undefined) ?? null;

export interface DirtySet {
  /** What to push: the derived set, with the base's `_rev`. */
  readonly doc: SpanSetDoc;
  readonly base: SpanSetDoc | null;
  /** What it was derived from (commitPushed checks nothing changed since). */
  readonly signature: string;
  /** Spans added, changed or deleted (core/sync/derive.ts): what "N changes waiting" adds up. */
  readonly changes: number;
}

/**
 * Which documents belong to the team: a test, or the server database (the project's articles) whose
 * synced copies list them, then looked up by key for the sets found only.
 */
export type TeamDocuments = ((docId: string) => boolean) | { readonly recordedUnder: string };

/**
 * Every span set of `annotator` that differs from its last synced copy in server database `dbName`,
 * among the documents `allowed` says belong to the team. One read of the annotator's rows and of the
 * span sets' copies in `dbName` (not its assignments), so its cost grows with the annotator's work,
 * not with the library: it runs twice a round, and reading the team's 10,000 article ids and the
 * user's 10,000 assignments each time held up an annotator's push and a lead's pull (bench sync phase).
 */
export async function findDirtySets(
  db: MarginaliaDb,
  dbName: string,
  annotator: string,
  allowed: TeamDocuments,
  replica: string,
  now: number,
): Promise<DirtySet[]> {
  const tables = [db.spans, db.goldSpans, ...statusTables(db), db.links, db.syncDocs];
  return db.transaction('r', [...tables, db.documents, ...batchTables(db)], async () => {
    const [rows, links, statuses, copies] = await Promise.all([
      participantRows(db, annotator),
      participantLinks(db, annotator),
      statusesOf(db, [annotator]),
      db.syncDocs.where('[db+id]').between([dbName, 'spans:'], [dbName, 'spans:\uffff']).toArray(),
    ]);
    // Sets of documents still in batch rows (issue 20) are pushed as their rows would be.
    const { spans, statuses: progress } = await withBatchSets(db, [annotator], null, {
      spans: rows,
      statuses,
    });
    const sets = new Map<string, LocalSet>();
    const setOf = (docId: string): LocalSet => {
      let s = sets.get(docId);
      if (!s) sets.set(docId, (s = { spans: [], links: [], progress: undefined }));
      return s;
    };
    for (const r of spans) setOf(r.docId).spans.push(r);
    for (const l of links) setOf(l.from.docId).links.push(l);
    for (const p of progress) setOf(p.docId).progress = p;
    const bases = new Map<string, SpanSetDoc>();
    for (const c of copies) {
      const d = baseOf(c);
      if (d?.type === 'span_set' && d.annotator === annotator) {
        bases.set(d.doc_id, d);
        setOf(d.doc_id);
      }
    }
    const team = await teamAmong(db, allowed, [...sets.keys()]);
    const out: DirtySet[] = [];
    for (const [docId, set] of sets) {
      if (!team(docId)) continue;
      const base = bases.get(docId) ?? null;
      const d = derive(base, set, { docId, annotator, replica, now });
      if (d.changed) out.push({ doc: d.doc, base, signature: signature(set), changes: d.changes });
    }
    return out;
  });
}

async function teamAmong(
  db: MarginaliaDb,
  allowed: TeamDocuments,
  docIds: readonly string[],
): Promise<(docId: string) => boolean> {
  if (typeof allowed === 'function') return allowed;
  const copies = await db.syncDocs.bulkGet(docIds.map((d) => [allowed.recordedUnder, d]));
  const team = new Set(docIds.filter((_, i) => copies[i] !== undefined));
  return (docId) => team.has(docId);
}

/**
 * Records a pushed set: the server's stored version becomes the synced copy and, when the server
 * merged in changes from elsewhere, the local rows. Only if the annotator has not changed the set
 * since it was derived (same signature); otherwise nothing is written and the next push, still on
 * the old `_rev`, merges again. Answers whether it was recorded.
 */
export async function commitPushed(
  db: MarginaliaDb,
  dbName: string,
  pushed: DirtySet,
  stored: SpanSetDoc,
): Promise<boolean> {
  return corpusWrite(db, syncTables(db), async () => {
    const set = await readSetToWrite(db, stored.doc_id, stored.annotator);
    if (signature(set) !== pushed.signature) return false;
    await writeSet(db, stored, set);
    await db.syncDocs.put({ db: dbName, id: stored._id, rev: stored._rev ?? '', doc: { ...stored } });
    return true;
  });
}

export interface PulledPage {
  /** The server database the page came from. */
  readonly dbName: string;
  /**
   * `own`: the user's own sets (this replica edits them too: a set changed here since its last sync
   * is left to the push, which merges); `mirror`: someone else's, stored as the server has them.
   */
  readonly mode: 'own' | 'mirror';
  readonly spanSets: readonly SpanSetDoc[];
  readonly assignments: readonly AssignmentDoc[];
  /** Devices' last syncs (what the lead's dashboard shows as "last sync"). */
  readonly devices?: readonly DeviceDoc[];
  /** Ids of documents deleted on the server (assignments taken back). */
  readonly deleted: readonly string[];
  /** Checked articles (core/sync/article-doc.ts) with their revisions. */
  readonly articles: readonly { doc: ImportedDocument; rev: string }[];
  /** Where the articles' team copies are recorded (the project's articles database). */
  readonly articlesDb: string;
  readonly lastSeq: string | number;
}

export interface StoredPage {
  readonly spanSetsApplied: number;
  /** Own sets with local changes not yet pushed: left for the push to merge. */
  readonly spanSetsDeferred: number;
  readonly articlesAdded: number;
}

/**
 * Stores one pulled page and its checkpoint in ONE strict transaction: articles through the import
 * repository (all or nothing, never changing a stored text), assignments and span sets with their
 * synced copies. A kill at any point leaves either the whole page with its checkpoint or neither,
 * so the pull resumes from the last stored page.
 */
export async function storePulledPage(
  db: MarginaliaDb,
  page: PulledPage,
  replica: string,
  now: number,
  newId: () => string,
): Promise<StoredPage> {
  return corpusWrite(db, syncTables(db), async () => {
    let articlesAdded = 0;
    if (page.articles.length > 0) {
      const stored = await storeImport(
        db,
        { documents: page.articles.map((a) => a.doc), annotations: [] },
        null,
        newId,
        undefined,
        { lookUpIds: true },
      );
      articlesAdded = stored.documentsAdded;
      await db.syncDocs.bulkPut(
        page.articles.map((a) => ({ db: page.articlesDb, id: a.doc.id, rev: a.rev, doc: null })),
      );
    }
    if (page.assignments.length > 0)
      await db.syncDocs.bulkPut(
        page.assignments.map((a) => ({ db: page.dbName, id: a._id, rev: a._rev ?? '', doc: { ...a } })),
      );
    if (page.devices && page.devices.length > 0)
      await db.syncDocs.bulkPut(
        page.devices.map((d) => ({ db: page.dbName, id: d._id, rev: d._rev ?? '', doc: { ...d } })),
      );
    for (const id of page.deleted) {
      const row = await db.syncDocs.get([page.dbName, id]);
      if (!row) continue;
      await db.syncDocs.delete([page.dbName, id]);
      // An assignment taken back: the article leaves the team's list (its text and labels stay).
      const docId = (row.doc as Partial<AssignmentDoc> | null)?.doc_id;
      if (id.startsWith('assign:') && docId) await db.syncDocs.delete([page.articlesDb, docId]);
    }
    let applied = 0;
    let deferred = 0;
    for (const doc of page.spanSets) {
      const copy = await db.syncDocs.get([page.dbName, doc._id]);
      if (copy && copy.rev === doc._rev) continue;
      const set = await readSetToWrite(db, doc.doc_id, doc.annotator);
      if (page.mode === 'own') {
        const ctx = { docId: doc.doc_id, annotator: doc.annotator, replica, now };
        if (derive(baseOf(copy), set, ctx).changed) {
          deferred++;
          continue;
        }
      }
      await writeSet(db, doc, set);
      const { _conflicts: _c, ...clean } = doc;
      await db.syncDocs.put({ db: page.dbName, id: doc._id, rev: doc._rev ?? '', doc: { ...clean } });
      applied++;
    }
    await db.syncCheckpoints.put({ db: page.dbName, seq: page.lastSeq });
    return { spanSetsApplied: applied, spanSetsDeferred: deferred, articlesAdded };
  });
}

export async function readSyncCheckpoint(db: MarginaliaDb, dbName: string): Promise<string | number | null> {
  return (await db.syncCheckpoints.get(dbName))?.seq ?? null;
}

/** Ids of the documents recorded under a server database (the team's articles, or assignments). */
export async function syncedIds(db: MarginaliaDb, dbName: string): Promise<Set<string>> {
  const keys = await db.syncDocs.where('db').equals(dbName).primaryKeys();
  return new Set(keys.map((k) => (k as [string, string])[1]));
}

/** The synced copy of one span set (its history is what the span inspector shows). */
export async function syncedSpanSet(
  db: MarginaliaDb,
  dbName: string,
  docId: string,
): Promise<SpanSetDoc | null> {
  return baseOf(await db.syncDocs.get([dbName, `spans:${docId}`]));
}
