import { describe, expect, it } from 'vitest';

import { computeAgreementResult } from '../../../renderer/src/core/agreement-report/result';
import { buildStudyInput, studyLinkAgreement } from '../../../renderer/src/core/agreement-report/study-input';
import { linkDisagreements } from '../../../renderer/src/core/links/agreement';
import type { Link } from '../../../renderer/src/core/links/link';
import { loadAgreementSource } from '../../../renderer/src/db/repositories/agreement';
import { applyAnnotationCommand } from '../../../renderer/src/db/repositories/annotations';
import { addDocuments } from '../../../renderer/src/db/repositories/documents';
import { applyLinkCommand } from '../../../renderer/src/db/repositories/links';
import { freshDb } from './fresh-db';

const KEEPS = 'OpenAI will keep working with Scale AI 😀, a spokesperson said.';
const ENDS = 'OpenAI is winding down its work with Scale AI.';
const ELSE = 'Nothing to see here.';

// The Agreement view's link figures come from the database through the same core function as the
// CLI's `links` section, over the studied documents only.
describe('link agreement in the Agreement view', () => {
  it('reads the chosen annotators’ links and scores them as marginalia agreement does', async () => {
    const db = await freshDb();
    const { ids } = await addDocuments(db, [
      { text: KEEPS, source: 't', title: 'Keeps' },
      { text: ENDS, source: 't', title: 'Ends' },
      { text: ELSE, source: 't', title: 'Else' },
    ]);
    const [a, b, c] = ids as [string, string, string];
    const link = (annotator: string, id: string, relation: Link['relation'], to = b): Link => ({
      id,
      annotator,
      relation,
      from: { docId: a, start: 0, end: 6 },
      to: { docId: to, start: 0, end: 6 },
      note: '',
    });
    for (const who of ['alice', 'bob', 'carol'])
      for (const [doc, docId] of [
        ['a', a],
        ['b', b],
      ] as const)
        await applyAnnotationCommand(db, docId, who, {
          kind: 'create',
          span: { id: `${who}-${doc}`, start: 0, end: 6, label: 'claim', note: '' },
        });
    // c is annotated by alice only, so it is not studied: her link into it is left out.
    await applyAnnotationCommand(db, c, 'alice', {
      kind: 'create',
      span: { id: 'alice-c', start: 0, end: 7, label: 'claim', note: '' },
    });
    const links = [
      link('alice', 'l1', 'contradicts'),
      link('bob', 'l2', 'contradicts'),
      link('bob', 'l3', 'same_claim'),
      link('carol', 'l4', 'supports'),
      { ...link('alice', 'l5', 'supports', c), to: { docId: c, start: 0, end: 7 } },
    ];
    for (const l of links) await applyLinkCommand(db, { kind: 'create_link', link: l });

    const source = await loadAgreementSource(db, null, ['alice', 'bob']);
    expect(source.links?.map((l) => l.id).sort()).toEqual(['l1', 'l2', 'l3', 'l5']);
    const result = computeAgreementResult(source, { docIds: null, annotators: ['alice', 'bob'] });
    const study = buildStudyInput(source, ['alice', 'bob'], null);
    expect(result.links).toEqual(studyLinkAgreement(source.links ?? [], study.input));
    expect(result.links.left_out).toBe(1);
    expect(result.links.n_links).toEqual({ alice: 1, bob: 2 });
    expect(result.links.pairs['alice|bob']?.overall).toEqual({
      precision: 0.5,
      recall: 1,
      f1: 2 / 3,
      matched: 1,
      a_only: 0,
      b_only: 1,
    });
    expect(result.links.pairs['alice|bob']?.contradicts.f1).toBe(1);
    expect(result.studiedLinks.map((l) => l.id).sort()).toEqual(['l1', 'l2', 'l3']);
    // The walk behind F1 is bob's unmatched link; behind matched, the agreeing one.
    const walk = (kind: 'disagreements' | 'matched') =>
      linkDisagreements(result.studiedLinks, 'alice', 'bob', { kind }).map((d) => `${d.side}:${d.link.id}`);
    expect(walk('disagreements')).toEqual(['b:l3']);
    expect(walk('matched')).toEqual(['both:l1']);
  });
});
