import type { DBCore, Middleware } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { invertCommand, type AnnotationCommand } from '../../../renderer/src/core/commands/annotate';
import type { Span } from '../../../renderer/src/core/model/span';
import { MarginaliaDb } from '../../../renderer/src/db/database';
import { applyAnnotationCommand, listSpans } from '../../../renderer/src/db/repositories/annotations';
import { createBackup, restoreFromBackup } from '../../../renderer/src/db/repositories/backup';
import { readStatus, setStatus } from '../../../renderer/src/db/repositories/progress';
import { sameAsReference, twoShapes } from './batch-writers';

/**
 * Issue 20, copy-on-first-write: a label or a status on a document held only in a batch row moves it
 * to per-document rows in the write's own transaction; every reader then sees what the same write
 * gives on the library held per document, and the batch row is never rewritten.
 */
const span = (id: string, start = 0, end = 4): Span => ({ id, start, end, label: 'claim', note: '' });

async function both(dbs: MarginaliaDb[], write: (db: MarginaliaDb) => Promise<unknown>): Promise<void> {
  for (const db of dbs) await write(db);
}

describe('a label on a document held in a batch row', () => {
  beforeEach(() => void vi.spyOn(Date, 'now').mockReturnValue(1_790_000_000_000));
  afterEach(() => vi.restoreAllMocks());

  it('create, update and delete give what they give per document, batch row untouched', async () => {
    const { reference, db, ids, batchRows } = await twoShapes(40);
    const [a, b, c] = [ids[3]!, ids[17]!, ids[16]!]; // c: bob's, with spans
    const created = span('new', 5, 9);
    await both([db, reference], (x) =>
      applyAnnotationCommand(x, a, 'alice', { kind: 'create', span: created }),
    );
    // An annotator with no span on the document yet, and an update of a span the import stored.
    await both([db, reference], (x) =>
      applyAnnotationCommand(x, b, 'dora', { kind: 'create', span: span('d') }),
    );
    const stored = (await listSpans(reference, c, 'bob'))[0]!;
    const edit: AnnotationCommand = { kind: 'update', before: stored, after: { ...stored, note: 'edited' } };
    await both([db, reference], (x) => applyAnnotationCommand(x, c, 'bob', edit));
    await both([db, reference], (x) =>
      applyAnnotationCommand(x, c, 'bob', { kind: 'delete', span: { ...stored, note: 'edited' } }),
    );
    expect(await db.documents.count()).toBe(3);
    await sameAsReference(db, reference, batchRows, ids);
  });

  it('a duplicate of a span the batch holds is refused, as per document', async () => {
    const { reference, db, ids, batchRows } = await twoShapes(12);
    const id = ids[2]!;
    const twin = { ...(await listSpans(reference, id, 'carol'))[0]!, id: 'twin' };
    for (const x of [db, reference])
      await expect(applyAnnotationCommand(x, id, 'carol', { kind: 'create', span: twin })).rejects.toThrow(
        'already exists',
      );
    // The refused label wrote nothing, its move out of the batch included.
    expect(await db.documents.count()).toBe(0);
    await sameAsReference(db, reference, batchRows, ids);
  });

  it('undo after the label, then a restore of a backup, behave as per document', async () => {
    const { reference, db, ids, batchRows } = await twoShapes(20);
    const id = ids[5]!;
    const label: AnnotationCommand = { kind: 'create', span: span('u', 2, 6) };
    await both([db, reference], (x) => applyAnnotationCommand(x, id, 'bob', label));
    await sameAsReference(db, reference, batchRows, ids);
    await both([db, reference], (x) => applyAnnotationCommand(x, id, 'bob', invertCommand(label)));
    await sameAsReference(db, reference, batchRows, ids);

    const backup = await createBackup(reference, { reason: 'manual', appVersion: 't', createdAt: 'x' });
    await both([db, reference], async (x) =>
      expect((await restoreFromBackup(x, backup.content, 'b')).ok).toBe(true),
    );
    expect(await db.table('batches').count()).toBe(0);
    await sameAsReference(db, reference, [], ids);
    await both([db, reference], (x) => applyAnnotationCommand(x, id, 'bob', label));
    await sameAsReference(db, reference, [], ids);
  });

  it('two tabs labelling the same batch document at once both keep their label', async () => {
    const { reference, db, ids, batchRows } = await twoShapes(10);
    const other = new MarginaliaDb(db.name);
    await other.open();
    const id = ids[4]!;
    await Promise.all([
      applyAnnotationCommand(db, id, 'alice', { kind: 'create', span: span('one', 0, 4) }),
      applyAnnotationCommand(other, id, 'alice', { kind: 'create', span: span('two', 5, 9) }),
      setStatus(other, id, 'bob', 'done'),
    ]);
    other.close();
    await applyAnnotationCommand(reference, id, 'alice', { kind: 'create', span: span('one', 0, 4) });
    await applyAnnotationCommand(reference, id, 'alice', { kind: 'create', span: span('two', 5, 9) });
    await setStatus(reference, id, 'bob', 'done');
    await sameAsReference(db, reference, batchRows, ids);
  });

  it('another tab moving the document between the read and the add: the label is retried, not lost', async () => {
    const { reference, db, ids, batchRows } = await twoShapes(10);
    const id = ids[6]!;
    // The other tab's move, then this tab's label whose first read missed it (the race the add catches).
    await setStatus(db, id, 'carol', 'done');
    const get = db.documents.get.bind(db.documents);
    const spy = vi.spyOn(db.documents, 'get').mockImplementation(get as never);
    spy.mockImplementationOnce((() => Promise.resolve(undefined)) as never);
    await applyAnnotationCommand(db, id, 'alice', { kind: 'create', span: span('late', 1, 3) });
    await setStatus(reference, id, 'carol', 'done');
    await applyAnnotationCommand(reference, id, 'alice', { kind: 'create', span: span('late', 1, 3) });
    await sameAsReference(db, reference, batchRows, ids);
  });
});

describe('a status on a document held in a batch row', () => {
  beforeEach(() => void vi.spyOn(Date, 'now').mockReturnValue(1_790_000_000_000));
  afterEach(() => vi.restoreAllMocks());

  it("an annotator's status (the first label's \"in progress\" included) and gold's", async () => {
    const { reference, db, ids, batchRows } = await twoShapes(30);
    await both([db, reference], (x) => setStatus(x, ids[1]!, 'alice', 'done'));
    await both([db, reference], (x) => setStatus(x, ids[2]!, 'dora', 'in_progress'));
    await both([db, reference], (x) => setStatus(x, ids[3]!, 'gold', 'done'));
    expect(await db.documents.count()).toBe(2);
    await sameAsReference(db, reference, batchRows, ids);
    expect(await readStatus(db, ids[2]!, 'dora')).toEqual(await readStatus(reference, ids[2]!, 'dora'));
  });
});

/** Counts the requests each table gets (reads and writes), through a second connection. */
function counting(name: string): { db: MarginaliaDb; seen: string[] } {
  const seen: string[] = [];
  const mw: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'count',
    create: (down) => ({
      ...down,
      table: (t) => {
        const table = down.table(t);
        return {
          ...table,
          get: (req) => (seen.push(`${t}.get`), table.get(req)),
          getMany: (req) => (seen.push(`${t}.getMany`), table.getMany(req)),
          query: (req) => (seen.push(`${t}.query`), table.query(req)),
          openCursor: (req) => (seen.push(`${t}.cursor`), table.openCursor(req)),
          count: (req) => (seen.push(`${t}.count`), table.count(req)),
          mutate: (req) => (seen.push(`${t}.${req.type}`), table.mutate(req)),
        };
      },
    }),
  };
  const db = new MarginaliaDb(name);
  db.use(mw);
  return { db, seen };
}

describe('what a label costs on the hot path', () => {
  beforeEach(() => void vi.spyOn(Date, 'now').mockReturnValue(1_790_000_000_000));
  afterEach(() => vi.restoreAllMocks());

  it('a batch document: the batch read once, then the requests of a per-document label', async () => {
    const { reference, db, ids } = await twoShapes(10);
    const id = ids[7]!;
    const here = counting(db.name);
    const there = counting(reference.name);
    await here.db.open();
    await there.db.open();
    const label = (x: MarginaliaDb, n: number) =>
      applyAnnotationCommand(x, id, 'alice', { kind: 'create', span: span(`s${n}`, n, n + 1) });

    await label(here.db, 1);
    expect(here.seen).toEqual(expect.arrayContaining(['documents.get', 'batchIndex.query', 'batches.get']));
    expect(here.seen.filter((s) => s.startsWith('batch'))).toHaveLength(2);
    // The first label wrote the set's pack: later labels read nothing else.
    await listSpans(there.db, id, 'alice');
    here.seen.length = 0;
    there.seen.length = 0;
    for (let n = 2; n < 5; n++) {
      await label(here.db, n);
      await label(there.db, n);
    }
    expect(here.seen).toEqual(there.seen);
    expect(here.seen.filter((s) => /^(documents|texts|batches|batchIndex)\./.test(s))).toEqual([]);
    here.db.close();
    there.db.close();
  });
});
