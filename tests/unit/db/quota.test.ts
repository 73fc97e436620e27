import type { DBCore, Middleware } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';

import { classifyStorageError } from '../../../renderer/src/db/storage-errors';
import { MarginaliaDb } from '../../../renderer/src/db/database';
import { applyAnnotationCommand } from '../../../renderer/src/db/repositories/annotations';
import { createBackup, restoreFromBackup } from '../../../renderer/src/db/repositories/backup';
import { storedDigest } from '../../../renderer/src/db/repositories/restore';
import { readSnapshot } from '../../../renderer/src/db/snapshot';
import { fillCorpus } from './durability-corpus';

/** A Dexie middleware that makes every write fail as a full disk does (after `allow` writes). */
function quotaAfter(state: { allow: number }): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'quota-injection',
    create: (down) => ({
      ...down,
      table: (name) => {
        const t = down.table(name);
        return {
          ...t,
          mutate: (req) => {
            if (state.allow-- > 0) return t.mutate(req);
            return Promise.reject(
              Object.assign(new Error('Transaction aborted'), {
                name: 'AbortError',
                inner: Object.assign(new Error('The quota has been exceeded.'), {
                  name: 'QuotaExceededError',
                }),
              }),
            );
          },
        };
      },
    }),
  };
}

let n = 0;
const dbs: MarginaliaDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

describe('a full disk', () => {
  it('fails the write with a quota error and leaves every stored row as it was', async () => {
    const db = new MarginaliaDb(`quota-${process.pid}-${n++}`);
    dbs.push(db);
    await fillCorpus(db);
    const before = await readSnapshot(db, 1);
    // Middleware stacks are built on open, so reopen with the failing disk.
    db.close({ disableAutoOpen: false });
    db.use(quotaAfter({ allow: 0 }));
    await db.open();
    const [doc] = before.documents;
    const err = await applyAnnotationCommand(db, doc?.id ?? '', 'alice', {
      kind: 'create',
      span: { id: 'new', start: 1, end: 3, label: 'claim', note: '' },
    }).catch((e: unknown) => e);
    expect(classifyStorageError(err).kind).toBe('quota');
    expect(await readSnapshot(db, 1)).toEqual(before);
  });

  it('rolls a restore back completely when the disk fills half-way (clearing included)', async () => {
    const db = new MarginaliaDb(`quota-${process.pid}-${n++}`);
    dbs.push(db);
    await fillCorpus(db);
    const backup = await createBackup(db, { reason: 'manual', appVersion: 't' });
    await applyAnnotationCommand(db, (await readSnapshot(db, 1)).documents[1]?.id ?? '', 'carol', {
      kind: 'create',
      span: { id: 'c1', start: 0, end: 1, label: 'quote', note: '' },
    });
    const digest = await storedDigest(db);
    db.close({ disableAutoOpen: false });
    db.use(quotaAfter({ allow: 6 }));
    await db.open();
    expect(await restoreFromBackup(db, backup.content, 'b.jsonl')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/disk is full.*rolled back\. Nothing was changed/),
    });
    expect(await storedDigest(db)).toBe(digest);
  });
});
