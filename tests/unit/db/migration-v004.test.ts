import { describe, expect, it } from 'vitest';

import { openAppDatabase } from '../../../renderer/src/app/startup/open-app-database';
import { loadAdjudication } from '../../../renderer/src/db/repositories/adjudication';
import { storedDigest } from '../../../renderer/src/db/repositories/restore';
import { dbFixtures, loadFixture, memorySink } from './db-fixtures';

const v3 = dbFixtures().find((f) => f.fixture.version === 3)!.fixture;
const docId = (v3.stores['documents']![0] as { id: string }).id;
const provenance = {
  proposedBy: ['alice', 'bob'],
  decidedBy: 'carol',
  decidedAt: '2026-12-05T14:00:00.000Z',
  action: 'majority',
  decision: 'd:10:15',
  reason: 'guideline_gap',
  notes: [{ annotator: 'alice', note: 'emoji' }],
  unsureBy: ['bob'],
};
const goldWithProvenance = {
  id: 'g2',
  docId,
  annotator: 'gold',
  start: 10,
  end: 15,
  label: 'figure',
  note: 'alice: emoji',
  unsure: true,
  provenance,
  updatedAt: 1795435279950,
};
const rejections = [
  {
    decision: 'd:40:57',
    decidedBy: 'carol',
    decidedAt: '2026-12-05T14:01:00.000Z',
    reason: 'annotator_error',
  },
  { decision: 'd:8:9', decidedBy: 'carol', decidedAt: '2026-12-05T14:02:00.000Z' },
];

/** A v3 database as adjudication left it: gold rows under "gold" (one with provenance, one with a pack), rejections in settings. */
const adjudicatedV3 = {
  version: 3,
  stores: {
    ...v3.stores,
    spans: [...v3.stores['spans']!, goldWithProvenance],
    settings: [
      ...v3.stores['settings']!,
      { key: `adjudication:rejections:${docId}`, value: rejections },
      { key: 'adjudication:rejections:other', value: 'not a list' },
    ],
    spanPacks: [
      {
        docId,
        annotator: 'gold',
        format: 1,
        n: 0,
        starts: new Uint32Array(),
        ends: new Uint32Array(),
        labels: new Uint8Array(),
        unsure: new Uint8Array(),
        ids: '',
        idLengths: new Uint32Array(),
        notes: '',
        noteLengths: new Uint32Array(),
      },
    ],
    progress: [...v3.stores['progress']!, { docId, annotator: 'gold', status: 'in_progress', updatedAt: 5 }],
  },
};

describe('schema v4: gold and decisions in their own tables', () => {
  it('moves gold spans and stored rejections out of spans and settings, every value kept', async () => {
    const name = `v004-${process.pid}`;
    await loadFixture(name, adjudicatedV3);
    const result = await openAppDatabase({ name, sink: memorySink() });
    if (result.kind !== 'ready') throw new Error(JSON.stringify(result));
    const db = result.db;
    // Opened by today's app: v4 ran, and every later version after it.
    expect(db.verno).toBeGreaterThanOrEqual(4);
    expect(await db.spans.where('annotator').equals('gold').count()).toBe(0);
    expect(await db.spanPacks.where('annotator').equals('gold').count()).toBe(0);
    const { annotator: _a, ...moved } = goldWithProvenance;
    const v3Gold = v3.stores['spans']!.filter((r) => r['annotator'] === 'gold');
    expect(await db.goldSpans.orderBy('id').toArray()).toEqual([
      ...v3Gold.map(({ annotator: _g, ...rest }) => rest),
      moved,
    ]);
    expect(await db.decisions.toArray()).toEqual(
      [...rejections].sort((a, b) => (a.decision < b.decision ? -1 : 1)).map((r) => ({ ...r, docId })),
    );
    // The list moved goes; a setting the app never could read stays as it was.
    expect(await db.settings.get(`adjudication:rejections:${docId}`)).toBeUndefined();
    expect(await db.settings.get('adjudication:rejections:other')).toEqual({
      key: 'adjudication:rejections:other',
      value: 'not a list',
    });
    // Adjudication reads what the old one stored: the same gold, provenance and rejections.
    const data = await loadAdjudication(db, docId, ['alice', 'bob']);
    expect(data.gold.find((g) => g.id === 'g2')?.provenance).toEqual(provenance);
    expect(data.rejections).toHaveLength(2);
    expect(data.status).toBe('in_progress');
    await db.delete();
  });

  it('keeps the content digest: gold is the same participant to a backup before and after', async () => {
    const before = `v004-digest-a-${process.pid}`;
    await loadFixture(before, adjudicatedV3);
    const { MarginaliaDb } = await import('../../../renderer/src/db/database');
    const { MIGRATIONS } = await import('../../../renderer/src/db/migrations');
    const old = new MarginaliaDb(before, MIGRATIONS.slice(0, 3));
    await old.open();
    const digestV3 = await storedDigest(old);
    old.close();
    const result = await openAppDatabase({ name: before, sink: memorySink() });
    if (result.kind !== 'ready') throw new Error(JSON.stringify(result));
    // Spans (gold's with provenance), statuses: the same; decisions are now digested as a table
    // (and links, schema v6, an empty one).
    const { readSnapshot } = await import('../../../renderer/src/db/snapshot');
    const { contentDigest } = await import('../../../renderer/src/core/backup/snapshot');
    const snap = await readSnapshot(result.db, 4);
    const { decisions: _d, links: _l, ...withoutDecisions } = snap.extraTables;
    expect(contentDigest({ ...snap, extraTables: withoutDecisions })).toBe(digestV3);
    await result.db.delete();
  });
});
