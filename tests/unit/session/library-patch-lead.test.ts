import 'fake-indexeddb/auto';

import { describe, expect, it } from 'vitest';

import { articlesDb, assignmentId, userDb } from '../../../renderer/src/core/sync/project-layout';
import type { SpanSetDoc } from '../../../renderer/src/core/sync/span-set';
import { noLibraryChange, onLibraryChanged } from '../../../renderer/src/db/library-changes';
import { storePulledPage } from '../../../renderer/src/db/repositories/sync';
import { documentToRow } from '../../../renderer/src/db/rows';
import { patchLibrary, readLibrary } from '../../../renderer/src/session/library/library-model';
import { countReads } from '../db/count-reads';
import { newDb } from '../db/fresh-db';

// Issue 15 / issue 20's rule: a span set pulled by a lead re-reads only its document's entry. The
// lead's library read every document, synced copy, assignment and status for each pulled page
// (10,000 articles: 2.5–6.6 s at load 14–17), and the Agreement view's refresh waited behind it.

const N = 3_000;
const P = 'proj';
const scope = { articlesDb: articlesDb(P), leadOf: P };

async function leadLibrary() {
  const db = newDb('library-patch-lead');
  const reads = countReads(db);
  await db.open();
  const ids = Array.from({ length: N }, (_, i) => `sha256:${i.toString(16).padStart(64, '0')}`);
  await db.transaction('rw', db.documents, db.texts, db.syncDocs, async () => {
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
    await db.syncDocs.bulkPut(ids.map((id) => ({ db: scope.articlesDb, id, rev: '1-a', doc: null })));
    for (const user of ['alice', 'bob'])
      await db.syncDocs.bulkPut(
        ids.map((id) => ({
          db: userDb(P, user),
          id: assignmentId(id),
          rev: '1-a',
          doc: { _id: assignmentId(id), type: 'assignment', doc_id: id },
        })),
      );
  });
  return { db, reads, ids };
}

/** The lead's library's change, gathered from writes until `off`. */
function gather(dbName: string) {
  const change = noLibraryChange();
  const off = onLibraryChanged(
    dbName,
    'lena',
    () => change,
    () => undefined,
  );
  return { change, off };
}

const set = (docId: string, annotator: string): SpanSetDoc => ({
  _id: `spans:${docId}`,
  _rev: '1-b',
  type: 'span_set',
  schema: 1,
  doc_id: docId,
  annotator,
  status: { value: 'in_progress', updated_at: 5, by: 'r1' },
  spans: { s1: { start: 0, end: 7, label: 'quote', note: '', updated_at: 5, by: 'r1' } },
  links: {},
});

describe("a lead's library after a pulled span set", () => {
  it(`re-reads only that document's team statuses, not every row (${N} documents, 2 annotators)`, async () => {
    const { db, reads, ids } = await leadLibrary();
    const entries = await readLibrary(db, 'lena', scope);
    expect(entries).toHaveLength(N);
    expect(entries[42]?.team).toEqual([
      { annotator: 'alice', status: 'todo' },
      { annotator: 'bob', status: 'todo' },
    ]);
    const { change, off } = gather(db.name);
    const target = ids[42] as string;
    await storePulledPage(
      db,
      {
        dbName: userDb(P, 'alice'),
        mode: 'mirror',
        spanSets: [set(target, 'alice')],
        assignments: [],
        deleted: [],
        articles: [],
        articlesDb: scope.articlesDb,
        lastSeq: 7,
      },
      'lead-replica',
      10,
      () => 'id',
    );
    off();
    expect(change.all).toBe(false);
    expect([...change.team]).toEqual([target]);

    reads.clear();
    const next = await patchLibrary(db, 'lena', scope, entries, change);
    expect(next?.[42]?.team).toEqual([
      { annotator: 'alice', status: 'in_progress' },
      { annotator: 'bob', status: 'todo' },
    ]);
    expect(next?.filter((e, i) => e !== entries[i])).toHaveLength(1);
    for (const [table, n] of reads) expect(n, table).toBeLessThanOrEqual(3);
    // The same as a whole read gives.
    expect(next).toEqual(await readLibrary(db, 'lena', scope));
  });

  it('reads everything again when articles join the team (a pull of new articles)', async () => {
    const { db, ids } = await leadLibrary();
    const entries = await readLibrary(db, 'lena', scope);
    const { change, off } = gather(db.name);
    await db.syncDocs.delete([scope.articlesDb, ids[1] as string]);
    off();
    expect(await patchLibrary(db, 'lena', scope, entries, change)).toBeNull();
  });
});
