import { describe, expect, it } from 'vitest';

import type { MarginaliaDb } from '../../../renderer/src/db/database';
import { noLibraryChange, onLibraryChanged } from '../../../renderer/src/db/library-changes';
import { applyAnnotationCommand } from '../../../renderer/src/db/repositories/annotations';
import { setStatus } from '../../../renderer/src/db/repositories/progress';
import { documentToRow } from '../../../renderer/src/db/rows';
import { patchLibrary, readLibrary } from '../../../renderer/src/session/library/library-model';
import { countReads } from '../db/count-reads';
import { newDb } from '../db/fresh-db';

// Issue 20 item 2: nothing on a label may read all rows of a big table. At 100,000 documents the
// library re-read everything (documents, packs, statuses) after each label and status change.

const N = 5_000;

async function bigLibrary(): Promise<{ db: MarginaliaDb; reads: Map<string, number>; ids: string[] }> {
  const db = newDb('library-patch');
  const reads = countReads(db);
  await db.open();
  const ids = Array.from({ length: N }, (_, i) => `${i.toString(16).padStart(8, '0')}${'0'.repeat(56)}`);
  await db.transaction('rw', db.documents, db.texts, async () => {
    await db.texts.bulkAdd(ids.map((id, i) => ({ id, text: `Article ${i} says something.` })));
    await db.documents.bulkAdd(
      ids.map((id, i) =>
        documentToRow(
          { id, title: `Article ${i}`, text: `Article ${i} says something.`, source: 'test', meta: {} },
          i,
          0,
        ),
      ),
    );
  });
  return { db, reads, ids };
}

describe('the library after a label or a status change', () => {
  it(`re-reads only the changed documents' entries, not every row (${N} documents)`, async () => {
    const { db, reads, ids } = await bigLibrary();
    const entries = await readLibrary(db, 'alice', null);
    expect(entries).toHaveLength(N);
    let change = noLibraryChange();
    const off = onLibraryChanged(
      db.name,
      'alice',
      () => change,
      () => undefined,
    );
    const target = ids[4321] as string;
    await applyAnnotationCommand(db, target, 'alice', {
      kind: 'create',
      span: { id: 's1', start: 0, end: 7, label: 'quote', note: '' },
    });
    await applyAnnotationCommand(db, ids[7] as string, 'bob', {
      kind: 'create',
      span: { id: 's2', start: 0, end: 7, label: 'claim', note: '' },
    });
    await setStatus(db, target, 'alice', 'in_progress');
    off();
    expect(change.all).toBe(false);
    expect([...change.counts]).toEqual([target]); // bob's label is not in alice's library
    expect([...change.statuses]).toEqual([target]);

    reads.clear();
    const next = await patchLibrary(db, 'alice', null, entries, change);
    expect(next?.[4321]).toMatchObject({
      id: target,
      status: 'in_progress',
      counts: { claim: 0, quote: 1, figure: 0, speculation: 0 },
    });
    expect(next?.filter((e, i) => e !== entries[i])).toHaveLength(1);
    // One pack and one status: no table read beyond a handful of rows.
    for (const [table, n] of reads) expect(n, table).toBeLessThanOrEqual(2);
    // What the library did before on every label and status change: a whole read.
    reads.clear();
    await readLibrary(db, 'alice', null);
    expect(reads.get('documents')).toBeGreaterThanOrEqual(N);
    change = noLibraryChange();
  });

  it('reads everything again when a change is not known by key (a bulk write) or adds a document', async () => {
    const { db, ids } = await bigLibrary();
    const entries = await readLibrary(db, 'alice', null);
    const change = noLibraryChange();
    const off = onLibraryChanged(
      db.name,
      'alice',
      () => change,
      () => undefined,
    );
    await db.transaction('rw', db.documents, db.texts, async () => {
      await db.texts.add({ id: 'f'.repeat(64), text: 'New.' });
      await db.documents.add(
        documentToRow({ id: 'f'.repeat(64), title: 'New', text: 'New.', source: 't', meta: {} }, N, 0),
      );
    });
    off();
    expect(await patchLibrary(db, 'alice', null, entries, change)).toBeNull();
    // A bulk write of 50 rows or more is announced as a range: only a whole read can follow it.
    const bulk = noLibraryChange();
    const off2 = onLibraryChanged(
      db.name,
      'alice',
      () => bulk,
      () => undefined,
    );
    await db.transaction('rw', db.progress, () =>
      db.progress.bulkPut(
        ids.slice(0, 60).map((docId) => ({ docId, annotator: 'alice', status: 'done', updatedAt: 1 })),
      ),
    );
    off2();
    expect(bulk.all).toBe(true);
  });
});
