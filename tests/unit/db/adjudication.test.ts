import { afterEach, describe, expect, it } from 'vitest';

import {
  acceptAnnotator,
  editBoundaries,
  invertStep,
  rejectDecision,
} from '../../../renderer/src/core/commands/adjudicate';
import { planExport } from '../../../renderer/src/core/formats/export';
import { buildDecisions } from '../../../renderer/src/core/model/decisions';
import { MarginaliaDb } from '../../../renderer/src/db/database';
import { listStudyAnnotators, loadAgreementSource } from '../../../renderer/src/db/repositories/agreement';
import {
  applyAdjudicationStep,
  loadAdjudication,
  loadGoldExportDataset,
} from '../../../renderer/src/db/repositories/adjudication';
import { addDocuments } from '../../../renderer/src/db/repositories/documents';
import { setStatus } from '../../../renderer/src/db/repositories/progress';

let n = 0;
const dbs: MarginaliaDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

async function setup() {
  const db = new MarginaliaDb(`adj-${process.pid}-${n++}`);
  await db.open();
  dbs.push(db);
  const { ids } = await addDocuments(db, [
    { text: 'The minister said 42 per cent.', source: 't' },
    { text: 'Unread.', source: 't' },
  ]);
  const docId = ids[0] as string;
  const now = Date.now();
  // Span writes must include spanPacks (span-packs middleware).
  await db.transaction('rw', db.spans, db.spanPacks, () =>
    db.spans.bulkPut([
      {
        id: 's1',
        docId,
        annotator: 'ann',
        start: 4,
        end: 12,
        label: 'claim',
        note: 'hm',
        unsure: true,
        updatedAt: now,
      },
      { id: 's2', docId, annotator: 'bob', start: 4, end: 17, label: 'claim', note: '', updatedAt: now },
    ]),
  );
  await setStatus(db, docId, 'carol', 'done');
  return { db, docId };
}

const ctx = { adjudicator: 'lead', now: '2025-01-01T00:00:00.000Z', newId: () => 'gold-1' };

describe('agreement and adjudication repositories', () => {
  it('annotators come from spans and statuses; a status alone is a (spanless) set', async () => {
    const { db, docId } = await setup();
    expect(await listStudyAnnotators(db)).toEqual(['ann', 'bob', 'carol']);
    const src = await loadAgreementSource(db, null, ['ann', 'carol']);
    expect(src.documents.map((d) => d.id)).toEqual([docId]);
    expect(src.sets).toEqual(
      expect.arrayContaining([
        { docId, annotator: 'carol', spans: [] },
        { docId, annotator: 'ann', spans: [{ start: 4, end: 12, label: 'claim' }] },
      ]),
    );
  });

  it('a step is stored with provenance; rejections persist; gold exports with meta.gold', async () => {
    const { db, docId } = await setup();
    const data = await loadAdjudication(db, docId, ['ann', 'bob']);
    expect(data.spans.find((s) => s.id === 's1')).toMatchObject({
      unsure: true,
      note: 'hm',
      annotator: 'ann',
    });
    const d = buildDecisions(data.spans, ['ann', 'bob']).decisions[0]!;
    const state = { gold: data.gold, rejections: data.rejections };
    const step = acceptAnnotator(state, d, 'bob', { ...ctx, reason: 'annotator_error' });
    if (!step.ok) throw new Error(step.error);
    await applyAdjudicationStep(db, docId, step.value);
    const after = await loadAdjudication(db, docId, ['ann', 'bob']);
    expect(after.gold).toMatchObject([
      { id: 'gold-1', start: 4, end: 17, provenance: { proposedBy: ['bob'], reason: 'annotator_error' } },
    ]);

    const exported = await loadGoldExportDataset(db);
    const plan = planExport(exported, { format: 'native' });
    if (!plan.ok) throw new Error(plan.error.message);
    const text = [
      ...(function* () {
        const g = plan.value.chunks();
        for (let x = g.next(); !x.done; x = g.next()) yield x.value.text;
      })(),
    ].join('');
    const line = JSON.parse(text.trim());
    expect(line.annotator).toBe('gold');
    expect(line.spans).toMatchObject([{ id: 'gold-1', start: 4, end: 17, text: 'minister said' }]);
    expect(line.meta.gold['gold-1']).toEqual({
      proposed_by: ['bob'],
      decided_by: 'lead',
      decided_at: '2025-01-01T00:00:00.000Z',
      action: 'accepted',
      decision: d.id,
      reason: 'annotator_error',
    });

    const rej = rejectDecision({ gold: after.gold, rejections: after.rejections }, d, ctx);
    if (!rej.ok) throw new Error(rej.error);
    await applyAdjudicationStep(db, docId, rej.value);
    const last = await loadAdjudication(db, docId, ['ann', 'bob']);
    expect(last.gold).toEqual([]);
    expect(last.rejections).toMatchObject([{ decision: d.id, decidedBy: 'lead' }]);
  });

  it('a gold edit writes only its fields: a field changed in another window is refused, undo too', async () => {
    const { db, docId } = await setup();
    const data = await loadAdjudication(db, docId, ['ann', 'bob']);
    const d = buildDecisions(data.spans, ['ann', 'bob']).decisions[0]!;
    const accepted = acceptAnnotator({ gold: data.gold, rejections: data.rejections }, d, 'bob', ctx);
    if (!accepted.ok) throw new Error(accepted.error);
    await applyAdjudicationStep(db, docId, accepted.value);
    // Two windows open on the same gold: both saw it as just accepted.
    const seen = await loadAdjudication(db, docId, ['ann', 'bob']);
    const state = { gold: seen.gold, rejections: seen.rejections };
    const length = Array.from('The minister said 42 per cent.').length;
    const first = editBoundaries(state, d, 4, 12, length, ctx);
    const second = editBoundaries(state, d, 4, 15, length, ctx);
    if (!first.ok || !second.ok) throw new Error('edit refused');
    await applyAdjudicationStep(db, docId, first.value);
    await expect(applyAdjudicationStep(db, docId, second.value)).rejects.toThrow(
      /end was changed in another window meanwhile/,
    );
    const stored = await loadAdjudication(db, docId, ['ann', 'bob']);
    expect(stored.gold).toMatchObject([
      { id: 'gold-1', start: 4, end: 12, provenance: { action: 'edited' } },
    ]);
    // A note changed elsewhere survives this window's boundary edit (only start and end are written).
    await db.goldSpans.update('gold-1', { note: 'set elsewhere' });
    const third = editBoundaries({ gold: stored.gold, rejections: [] }, d, 4, 13, length, ctx);
    if (!third.ok) throw new Error(third.error);
    await applyAdjudicationStep(db, docId, third.value);
    expect(await db.goldSpans.get('gold-1')).toMatchObject({ start: 4, end: 13, note: 'set elsewhere' });
    // Undo of the first window's edit, after the other window moved the end again: refused.
    await expect(applyAdjudicationStep(db, docId, invertStep(first.value))).rejects.toThrow(
      /end was changed in another window/,
    );
    expect(await db.goldSpans.get('gold-1')).toMatchObject({ start: 4, end: 13 });
  });

  it('two windows edit different boundaries of one gold span at different times: both are kept', async () => {
    const { db, docId } = await setup();
    const data = await loadAdjudication(db, docId, ['ann', 'bob']);
    const d = buildDecisions(data.spans, ['ann', 'bob']).decisions[0]!;
    const accepted = acceptAnnotator({ gold: data.gold, rejections: data.rejections }, d, 'bob', ctx);
    if (!accepted.ok) throw new Error(accepted.error);
    await applyAdjudicationStep(db, docId, accepted.value);
    const seen = await loadAdjudication(db, docId, ['ann', 'bob']);
    const state = { gold: seen.gold, rejections: seen.rejections };
    const length = Array.from('The minister said 42 per cent.').length;
    // Each window decides at its own time, so each edit carries its own provenance.
    const inA = editBoundaries(state, d, 3, 17, length, { ...ctx, now: '2025-01-01T00:00:01.000Z' });
    const inB = editBoundaries(state, d, 4, 15, length, { ...ctx, now: '2025-01-01T00:00:02.000Z' });
    if (!inA.ok || !inB.ok) throw new Error('edit refused');
    await applyAdjudicationStep(db, docId, inA.value);
    await applyAdjudicationStep(db, docId, inB.value);
    expect(await db.goldSpans.get('gold-1')).toMatchObject({
      start: 3,
      end: 15,
      provenance: { action: 'edited', decidedAt: '2025-01-01T00:00:02.000Z' },
    });
  });
});
