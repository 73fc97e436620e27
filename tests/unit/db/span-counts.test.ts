import { describe, expect, it } from 'vitest';

import type { Label } from '../../../renderer/src/core/model/labels';
import { applyAnnotationCommand } from '../../../renderer/src/db/repositories/annotations';
import { countSpansByDocument, packMissingSets } from '../../../renderer/src/db/repositories/span-counts';
import type { MarginaliaDb } from '../../../renderer/src/db/database';
import { fillCorpus } from './durability-corpus';
import { freshDb } from './fresh-db';

/** The counts straight from the rows: what the library must show. */
async function rowCounts(db: MarginaliaDb, annotator: string) {
  const out = new Map<string, Record<Label, number>>();
  for (const r of await db.spans.where('annotator').equals(annotator).toArray()) {
    const c = out.get(r.docId) ?? { claim: 0, quote: 0, figure: 0, speculation: 0 };
    c[r.label] += 1;
    out.set(r.docId, c);
  }
  return out;
}

const settle = () => new Promise((r) => setTimeout(r, 50));

describe('library span counts', () => {
  it('equal the rows with packs missing, partly there, or complete', async () => {
    const db = await freshDb('counts');
    await fillCorpus(db);
    // fillCorpus labels through applyAnnotationCommand on sets that had no pack: none exists yet.
    await db.transaction('rw', db.spans, db.spanPacks, () => db.spanPacks.clear());
    for (const a of ['alice', 'bob', 'gold', 'nobody']) {
      expect(await countSpansByDocument(db, a)).toEqual(await rowCounts(db, a));
    }
    // The row count scheduled the missing packs; afterwards the packs alone answer.
    await settle();
    expect(await db.spanPacks.where('annotator').equals('alice').count()).toBe(2);
    expect(await countSpansByDocument(db, 'alice')).toEqual(await rowCounts(db, 'alice'));
    // A label on a packed set keeps its pack current; the counts follow.
    const docId = [...(await rowCounts(db, 'alice')).keys()][0] as string;
    await applyAnnotationCommand(db, docId, 'alice', {
      kind: 'create',
      span: { id: 'new', start: 1, end: 3, label: 'speculation', note: '' },
    });
    expect((await countSpansByDocument(db, 'alice')).get(docId)?.speculation).toBe(1);
    expect(await countSpansByDocument(db, 'alice')).toEqual(await rowCounts(db, 'alice'));
  });

  it('packMissingSets leaves existing packs alone and packs only what is missing', async () => {
    const db = await freshDb('counts');
    await fillCorpus(db);
    await db.transaction('rw', db.spans, db.spanPacks, () => db.spanPacks.clear());
    await packMissingSets(db, 'alice');
    const first = await db.spanPacks.where('annotator').equals('alice').toArray();
    expect(first).toHaveLength(2);
    await packMissingSets(db, 'alice');
    expect(await db.spanPacks.where('annotator').equals('alice').toArray()).toEqual(first);
    expect(await db.spanPacks.where('annotator').equals('bob').count()).toBe(0);
  });
});
