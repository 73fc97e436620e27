import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { exportToStrings } from '../../../renderer/src/core/formats/export';
import { claimsView } from '../../../renderer/src/core/links/claims-view';
import type { Link } from '../../../renderer/src/core/links/link';
import type { MarginaliaDb } from '../../../renderer/src/db/database';
import { applyAnnotationCommand } from '../../../renderer/src/db/repositories/annotations';
import { loadClaimsSource } from '../../../renderer/src/db/repositories/claims';
import { addDocuments } from '../../../renderer/src/db/repositories/documents';
import { loadExportDataset } from '../../../renderer/src/db/repositories/export-dataset';
import { applyLinkCommand } from '../../../renderer/src/db/repositories/links';
import { marginalia, workDir } from '../cli/spawn-cli';
import { freshDb } from './fresh-db';

const KEEPS = 'OpenAI will keep working with Scale AI 😀, a spokesperson said.';
const ENDS = 'OpenAI is winding down its work with Scale AI. Figures: 14%.';
const ENDS2 = 'Scale AI lost OpenAI as a customer.';

/** Three articles: alice's claims on each (and a figure), bob's claim on one, a contradicts and a same_claim link. */
async function library(db: MarginaliaDb) {
  const { ids } = await addDocuments(db, [
    { text: KEEPS, source: 't', title: 'Keeps' },
    { text: ENDS, source: 't', title: 'Ends' },
    { text: ENDS2, source: 't', title: 'Lost' },
  ]);
  const [a, b, c] = ids as [string, string, string];
  const make = (doc: string, who: string, id: string, start: number, end: number, label = 'claim' as const) =>
    applyAnnotationCommand(db, doc, who, { kind: 'create', span: { id, start, end, label, note: '' } });
  await make(a, 'alice', 'sa', 0, 40);
  await make(b, 'alice', 'sb', 0, 46);
  await make(b, 'alice', 'sf', 56, 59);
  await applyAnnotationCommand(db, b, 'alice', {
    kind: 'create',
    span: { id: 'sq', start: 56, end: 59, label: 'figure', note: '' },
  });
  await make(c, 'alice', 'sc', 0, 35);
  await make(c, 'bob', 'bc', 0, 35);
  const link = (
    id: string,
    relation: Link['relation'],
    from: [string, number, number],
    to: [string, number, number],
  ) =>
    applyLinkCommand(db, {
      kind: 'create_link',
      link: {
        id,
        annotator: 'alice',
        relation,
        note: '',
        from: { docId: from[0], start: from[1], end: from[2] },
        to: { docId: to[0], start: to[1], end: to[2] },
      },
    });
  await link('l1', 'contradicts', [a, 0, 40], [b, 0, 46]);
  await link('l2', 'same_claim', [b, 0, 46], [c, 0, 35]);
  return { a, b, c };
}

describe('the Claims view source', () => {
  it('clusters every claim of the library with titles, texts in code points, counts and relations', async () => {
    const db = await freshDb();
    const { a, b, c } = await library(db);
    const view = claimsView(await loadClaimsSource(db));
    expect(view.participants).toEqual(['alice', 'bob']);
    expect(
      view.clusters.map((k) => ({
        id: k.id,
        mentions: k.mentions.map((m) => [m.title, m.text, m.annotators.join('+')]),
        articles: k.articles,
        annotators: k.annotators,
        contradicts: k.contradicts,
      })),
    ).toEqual([
      {
        id: 'c1',
        mentions: [['Keeps', 'OpenAI will keep working with Scale AI 😀', 'alice']],
        articles: 1,
        annotators: ['alice'],
        contradicts: ['c2'],
      },
      {
        id: 'c2',
        mentions: [
          ['Ends', 'OpenAI is winding down its work with Scale AI.', 'alice'],
          ['Lost', ENDS2, 'alice+bob'],
        ],
        articles: 2,
        annotators: ['alice', 'bob'],
        contradicts: ['c1'],
      },
      { id: 'c3', mentions: [['Ends', '14%', 'alice']], articles: 1, annotators: ['alice'], contradicts: [] },
    ]);
    expect(view.rows.map((r) => (r.kind === 'relation' ? `${r.cluster}:${r.relation}` : r.kind))).toEqual([
      'cluster',
      'mention',
      'c1:contradicts',
      'cluster',
      'mention',
      'mention',
      'c2:contradicts',
      'cluster',
      'mention',
    ]);
    expect(view.rowOf).toEqual({ c1: 0, c2: 3, c3: 7 });
    expect(view.clusters[1]?.mentions.map((m) => m.docId)).toEqual([b, c]);
    expect(view.clusters[0]?.mentions[0]?.docId).toBe(a);
    // bob alone: his one claim, no links.
    const bob = claimsView(await loadClaimsSource(db), 'bob');
    expect(bob.clusters.map((k) => k.mentions.map((m) => m.text))).toEqual([[ENDS2]]);
    expect(bob.participants).toEqual(['alice', 'bob']);
  });

  it('exports the same claims JSON as `marginalia claims --format json` on the native export', async () => {
    const db = await freshDb();
    await library(db);
    const source = await loadClaimsSource(db);
    const data = await loadExportDataset(db, null, ['alice', 'bob']);
    const out = exportToStrings(data, { format: 'native' });
    if (!out.ok) throw new Error(out.error.message);
    const dir = workDir();
    const file = join(dir, 'library.jsonl');
    writeFileSync(file, out.value.files[0]?.text ?? '');
    for (const who of [undefined, 'alice', 'bob']) {
      const r = marginalia(['claims', file, '--format', 'json', ...(who ? ['--annotator', who] : [])]);
      expect(r.stderr).toBe('');
      expect(claimsView(source, who).json).toBe(r.stdout);
    }
  });
});
