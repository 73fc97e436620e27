import { describe, expect, it } from 'vitest';

import {
  acceptAnnotator,
  applyStep,
  editBoundaries,
  invertStep,
  rejectDecision,
  type AdjudicationStep,
} from '../../../renderer/src/core/commands/adjudicate';
import type { GoldLink } from '../../../renderer/src/core/links/adjudicate';
import { carryGoldLinks } from '../../../renderer/src/core/links/gold-carry';
import { buildDecisions } from '../../../renderer/src/core/model/decisions';
import type { MarginaliaDb } from '../../../renderer/src/db/database';
import {
  applyAdjudicationStep,
  loadAdjudication,
  type AdjudicationData,
} from '../../../renderer/src/db/repositories/adjudication';
import { applyAnnotationCommand } from '../../../renderer/src/db/repositories/annotations';
import { addDocuments } from '../../../renderer/src/db/repositories/documents';
import { applyLinkCommand } from '../../../renderer/src/db/repositories/links';
import { freshDb } from './fresh-db';

const KEEPS = 'OpenAI will keep working with Scale AI 😀, a spokesperson said.';
const ENDS = 'OpenAI is winding down its work with Scale AI.';
const ANNOTATORS = ['alice', 'bob'];

let ids = 0;
const ctx = { adjudicator: 'lead', now: '2025-01-01T00:00:00.000Z', newId: () => `gold-${ids++}` };

/** Alice's claim in each article (bob labelled nothing), both accepted into gold, and a gold link. */
async function goldPair(db: MarginaliaDb) {
  const { ids: docIds } = await addDocuments(db, [
    { text: KEEPS, source: 't', title: 'Keeps' },
    { text: ENDS, source: 't', title: 'Ends' },
  ]);
  const [a, b] = docIds as [string, string];
  const claim = (id: string, end: number) => ({ id, start: 0, end, label: 'claim' as const, note: '' });
  await applyAnnotationCommand(db, a, 'alice', { kind: 'create', span: claim('sa', 42) });
  await applyAnnotationCommand(db, b, 'alice', { kind: 'create', span: claim('sb', 46) });
  for (const doc of [a, b]) {
    const d = await loadAdjudication(db, doc, ANNOTATORS);
    const decision = buildDecisions(d.spans, ANNOTATORS).decisions[0]!;
    const step = acceptAnnotator(d, decision, 'alice', ctx);
    if (!step.ok) throw new Error(step.error);
    await applyAdjudicationStep(db, doc, step.value);
  }
  const link: GoldLink = {
    id: 'gl1',
    annotator: 'gold',
    relation: 'contradicts',
    from: { docId: a, start: 0, end: 42 },
    to: { docId: b, start: 0, end: 46 },
    note: '',
    provenance: {
      proposedBy: ['alice'],
      decidedBy: 'lead',
      decidedAt: ctx.now,
      action: 'accepted',
      decision: 'link:x',
    },
  };
  await applyLinkCommand(db, { kind: 'create_link', link });
  return { a, b, link };
}

/** What the Adjudication view does with a decision: the step, with the gold links it carries. */
async function decide(db: MarginaliaDb, docId: string, make: (s: AdjudicationData) => AdjudicationStep) {
  const d = await loadAdjudication(db, docId, ANNOTATORS);
  const step = carryGoldLinks(d, make(d), docId);
  await applyAdjudicationStep(db, docId, step);
  return { state: d, step };
}

const goldLinks = async (db: MarginaliaDb) =>
  (await db.links.where('annotator').equals('gold').toArray()).map((r) => r.id);

describe('gold links follow gold spans (issue 16)', () => {
  it('deleting a gold span deletes its gold links in the same step; undo restores both', async () => {
    const db = await freshDb('gold-links');
    const { b, link } = await goldPair(db);
    expect((await loadAdjudication(db, b, ANNOTATORS)).links).toMatchObject([{ id: 'gl1' }]);

    // The lead rejects the claim in the second article: its gold span goes, and the link with it.
    const { state, step } = await decide(db, b, (d) => {
      const decision = buildDecisions(d.spans, ANNOTATORS).decisions[0]!;
      const r = rejectDecision(d, decision, ctx);
      if (!r.ok) throw new Error(r.error);
      return r.value;
    });
    expect(step.commands).toMatchObject([{ kind: 'delete', links: [{ id: 'gl1' }] }]);
    expect(applyStep(state, step).links).toEqual([]);
    expect(await db.goldSpans.where('docId').equals(b).count()).toBe(0);
    expect(await goldLinks(db)).toEqual([]);

    // Undo writes the span and the link back, provenance and all.
    await applyAdjudicationStep(db, b, invertStep(step));
    expect(await db.goldSpans.where('docId').equals(b).count()).toBe(1);
    const back = await loadAdjudication(db, b, ANNOTATORS);
    expect(back.links).toMatchObject([{ ...link, updatedAt: expect.any(Number) }]);
    // Redo deletes both again.
    await applyAdjudicationStep(db, b, step);
    expect(await goldLinks(db)).toEqual([]);
  });

  it('a link stays when gold keeps a span at its extent; moved boundaries take it along', async () => {
    const db = await freshDb('gold-links-kept');
    const { a, b } = await goldPair(db);
    // The same extent decided again as another label in one step (delete, then create): kept.
    const { step } = await decide(db, a, (d) => {
      const old = d.gold[0]!;
      return {
        description: 'relabelled',
        commands: [
          { kind: 'delete', span: old },
          { kind: 'create', span: { ...old, id: 'gold-quote', label: 'quote' } },
        ],
        rejected: [],
        unrejected: [],
      };
    });
    expect(step.commands[0]).not.toHaveProperty('links');
    expect(await goldLinks(db)).toEqual(['gl1']);

    // New boundaries on the second article's gold claim: the link's end moves with them.
    await decide(db, b, (d) => {
      const decision = buildDecisions(d.spans, ANNOTATORS).decisions[0]!;
      const r = editBoundaries(d, decision, 0, 26, [...ENDS].length, ctx);
      if (!r.ok) throw new Error(r.error);
      return r.value;
    });
    expect(await db.links.get('gl1')).toMatchObject({ to: { docId: b, start: 0, end: 26 } });
  });
});
