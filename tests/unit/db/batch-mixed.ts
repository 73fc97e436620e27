import { afterEach, beforeEach, vi } from 'vitest';

import type { MarginaliaDb } from '../../../renderer/src/db/database';
import { batchHeadOf } from '../../../renderer/src/db/batch-heads';
import { batchIndexRows } from '../../../renderer/src/db/batch-index';
import { encodeBatch, groupIntoBatches, type BatchEntry } from '../../../renderer/src/db/batch-rows';
import { materialize } from '../../../renderer/src/db/batch-store';
import { applyAnnotationCommand } from '../../../renderer/src/db/repositories/annotations';
import { storeImport } from '../../../renderer/src/db/repositories/import';
import { setStatus } from '../../../renderer/src/db/repositories/progress';
import { file } from './batch-copy';
import { freshDb, newDb } from './fresh-db';

/**
 * Issue 20, the data-side readers: the same library held per document (`reference`) and mostly in
 * batch rows (`db`), for tests that every reader gives the same answer from both. In `db` the first
 * and last `perDoc` documents stay per-document rows (before and after the batches in library
 * order), the others go into batch rows written as two bulk writes; then, in both, some batch
 * documents are edited (in `db` moved out of their batch first, so their entries are shadowed by
 * rows with other spans and statuses), one gets gold and one a link.
 */
const TABLES = ['documents', 'texts', 'spans', 'progress'] as const;
const WRITE_TABLES = [
  'documents',
  'texts',
  'spans',
  'progress',
  'spanPacks',
  'batches',
  'batchIndex',
  'batchHeads',
];

export function frozenClock(): void {
  beforeEach(() => void vi.spyOn(Date, 'now').mockReturnValue(1_790_000_000_000));
  afterEach(() => vi.restoreAllMocks());
}

async function splitCopy(reference: MarginaliaDb, perDoc: number): Promise<MarginaliaDb> {
  const db = newDb('mixed');
  await db.open();
  const [docs, texts, spans, progress] = await Promise.all(TABLES.map((t) => reference.table(t).toArray()));
  docs!.sort((a, b) => a.order - b.order);
  const textOf = new Map(texts!.map((t) => [t.id, t.text as string]));
  const entries: BatchEntry[] = docs!.map((d) => ({
    document: d,
    text: textOf.get(d.id)!,
    spans: spans!.filter((s) => s.docId === d.id),
    statuses: progress!.filter((p) => p.docId === d.id),
  }));
  const own = [...entries.slice(0, perDoc), ...entries.slice(entries.length - perDoc)];
  const held = entries.slice(perDoc, entries.length - perDoc);
  await db.transaction('rw', WRITE_TABLES, async () => {
    await db.documents.bulkAdd(own.map((e) => e.document));
    await db.texts.bulkAdd(own.map((e) => ({ id: e.document.id, text: e.text })));
    await db.spans.bulkAdd(own.flatMap((e) => e.spans));
    await db.progress.bulkAdd(own.flatMap((e) => e.statuses));
    let n = 0;
    const half = Math.floor(held.length / 2);
    for (const part of [held.slice(0, half), held.slice(half)]) {
      const rows = groupIntoBatches(part).map((g) => encodeBatch(n++, g)!);
      await db.table('batches').bulkAdd(rows);
      await db.table('batchHeads').bulkAdd(rows.map(batchHeadOf));
      await db.table('batchIndex').bulkAdd(batchIndexRows(rows));
    }
  });
  return db;
}

export interface Mixed {
  reference: MarginaliaDb;
  db: MarginaliaDb;
  /** Document ids in library order. */
  ids: string[];
  /** The batch documents edited (shadowed in `db`). */
  edited: string[];
}

/** The same documents' sets again, each by the next annotator, some spans with another label. */
function secondOpinions(lines: number) {
  const f = file(lines);
  const next: Record<string, string> = { alice: 'bob', bob: 'carol', carol: 'alice' };
  const annotations = f.annotations.map((a, i) => ({
    ...a,
    annotator: next[a.annotator!]!,
    spans: a.spans.map((sp) => ({
      ...sp,
      id: `${sp.id}x`,
      label: i % 4 === 1 ? ('quote' as const) : sp.label,
    })),
  }));
  return { documents: f.documents, annotations };
}

/**
 * `lines` documents; `perDoc` at each end stay per document in `db`; some edited after. With
 * `overlap`, every document also has a second annotator's set (for agreement figures).
 */
export async function mixedLibraries(lines: number, perDoc: number, overlap = false): Promise<Mixed> {
  const reference = await freshDb('mixed-ref');
  await storeImport(reference, file(lines), null, () => 'fresh');
  if (overlap) await storeImport(reference, secondOpinions(lines), null, () => 'fresh');
  const db = await splitCopy(reference, perDoc);
  const ids = (await reference.documents.orderBy('order').primaryKeys()) as string[];
  const edited = [perDoc + 1, perDoc + 2, Math.floor(lines / 2), lines - perDoc - 1].map((i) => ids[i]!);
  await db.transaction('rw', WRITE_TABLES, () => materialize(db, edited));
  const [a, b, c, d] = edited as [string, string, string, string];
  // A batch document with alice's span "b<i>" at 0-4 (line i is alice's when i % 3 is 0, with spans unless i % 11 is 0).
  let k = perDoc + 3;
  while (k % 3 !== 0 || k % 11 === 0) k++;
  const linked = ids[k]!;
  for (const x of [reference, db]) {
    const span = { id: 'new', start: 10, end: 14, label: 'quote' as const, note: 'moved 😀' };
    await applyAnnotationCommand(x, a, 'alice', { kind: 'create', span });
    await applyAnnotationCommand(x, b, 'dora', { kind: 'create', span: { ...span, id: 'dora1' } });
    await setStatus(x, c, 'bob', 'done');
    await setStatus(x, d, 'alice', 'in_progress');
    // Gold on an edited document and, as stored by nothing yet, on one still in its batch.
    const gold = (id: string, docId: string) => ({ ...span, id, docId, updatedAt: 5 });
    await x.transaction('rw', [x.goldSpans, x.goldStatus], async () => {
      await x.goldSpans.bulkAdd([gold('g1', c), gold('g2', linked)]);
      await x.goldStatus.add({ docId: c, status: 'done', updatedAt: 6 });
    });
    // A link between two batch documents' spans ("b<i>" is line i's span 0-4 of its annotator).
    await x.links.add({
      id: 'l1',
      annotator: 'alice',
      relation: 'contradicts',
      from: { docId: linked, start: 0, end: 4 },
      to: { docId: a, start: 10, end: 14 },
      note: '',
      updatedAt: 1,
    });
  }
  return { reference, db, ids, edited };
}
