import { describe, expect, it } from 'vitest';

import { invertStep, type AdjudicationStep } from '../../../renderer/src/core/commands/adjudicate';
import { acceptAllAgreed } from '../../../renderer/src/core/commands/adjudicate-bulk';
import { planExport } from '../../../renderer/src/core/formats/export';
import {
  acceptLinkAnnotator,
  rejectLinkDecision,
  type GoldHasSpan,
  type LinkAdjudicationState,
  type LinkStep,
} from '../../../renderer/src/core/links/adjudicate';
import { buildLinkDecisions, type LinkDecision } from '../../../renderer/src/core/links/decisions';
import {
  asAdjudicationStep,
  goldHasSpanIn,
  linkStateOf,
} from '../../../renderer/src/core/links/gold-link-steps';
import type { Link } from '../../../renderer/src/core/links/link';
import { buildDecisions } from '../../../renderer/src/core/model/decisions';
import type { Result } from '../../../renderer/src/core/result';
import type { MarginaliaDb } from '../../../renderer/src/db/database';
import {
  applyAdjudicationStep,
  loadAdjudication,
  loadGoldExportDataset,
} from '../../../renderer/src/db/repositories/adjudication';
import { applyAnnotationCommand } from '../../../renderer/src/db/repositories/annotations';
import { addDocuments } from '../../../renderer/src/db/repositories/documents';
import { applyLinkCommand } from '../../../renderer/src/db/repositories/links';
import { freshDb } from './fresh-db';

const KEEPS = 'OpenAI will keep working with Scale AI 😀, a spokesperson said.';
const ENDS = 'OpenAI is winding down its work with Scale AI.';
const WHO = ['alice', 'bob'];
let n = 0;
const ctx = { adjudicator: 'lead', now: '2025-01-01T00:00:00.000Z', newId: () => `g${n++}` };

/** Both annotators mark the same claim in each article (gold takes them); they link them differently. */
async function setup(db: MarginaliaDb) {
  const { ids } = await addDocuments(db, [
    { text: KEEPS, source: 't', title: 'Keeps' },
    { text: ENDS, source: 't', title: 'Ends' },
  ]);
  const [a, b] = ids as [string, string];
  for (const who of WHO) {
    const claim = (doc: string, end: number) =>
      applyAnnotationCommand(db, doc, who, {
        kind: 'create',
        span: { id: `${who}-${doc}`, start: 0, end, label: 'claim', note: '' },
      });
    await claim(a, 42);
    await claim(b, 46);
  }
  for (const doc of [a, b]) {
    const d = await loadAdjudication(db, doc, WHO);
    const step = acceptAllAgreed(d, buildDecisions(d.spans, WHO).agreed, ctx);
    if (!step.ok) throw new Error(step.error);
    await applyAdjudicationStep(db, doc, step.value);
  }
  const link = (who: string, relation: Link['relation']): Link => ({
    id: `${who}-link`,
    annotator: who,
    relation,
    from: { docId: a, start: 0, end: 42 },
    to: { docId: b, start: 0, end: 46 },
    note: '',
  });
  await applyLinkCommand(db, { kind: 'create_link', link: link('alice', 'contradicts') });
  await applyLinkCommand(db, { kind: 'create_link', link: link('bob', 'same_claim') });
  return { a, b };
}

/** What the Adjudication view of `doc` does with a link decision function. */
async function decideLink(
  db: MarginaliaDb,
  doc: string,
  make: (s: LinkAdjudicationState, has: GoldHasSpan, d: LinkDecision) => Result<LinkStep>,
): Promise<AdjudicationStep> {
  const d = await loadAdjudication(db, doc, WHO);
  const decision = buildLinkDecisions(d.annotatorLinks, WHO).decisions[0]!;
  const made = make(linkStateOf(d), goldHasSpanIn(doc, d, d.otherGold), decision);
  if (!made.ok) throw new Error(made.error);
  const step = asAdjudicationStep(made.value, decision);
  await applyAdjudicationStep(db, doc, step);
  return step;
}
const goldLinks = (db: MarginaliaDb) => db.links.where('annotator').equals('gold').toArray();
const rejectionsOf = async (db: MarginaliaDb, doc: string) =>
  (await loadAdjudication(db, doc, WHO)).rejections.map((r) => r.decision);

describe('link adjudication into gold (issue 16)', () => {
  it("accepts one annotator's link with provenance, rejects under both articles, undoes, exports", async () => {
    const db = await freshDb('link-adj');
    const { a, b } = await setup(db);
    const seen = await loadAdjudication(db, b, WHO);
    const { decisions, agreed } = buildLinkDecisions(seen.annotatorLinks, WHO);
    expect(agreed).toEqual([]);
    expect(decisions).toMatchObject([{ kind: 'relation', candidates: [{}, {}] }]);
    expect([...seen.otherGold]).toEqual([`${a}@0-42`]);

    // From the second article: alice's contradicts goes into gold, with who proposed and decided it.
    const accept = await decideLink(db, b, (s, has, d) => acceptLinkAnnotator(s, d, 'alice', has, ctx));
    expect(await goldLinks(db)).toMatchObject([
      {
        annotator: 'gold',
        relation: 'contradicts',
        from: { docId: a, start: 0, end: 42 },
        to: { docId: b, start: 0, end: 46 },
        provenance: {
          proposedBy: ['alice'],
          decidedBy: 'lead',
          action: 'accepted',
          decision: decisions[0]!.id,
        },
      },
    ]);
    // The first article's adjudication sees it too.
    expect((await loadAdjudication(db, a, WHO)).links).toMatchObject([{ relation: 'contradicts' }]);

    // The gold export carries it, with its provenance, beside both articles' gold records.
    const data = await loadGoldExportDataset(db);
    const plan = planExport(data, { format: 'native' });
    if (!plan.ok) throw new Error(plan.error.message);
    const lines: string[] = [];
    const gen = plan.value.chunks();
    for (let x = gen.next(); !x.done; x = gen.next()) lines.push(x.value.text);
    const records = lines
      .join('')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.filter((r) => r['record'] === 'link')).toMatchObject([
      {
        annotator: 'gold',
        relation: 'contradicts',
        from: { doc_id: a, start: 0, end: 42 },
        to: { doc_id: b, start: 0, end: 46 },
        provenance: { proposed_by: ['alice'], decided_by: 'lead' },
      },
    ]);

    // Undo takes it out of gold; redo puts it back.
    await applyAdjudicationStep(db, b, invertStep(accept));
    expect(await goldLinks(db)).toEqual([]);
    await applyAdjudicationStep(db, b, accept);
    expect(await goldLinks(db)).toHaveLength(1);

    // Rejecting (from the first article) removes the gold link; both articles read it rejected.
    const reject = await decideLink(db, a, (s, _has, d) => rejectLinkDecision(s, d, ctx));
    expect(await goldLinks(db)).toEqual([]);
    expect(await rejectionsOf(db, a)).toEqual([decisions[0]!.id]);
    expect(await rejectionsOf(db, b)).toEqual([decisions[0]!.id]);
    await applyAdjudicationStep(db, a, invertStep(reject));
    expect(await goldLinks(db)).toHaveLength(1);
    expect(await rejectionsOf(db, a)).toEqual([]);
    expect(await rejectionsOf(db, b)).toEqual([]);
  });

  it('refuses a gold link whose end is not a gold span yet', async () => {
    const db = await freshDb('link-adj-ends');
    const { b } = await setup(db);
    await db.goldSpans.where('docId').equals(b).delete();
    const d = await loadAdjudication(db, b, WHO);
    const decision = buildLinkDecisions(d.annotatorLinks, WHO).decisions[0]!;
    const made = acceptLinkAnnotator(linkStateOf(d), decision, 'bob', goldHasSpanIn(b, d, d.otherGold), ctx);
    expect(made).toMatchObject({ ok: false, error: expect.stringMatching(/Gold has no span at 0–46/) });
  });
});
