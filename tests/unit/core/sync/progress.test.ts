import { describe, expect, it } from 'vitest';

import {
  isInProgress,
  sortAnnotators,
  sortDocuments,
  summarizeSet,
  teamProgress,
} from '../../../../renderer/src/core/sync/progress';
import { applySyncRow, emptyFacts, memberFacts } from '../../../../renderer/src/core/sync/progress-facts';

const stamp = { updated_at: 1, by: 'r1' };
const set = (docId: string, annotator: string, status: string, live: number, dead = 0) => ({
  _id: `spans:${docId}`,
  type: 'span_set',
  schema: 1,
  doc_id: docId,
  annotator,
  status: { value: status, ...stamp },
  spans: Object.fromEntries([
    ...Array.from({ length: live }, (_, i) => [
      `s${i}`,
      { start: i, end: i + 1, label: 'claim', note: '', ...stamp },
    ]),
    ...Array.from({ length: dead }, (_, i) => [`d${i}`, { deleted: true, ...stamp }]),
  ]),
  links: {},
});

describe('team progress (the figures of `team status` and the lead’s dashboard)', () => {
  it('counts live spans only, and a "to do" set with spans as in progress', () => {
    expect(summarizeSet(set('a', 'x', 'todo', 2, 3) as never)).toEqual({ status: 'todo', spans: 2 });
    expect(isInProgress({ status: 'todo', spans: 2 })).toBe(true);
    expect(isInProgress({ status: 'todo', spans: 0 })).toBe(false);
    expect(isInProgress({ status: 'in_progress', spans: 0 })).toBe(true);
    expect(isInProgress({ status: 'done', spans: 4 })).toBe(false);
  });

  it('folds synced rows one at a time, and a deleted row takes its fact back', () => {
    const f = emptyFacts('demo');
    applySyncRow(f, 'marginalia_demo', 'member:alice', { type: 'member', name: 'alice', role: 'annotator' });
    applySyncRow(f, 'marginalia_demo', 'member:lena', { type: 'member', name: 'lena', role: 'lead' });
    const alice = 'marginalia_demo_user_alice';
    applySyncRow(f, alice, 'assign:d1', { type: 'assignment', doc_id: 'd1' });
    applySyncRow(f, alice, 'assign:d2', { type: 'assignment', doc_id: 'd2' });
    applySyncRow(f, alice, 'spans:d1', set('d1', 'alice', 'done', 3, 1));
    applySyncRow(f, alice, 'spans:d2', set('d2', 'alice', 'todo', 1));
    applySyncRow(f, alice, 'device:r1', { type: 'device', last_sync_at: '2026-12-05T10:00:00.000Z' });
    applySyncRow(f, alice, 'device:r2', { type: 'device', last_sync_at: '2026-12-05T11:00:00.000Z' });
    // Other databases and projects are not the dashboard's.
    expect(applySyncRow(f, 'marginalia_demo_articles', 'sha256:x', null)).toBe(false);
    expect(applySyncRow(f, 'marginalia_demo-2_user_bob', 'assign:d1', { doc_id: 'd1' })).toBe(false);

    let p = teamProgress(
      memberFacts(f),
      new Map([
        ['d1', 'One'],
        ['d2', 'Two'],
        ['d3', 'Three'],
      ]),
    );
    expect(p.annotators).toEqual([
      {
        name: 'alice',
        role: 'annotator',
        assigned: 2,
        in_progress: 1,
        done: 1,
        spans: 4,
        last_sync: '2026-12-05T11:00:00.000Z',
      },
      { name: 'lena', role: 'lead', assigned: 0, in_progress: 0, done: 0, spans: 0, last_sync: null },
    ]);
    expect(p.totals).toEqual({
      documents: 3,
      assigned: 2,
      in_progress: 1,
      done: 1,
      spans: 4,
      documentsDone: 1,
    });
    expect(p.documents.find((d) => d.docId === 'd1')).toEqual({
      docId: 'd1',
      title: 'One',
      cells: [{ annotator: 'alice', assigned: true, status: 'done', spans: 3 }],
      done: 1,
      spans: 3,
    });
    expect(p.documents.find((d) => d.docId === 'd3')?.cells).toEqual([]);

    applySyncRow(f, alice, 'assign:d2', null);
    applySyncRow(f, 'marginalia_demo', 'member:lena', null);
    p = teamProgress(
      memberFacts(f),
      new Map([
        ['d1', 'One'],
        ['d2', 'Two'],
      ]),
    );
    expect(p.annotators.map((a) => [a.name, a.assigned])).toEqual([['alice', 1]]);
    // d2's set stays (as on the server): its annotator still counts its spans, marked not assigned.
    expect(p.documents.find((d) => d.docId === 'd2')?.cells[0]?.assigned).toBe(false);
  });

  it('sorts by any column both ways, ties in name order', () => {
    const rows = [
      {
        name: 'bob',
        role: 'annotator' as const,
        assigned: 2,
        in_progress: 0,
        done: 1,
        spans: 5,
        last_sync: null,
      },
      {
        name: 'alice',
        role: 'annotator' as const,
        assigned: 2,
        in_progress: 1,
        done: 0,
        spans: 9,
        last_sync: '2026-12-05T10:00:00Z',
      },
      {
        name: 'carl',
        role: 'annotator' as const,
        assigned: 1,
        in_progress: 0,
        done: 1,
        spans: 1,
        last_sync: null,
      },
    ];
    expect(sortAnnotators(rows, 'spans', 'descending').map((r) => r.name)).toEqual(['alice', 'bob', 'carl']);
    expect(sortAnnotators(rows, 'assigned', 'ascending').map((r) => r.name)).toEqual([
      'carl',
      'alice',
      'bob',
    ]);
    expect(sortAnnotators(rows, 'last_sync', 'descending').map((r) => r.name)).toEqual([
      'alice',
      'bob',
      'carl',
    ]);
    const docs = [
      { docId: 'x', title: 'Beta', cells: [], done: 0, spans: 3 },
      { docId: 'y', title: 'Alpha', cells: [], done: 2, spans: 3 },
    ];
    expect(sortDocuments(docs, 'title', 'ascending').map((d) => d.title)).toEqual(['Alpha', 'Beta']);
    expect(sortDocuments(docs, 'spans', 'descending').map((d) => d.title)).toEqual(['Alpha', 'Beta']);
    expect(sortDocuments(docs, 'done', 'ascending').map((d) => d.title)).toEqual(['Beta', 'Alpha']);
  });
});
