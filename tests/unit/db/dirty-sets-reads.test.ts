import 'fake-indexeddb/auto';

import { describe, expect, it } from 'vitest';

import { articlesDb, assignmentId, userDb } from '../../../renderer/src/core/sync/project-layout';
import { applyAnnotationCommand } from '../../../renderer/src/db/repositories/annotations';
import { findDirtySets, syncedIds } from '../../../renderer/src/db/repositories/sync';
import { documentToRow } from '../../../renderer/src/db/rows';
import { countReads } from './count-reads';
import { newDb } from './fresh-db';

// Issue 15: the push and "N changes waiting" look for dirty sets twice a round. They read every
// synced copy of the user's database (one assignment per article) and every article id of the team
// each time; they now read the span sets' copies and look the sets' documents up by key.

const N = 2_000;
const P = 'p';

describe('findDirtySets', () => {
  it(`reads the span sets' copies and the team by key, not every assignment and article (${N})`, async () => {
    const db = newDb('dirty-sets-reads');
    const reads = countReads(db);
    await db.open();
    const ids = Array.from({ length: N }, (_, i) => `sha256:${i.toString(16).padStart(64, '0')}`);
    await db.transaction('rw', db.documents, db.texts, db.syncDocs, async () => {
      await db.texts.bulkAdd(ids.map((id, i) => ({ id, text: `Article ${i}.` })));
      await db.documents.bulkAdd(
        ids.map((id, i) =>
          documentToRow({ id, title: `A${i}`, text: `Article ${i}.`, source: 't', meta: {} }, i, 0),
        ),
      );
      // Every article but the last is the team's; every one is assigned.
      await db.syncDocs.bulkPut(
        ids.slice(0, -1).map((id) => ({ db: articlesDb(P), id, rev: '1', doc: null })),
      );
      await db.syncDocs.bulkPut(
        ids.map((id) => ({
          db: userDb(P, 'alice'),
          id: assignmentId(id),
          rev: '1',
          doc: { _id: assignmentId(id), type: 'assignment', doc_id: id },
        })),
      );
    });
    for (const i of [3, 900, N - 1])
      await applyAnnotationCommand(db, ids[i] as string, 'alice', {
        kind: 'create',
        span: { id: `s${i}`, start: 0, end: 7, label: 'claim', note: '' },
      });
    reads.clear();
    const dirty = await findDirtySets(
      db,
      userDb(P, 'alice'),
      'alice',
      { recordedUnder: articlesDb(P) },
      'r',
      1,
    );
    expect(dirty.map((d) => d.doc.doc_id)).toEqual([ids[3], ids[900]]);
    expect(reads.get('syncDocs') ?? 0).toBeLessThanOrEqual(3);
    // The same sets as the test over every team id it replaces.
    const team = await syncedIds(db, articlesDb(P));
    expect(await findDirtySets(db, userDb(P, 'alice'), 'alice', (d) => team.has(d), 'r', 1)).toEqual(dirty);
  });
});
