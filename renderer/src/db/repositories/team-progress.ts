import type { MemberDoc } from '../../core/sync/project-layout';
import { libraryTitlesOf } from '../corpus/library-lookup';
import type { MarginaliaDb } from '../database';

/**
 * What the lead's progress dashboard reads (docs/team.md, "The lead's progress dashboard"): the
 * synced copies of the project's roster, assignments, span sets and devices, in pages by primary
 * key or by the keys that changed — never a whole big table at once — and the team's article ids
 * with their titles.
 */

export interface SyncRowRef {
  readonly db: string;
  readonly id: string;
  readonly doc: Record<string, unknown> | null;
}

/** The roster (`member:<user>` of the project database) as the lead last read it; writes only a difference. */
export async function storeRoster(
  db: MarginaliaDb,
  dbName: string,
  members: readonly MemberDoc[],
): Promise<boolean> {
  return db.transaction('rw', db.syncDocs, async () => {
    const range = db.syncDocs.where('[db+id]').between([dbName, 'member:'], [dbName, 'member:\uffff']);
    const stored = new Map((await range.toArray()).map((r) => [r.id, r.rev]));
    const fresh = members.filter((m) => stored.get(m._id) !== (m._rev ?? ''));
    const gone = [...stored.keys()].filter((id) => !members.some((m) => m._id === id));
    if (fresh.length > 0)
      await db.syncDocs.bulkPut(
        fresh.map((m) => ({ db: dbName, id: m._id, rev: m._rev ?? '', doc: { ...m } })),
      );
    if (gone.length > 0) await db.syncDocs.bulkDelete(gone.map((id) => [dbName, id] as [string, string]));
    return fresh.length + gone.length > 0;
  });
}

/** A key range of `syncDocs` ([db, id] pairs), lower bound included, upper excluded. */
export interface SyncKeyRange {
  readonly from: readonly [string, string];
  readonly to: readonly [string, string];
}

/**
 * One page of synced rows in `range`, after the key `after` (null: from the start), in key order.
 * The caller pages with the last row's key until a short page.
 */
export async function syncRowsPage(
  db: MarginaliaDb,
  range: SyncKeyRange,
  after: readonly [string, string] | null,
  limit: number,
): Promise<SyncRowRef[]> {
  const to = [range.to[0], range.to[1]];
  const coll = after
    ? db.syncDocs.where('[db+id]').between([after[0], after[1]], to, false, false)
    : db.syncDocs.where('[db+id]').between([range.from[0], range.from[1]], to, true, false);
  return coll.limit(limit).toArray();
}

/** The synced rows with these keys; a key with no row comes back with `doc: null` (deleted). */
export async function syncRowsByKey(
  db: MarginaliaDb,
  keys: readonly (readonly [string, string])[],
): Promise<SyncRowRef[]> {
  const rows = await db.syncDocs.bulkGet(keys.map((k) => [k[0], k[1]] as [string, string]));
  return keys.map((k, i) => rows[i] ?? { db: k[0], id: k[1], doc: null });
}

/** The team's article ids (keys only: no row is read). */
export async function teamArticleIds(db: MarginaliaDb, articlesDb: string): Promise<string[]> {
  const keys = await db.syncDocs.where('db').equals(articlesDb).primaryKeys();
  return keys.map((k) => (k as [string, string])[1]);
}

/** Titles of these documents (missing ones are left out), wherever each is held (issue 20). */
export function titlesOf(db: MarginaliaDb, ids: readonly string[]): Promise<Map<string, string>> {
  return libraryTitlesOf(db, ids);
}
