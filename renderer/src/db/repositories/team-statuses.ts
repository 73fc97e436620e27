import type { DocStatus } from '../../core/model/status';
import { assignmentId, userDb, userOfDb, type AssignmentDoc } from '../../core/sync/project-layout';
import type { MarginaliaDb } from '../database';
import { readStatus, statusesOf, statusTables } from './progress';

/** One annotator's status on a document, for the lead's library. */
export interface TeamStatus {
  readonly annotator: string;
  readonly status: DocStatus;
}

const userPrefix = (p: string): string => `marginalia_${p}_user_`;

/** Annotators in name order with their status (no status row: to do). */
const inOrder = (users: Iterable<string>, status: (annotator: string) => DocStatus | undefined) =>
  [...users].sort().map((annotator) => ({ annotator, status: status(annotator) ?? 'todo' }));

/**
 * For a lead: who is assigned each document (the assignments pulled from every user database of
 * project `p`) and their status (their pulled span set's status; no set yet: to do), by document,
 * annotators in name order. Reads every assignment: for the library's whole read only.
 */
export async function teamStatuses(db: MarginaliaDb, p: string): Promise<Map<string, TeamStatus[]>> {
  return db.transaction('r', [db.syncDocs, ...statusTables(db)], async () => {
    const prefix = userPrefix(p);
    const copies = await db.syncDocs.where('db').between(prefix, `${prefix}\uffff`).toArray();
    const assigned = new Map<string, Set<string>>();
    for (const c of copies) {
      const user = userOfDb(p, c.db);
      const docId = (c.doc as Partial<AssignmentDoc> | null)?.doc_id;
      if (!user || !c.id.startsWith('assign:') || !docId) continue;
      let set = assigned.get(docId);
      if (!set) assigned.set(docId, (set = new Set()));
      set.add(user);
    }
    const users = new Set([...assigned.values()].flatMap((s) => [...s]));
    const rows = await statusesOf(db, [...users]);
    const status = new Map(rows.map((r) => [`${r.docId}\u0000${r.annotator}`, r.status]));
    const out = new Map<string, TeamStatus[]>();
    for (const [docId, set] of assigned)
      out.set(
        docId,
        inOrder(set, (a) => status.get(`${docId}\u0000${a}`)),
      );
    return out;
  });
}

/**
 * `teamStatuses` of some documents only, each read by key: the user databases' names (one step per
 * database on the `db` index, never its rows), then each user's assignment and status of each
 * document. What a lead's library reads when a pulled page changes a few documents.
 */
export async function teamStatusesOf(
  db: MarginaliaDb,
  p: string,
  docIds: readonly string[],
): Promise<Map<string, TeamStatus[]>> {
  return db.transaction('r', [db.syncDocs, ...statusTables(db)], async () => {
    const prefix = userPrefix(p);
    const dbs = await db.syncDocs.where('db').between(prefix, `${prefix}\uffff`).uniqueKeys();
    const users = dbs.map((d) => userOfDb(p, String(d))).filter((u): u is string => u !== null);
    const out = new Map<string, TeamStatus[]>();
    await Promise.all(
      docIds.map(async (docId) => {
        const copies = await db.syncDocs.bulkGet(users.map((u) => [userDb(p, u), assignmentId(docId)]));
        const assigned = users.filter(
          (_, i) => (copies[i]?.doc as Partial<AssignmentDoc> | null | undefined)?.doc_id === docId,
        );
        const rows = await Promise.all(assigned.map((u) => readStatus(db, docId, u)));
        const status = new Map(rows.map((r, i) => [assigned[i] as string, r?.status]));
        out.set(
          docId,
          inOrder(assigned, (a) => status.get(a)),
        );
      }),
    );
    return out;
  });
}
