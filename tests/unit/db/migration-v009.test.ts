import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { openAppDatabase } from '../../../renderer/src/app/startup/open-app-database';
import { batchHeadOf } from '../../../renderer/src/db/batch-heads';
import type { BatchRow } from '../../../renderer/src/db/batch-rows';
import { readLibraryTables } from '../../../renderer/src/db/corpus/library-read';
import { MarginaliaDb } from '../../../renderer/src/db/database';
import { MIGRATIONS } from '../../../renderer/src/db/migrations';
import { storedDigest } from '../../../renderer/src/db/repositories/restore';
import { ANNOTATORS, twoLibraries } from './corpus-mix';
import { memorySink } from './db-fixtures';

/**
 * Issue 20 item 2: schema v9 adds `batchHeads`, and its upgrade builds the head of every batch row
 * a v8 import wrote (v8 wrote none), so the library reads the same from the heads as from the rows.
 */
describe('schema v9: batch heads', () => {
  beforeEach(() => void vi.spyOn(Date, 'now').mockReturnValue(1_790_000_000_000));
  afterEach(() => vi.restoreAllMocks());

  it('upgrades a v8 database with batch rows: one head per row, equal to its summary; the library unchanged', async () => {
    const { db: source } = await twoLibraries(600, true);
    const rows = (await source.table('batches').toArray()) as BatchRow[];
    expect(rows.length).toBeGreaterThan(2);
    const before = new Map<string, unknown>();
    for (const a of ANNOTATORS) before.set(a, await readLibraryTables(source, a));
    const digest = await storedDigest(source);

    // The same rows in a database as v8 left it: batch rows, no heads.
    const name = `v009-${process.pid}`;
    const old = new MarginaliaDb(name, MIGRATIONS.slice(0, 8));
    await old.open();
    const copied = source.tables.filter((t) => old.tables.some((o) => o.name === t.name));
    const contents = await Promise.all(copied.map((t) => t.toArray()));
    await old.transaction('rw', old.tables, async () => {
      for (const [i, t] of copied.entries()) await old.table(t.name).bulkAdd(contents[i]!);
    });
    expect(old.tables.map((t) => t.name)).not.toContain('batchHeads');
    old.close();

    const result = await openAppDatabase({ name, sink: memorySink() });
    if (result.kind !== 'ready') throw new Error(JSON.stringify(result));
    const db = result.db;
    expect(db.verno).toBe(9);
    expect(await db.table('batches').toArray()).toEqual(rows);
    expect(await db.table('batchHeads').toArray()).toEqual(rows.map(batchHeadOf));
    // Derived storage: outside the digest, and every reader of the library sees what it saw.
    expect(await storedDigest(db)).toBe(digest);
    for (const a of ANNOTATORS) expect(await readLibraryTables(db, a)).toEqual(before.get(a));
    await db.delete();
  });
});
