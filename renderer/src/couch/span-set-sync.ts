import { err, ok } from '../core/result';
import { mergeSpanSets } from '../core/sync/merge';
import type { SpanSetDoc } from '../core/sync/span-set';
import { validateSpanSet } from '../core/sync/validate';
import type { CouchClient } from './client';
import type { CouchResult } from './http';

/** Rounds of fetch-merge-write before a push gives up (each round lost a race to another writer). */
const MAX_ROUNDS = 5;

const invalid = (id: string, problems: readonly string[]) =>
  err({
    kind: 'bad_request' as const,
    status: 0,
    reason: `${id} on the server is not a valid span set: ${problems.join(' ')}`,
  });

/**
 * Folds every conflicting revision of a span set (a CouchDB cluster, or two servers replicating
 * each other, can keep several) into the winning one, span by span, in one `_bulk_docs`: the
 * merged set updates the winner and the losing revisions are deleted, so no conflict lasts.
 */
export async function resolveConflicts(
  client: CouchClient,
  db: string,
  doc: SpanSetDoc,
): Promise<CouchResult<SpanSetDoc>> {
  const revs = doc._conflicts ?? [];
  if (revs.length === 0) return ok(doc);
  let merged: SpanSetDoc = doc;
  for (const rev of revs) {
    const r = await client.get<unknown>(db, doc._id, { rev });
    if (!r.ok) return r;
    if (r.value === null) continue;
    const v = validateSpanSet(r.value);
    if (!v.ok) return invalid(doc._id, v.error);
    merged = mergeSpanSets(merged, v.value);
  }
  const { _conflicts: _c, ...winner } = { ...merged, _rev: doc._rev };
  const write = await client.bulkDocs(db, [
    winner,
    ...revs.map((rev) => ({ _id: doc._id, _rev: rev, _deleted: true })),
  ]);
  if (!write.ok) return write;
  const first = write.value[0];
  if (!first?.rev) return err({ kind: 'conflict', status: 409, reason: first?.reason ?? 'conflict' });
  return ok({ ...winner, _rev: first.rev } as SpanSetDoc);
}

/**
 * Writes one span set with the last `_rev` the client knew. On 409 it fetches the server's
 * version (resolving any `_conflicts`), merges span by span with `base` (the copy both last had in
 * common, so only spans changed on both sides keep a losing version), and writes again. Answers
 * the stored document with its new `_rev`, which the caller keeps as the next base.
 */
export async function pushSpanSet(
  client: CouchClient,
  db: string,
  local: SpanSetDoc,
  base: SpanSetDoc | null,
): Promise<CouchResult<{ doc: SpanSetDoc; merged: boolean }>> {
  let attempt: SpanSetDoc = local;
  let merged = false;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const put = await client.put(db, attempt);
    if (put.ok) return ok({ doc: { ...attempt, _rev: put.value.rev }, merged });
    if (put.error.kind !== 'conflict') return put;
    const fetched = await client.get<unknown>(db, attempt._id, { conflicts: true });
    if (!fetched.ok) return fetched;
    if (fetched.value === null) {
      // Deleted on the server meanwhile (an admin's repair): write ours as a new document.
      const { _rev: _r, ...fresh } = attempt;
      attempt = fresh as SpanSetDoc;
      continue;
    }
    const v = validateSpanSet(fetched.value);
    if (!v.ok) return invalid(attempt._id, v.error);
    const server = await resolveConflicts(client, db, v.value);
    if (!server.ok) return server;
    const { _rev: _old, ...mine } = attempt;
    attempt = {
      ...mergeSpanSets(mine as SpanSetDoc, server.value, base ?? undefined),
      _rev: server.value._rev,
    } as SpanSetDoc;
    merged = true;
  }
  return err({
    kind: 'conflict',
    status: 409,
    reason: `${local._id} kept changing on the server; try again.`,
  });
}

export interface PulledPage<D> {
  readonly docs: readonly D[];
  readonly deleted: readonly string[];
  /** The checkpoint to store with these documents (in the same local transaction). */
  readonly lastSeq: string | number;
}

/**
 * Reads `_changes` from `since` in pages of `pageSize` and hands each page to `apply`, which stores
 * the documents and the page's `lastSeq` together; an interrupted pull resumes from the last
 * stored checkpoint and repeats at most one page. Resolves to the final checkpoint.
 */
export async function pullChanges<D>(
  client: CouchClient,
  db: string,
  since: string | number,
  pageSize: number,
  apply: (page: PulledPage<D>) => Promise<void>,
): Promise<CouchResult<string | number>> {
  let seq = since;
  for (;;) {
    const r = await client.changes<D>(db, { since: seq, limit: pageSize, includeDocs: true });
    if (!r.ok) return r;
    const docs: D[] = [];
    const deleted: string[] = [];
    for (const row of r.value.results) {
      if (row.deleted) deleted.push(row.id);
      else if (row.doc) docs.push(row.doc);
    }
    if (r.value.results.length > 0) await apply({ docs, deleted, lastSeq: r.value.last_seq });
    seq = r.value.last_seq;
    if (r.value.results.length < pageSize) return ok(seq);
  }
}

/** The server-side copy of a replica's checkpoint, `_local/marginalia-<replica>` in that database. */
export function saveCheckpoint(
  client: CouchClient,
  db: string,
  replica: string,
  lastSeq: string | number,
  at: string,
): Promise<CouchResult<string>> {
  return client.putLocal(db, `marginalia-${replica}`, { last_seq: lastSeq, updated_at: at });
}

export async function readCheckpoint(
  client: CouchClient,
  db: string,
  replica: string,
): Promise<CouchResult<string | number | null>> {
  const r = await client.getLocal<{ last_seq?: string | number }>(db, `marginalia-${replica}`);
  return r.ok ? ok(r.value?.last_seq ?? null) : r;
}
