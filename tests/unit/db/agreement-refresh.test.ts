import 'fake-indexeddb/auto';

import { describe, expect, it } from 'vitest';

import { computeAgreementResult } from '../../../renderer/src/core/agreement-report/result';
import type { AgreementSource } from '../../../renderer/src/core/agreement-report/study-input';
import { onAgreementChanged } from '../../../renderer/src/db/agreement-changes';
import { loadAgreementState, refreshAgreementState } from '../../../renderer/src/db/repositories/agreement';
import { applyAnnotationCommand } from '../../../renderer/src/db/repositories/annotations';
import { addDocuments } from '../../../renderer/src/db/repositories/documents';
import { setStatus } from '../../../renderer/src/db/repositories/progress';
import { countReads } from './count-reads';
import { newDb } from './fresh-db';

// Issue 15: a lead's open Agreement view recomputes when annotators' work arrives. Its refresh read
// every span and status of every chosen annotator for each pulled span set; it now reads again only
// the documents the write names, and computes the same figures as a whole read.

const N = 400;
const who = ['alice', 'bob'];

async function study() {
  const db = newDb('agreement-refresh');
  const reads = countReads(db);
  await db.open();
  const { ids } = await addDocuments(
    db,
    Array.from({ length: N }, (_, i) => ({
      text: `Article ${i} says a thing.`,
      source: 't',
      title: `T${i}`,
    })),
  );
  for (const [i, docId] of ids.entries())
    for (const a of who)
      await applyAnnotationCommand(db, docId, a, {
        kind: 'create',
        span: {
          id: `${a}-${i}`,
          start: 0,
          end: a === 'bob' && i % 3 === 0 ? 6 : 7,
          label: 'claim',
          note: '',
        },
      });
  return { db, reads, ids };
}

const sortedSets = (s: AgreementSource) =>
  [...s.sets].sort((a, b) => (a.docId + a.annotator < b.docId + b.annotator ? -1 : 1));

describe('refreshAgreementState', () => {
  it(`reads only the written documents and gives the whole read's figures (${N} documents)`, async () => {
    const { db, reads, ids } = await study();
    const prev = await loadAgreementState(db, null, who);
    let changed: Set<string> | 'all' = new Set();
    const off = onAgreementChanged(db.name, (docs) => {
      changed = changed === 'all' || docs === 'all' ? 'all' : new Set([...changed, ...docs]);
    });
    const a = ids[17] as string;
    const b = ids[301] as string;
    await applyAnnotationCommand(db, a, 'alice', {
      kind: 'create',
      span: { id: 'new', start: 10, end: 14, label: 'quote', note: '' },
    });
    await applyAnnotationCommand(db, b, 'bob', {
      kind: 'delete',
      span: { id: 'bob-301', start: 0, end: 7, label: 'claim', note: '' },
    });
    await setStatus(db, b, 'alice', 'done');
    off();
    expect(changed).toEqual(new Set([a, b]));

    reads.clear();
    const next = await refreshAgreementState(db, prev, changed as Set<string>, null, who);
    for (const [table, n] of reads) expect(n, table).toBeLessThanOrEqual(8);

    const whole = await loadAgreementState(db, null, who);
    expect(next?.source.documents).toEqual(whole.source.documents);
    expect(sortedSets(next!.source)).toEqual(sortedSets(whole.source));
    expect(next?.source.links).toEqual(whole.source.links);
    const at = new Date(0);
    const selection = { docIds: null, annotators: who };
    expect(computeAgreementResult(next!.source, selection, undefined, at)).toEqual(
      computeAgreementResult(whole.source, selection, undefined, at),
    );
  });

  it('answers null when no written document is in the selection, and drops a document left without sets', async () => {
    const { db, ids } = await study();
    const only = ids.slice(0, 5);
    const prev = await loadAgreementState(db, only, who);
    expect(await refreshAgreementState(db, prev, new Set([ids[100] as string]), only, who)).toBeNull();
    const gone = ids[2] as string;
    for (const a of who)
      await applyAnnotationCommand(db, gone, a, {
        kind: 'delete',
        span: { id: `${a}-2`, start: 0, end: 7, label: 'claim', note: '' },
      });
    const next = await refreshAgreementState(db, prev, new Set([gone]), only, who);
    expect(next?.source.documents.map((d) => d.id)).toEqual(only.filter((id) => id !== gone));
    expect(next?.source).toEqual((await loadAgreementState(db, only, who)).source);
  });
});
