import { err, ok } from '../core/result';
import { mergeSpanSets } from '../core/sync/merge';
import type { SpanSetDoc } from '../core/sync/span-set';
import { validateSpanSet } from '../core/sync/validate';
import type { ChangesRow, CouchClient } from './client';
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
export function pullChanges<D>(
  client: CouchClient,
  db: string,
  since: string | number,
  pageSize: number,
  apply: (page: PulledPage<D>) => Promise<void>,
): Promise<CouchResult<string | number>> {
  return pullPipelined<D, PulledPage<D>>(client, db, since, pageSize, pageSize, {
    prepare: async (page) => page,
    store: apply,
  });
}

/** A pull's two steps on each slice of a page (see `pullPipelined`). */
export interface PageSteps<D, P> {
  /** Network and checks (fetching the slice's articles, hashing them): runs ahead by one slice. */
  readonly prepare: (slice: PulledPage<D>) => Promise<P>;
  /** Stores a prepared slice with its `lastSeq` in one local transaction; one at a time, in order. */
  readonly store: (prepared: P) => Promise<void>;
}

/**
 * `pullChanges` with each page cut into slices of `sliceSize` changes, the next slice prepared
 * (its articles fetched and checked) while the previous one is stored: a slice's requests and its
 * local transaction take about as long as each other, so overlapping them nearly halves a first
 * pull. Each slice is stored with the `seq` of its last change (the page's `last_seq` for the last
 * slice), which CouchDB accepts as `since`, so a kill resumes after the last stored slice. The next
 * page is asked for only once the whole page is stored, as before: an asked-for page means the
 * previous one is stored (tests/e2e/team-resume.spec.ts relies on it). A failure of either step
 * ends the pull once the slice being stored is settled.
 */
export async function pullPipelined<D, P>(
  client: CouchClient,
  db: string,
  since: string | number,
  pageSize: number,
  sliceSize: number,
  steps: PageSteps<D, P>,
): Promise<CouchResult<string | number>> {
  let seq = since;
  for (;;) {
    const r = await client.changes<D>(db, { since: seq, limit: pageSize, includeDocs: true });
    if (!r.ok) return r;
    const rows = r.value.results;
    let storing: Promise<void> | null = null;
    try {
      for (let i = 0; i < rows.length; i += sliceSize) {
        const part = rows.slice(i, i + sliceSize);
        const last = i + sliceSize >= rows.length;
        const slice: PulledPage<D> = {
          docs: part.filter((row) => !row.deleted && row.doc).map((row) => row.doc as D),
          deleted: part.filter((row) => row.deleted).map((row) => row.id),
          lastSeq: last ? r.value.last_seq : (part[part.length - 1] as ChangesRow<D>).seq,
        };
        const prepared = await steps.prepare(slice);
        if (storing) await storing;
        storing = steps.store(prepared);
        // Awaited before the next store or below; until then a failure must not go unhandled.
        storing.catch(() => undefined);
      }
      if (storing) await storing;
    } finally {
      // A failed read or check still lets the slice being stored finish (with its checkpoint).
      if (storing) await storing.catch(() => undefined);
    }
    seq = r.value.last_seq;
    if (rows.length < pageSize) return ok(seq);
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
