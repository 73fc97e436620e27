import 'fake-indexeddb/auto';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { parseImportFile } from '../../../renderer/src/core/formats/import';
import { documentIdForText } from '../../../renderer/src/core/text/text-hash';
import type { MarginaliaDb } from '../../../renderer/src/db/database';
import { batchIndexRows } from '../../../renderer/src/db/batch-index';
import { encodeBatch, groupIntoBatches, type BatchEntry } from '../../../renderer/src/db/batch-rows';
import { findBatchEntry, materialize } from '../../../renderer/src/db/batch-store';
import { listSpans } from '../../../renderer/src/db/repositories/annotations';
import { storeImport } from '../../../renderer/src/db/repositories/import';
import { freshDb, newDb } from './fresh-db';

/**
 * Issue 20's copy-on-first-write (docs/architecture.md, "Corpus storage in batch rows"): a document
 * moved out of its batch must get exactly the rows today's import writes for it, byte for byte.
 */
const TABLES = ['documents', 'texts', 'spans', 'progress'] as const;

function file(lines: number) {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    const text = `Line ${i}: the council 😀 said costs rose ${i % 97}% this year.`;
    const spans = [
      { id: `b${i}`, start: 0, end: 4, label: 'claim', text: 'Line', note: i % 7 === 0 ? 'n😀\u0000' : '' },
      {
        id: `c${i}`,
        start: 5,
        end: 5 + String(i).length,
        label: 'figure',
        text: String(i),
        unsure: i % 4 === 0,
      },
    ];
    const record = {
      schema_version: 1,
      doc_id: documentIdForText(text),
      meta: i % 3 === 0 ? { n: i, tag: 'x' } : {},
      text,
      title: `Line ${i}`,
      annotator: ['alice', 'bob', 'carol'][i % 3],
      status: ['todo', 'in_progress', 'done'][i % 5 === 0 ? 2 : i % 2],
      spans: i % 11 === 0 ? [] : spans,
    };
    out.push(JSON.stringify(record));
  }
  const r = parseImportFile({ name: 'f.jsonl', bytes: new TextEncoder().encode(`${out.join('\n')}\n`) });
  expect(r.errors).toEqual([]);
  return r;
}

async function rowsOf(db: MarginaliaDb): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of TABLES) out[t] = (await db.table(t).toArray()).map((r) => JSON.stringify(r));
  return out;
}

/** The batch shape of what `reference` holds: written as two bulk writes (two index rows per prefix). */
async function batchCopy(reference: MarginaliaDb): Promise<MarginaliaDb> {
  const db = newDb('batch');
  await db.open();
  const [docs, texts, spans, progress] = await Promise.all(TABLES.map((t) => reference.table(t).toArray()));
  const textOf = new Map(texts!.map((t) => [t.id, t.text as string]));
  const entries: BatchEntry[] = docs!
    .sort((a, b) => a.order - b.order)
    .map((d) => ({
      document: d,
      text: textOf.get(d.id)!,
      spans: spans!.filter((s) => s.docId === d.id),
      statuses: progress!.filter((p) => p.docId === d.id),
    }));
  let n = 0;
  for (const part of [entries.slice(0, 150), entries.slice(150)]) {
    const rows = groupIntoBatches(part).map((g) => encodeBatch(n++, g)!);
    await db.table('batches').bulkAdd(rows);
    await db.table('batchIndex').bulkAdd(batchIndexRows(rows));
  }
  return db;
}

const moveAll = (db: MarginaliaDb, ids: string[]) =>
  db.transaction('rw', [...TABLES, 'spanPacks', 'batches', 'batchIndex'], () => materialize(db, ids));

describe('materialize: a document leaves its batch with exactly the rows the import writes', () => {
  beforeEach(() => void vi.spyOn(Date, 'now').mockReturnValue(1_790_000_000_000));
  afterEach(() => vi.restoreAllMocks());

  it('every document, text, span and status of a 600-line import, byte for byte', async () => {
    const reference = await freshDb('batch-ref');
    await storeImport(reference, file(600), null, () => 'fresh');
    const ids = (await reference.documents.orderBy('order').primaryKeys()) as string[];
    const db = await batchCopy(reference);
    expect(await db.table('batches').count()).toBe(3); // 150, then 450 = 256 + 194
    expect(await db.documents.count()).toBe(0);

    expect(await moveAll(db, ids)).toEqual(ids);
    expect(await rowsOf(db)).toEqual(await rowsOf(reference));
    for (const id of ids.slice(0, 30))
      for (const a of ['alice', 'bob', 'carol'])
        expect(await listSpans(db, id, a)).toEqual(await listSpans(reference, id, a));
  });

  it('moves a document once: a later write to its rows is never overwritten by its batch entry', async () => {
    const reference = await freshDb('batch-ref');
    await storeImport(reference, file(20), null, () => 'fresh');
    const ids = (await reference.documents.orderBy('order').primaryKeys()) as string[];
    const db = await batchCopy(reference);
    const id = ids[1]!;
    expect(await moveAll(db, [id, id])).toEqual([id]);
    await db.transaction('rw', ['spans', 'spanPacks', 'progress'], async () => {
      await db.spans.update('b1', { label: 'quote', updatedAt: 1 });
      await db.progress.put({ docId: id, annotator: 'bob', status: 'done', updatedAt: 2 });
    });
    const after = await rowsOf(db);
    expect(await moveAll(db, ids.slice(0, 3))).toEqual([ids[0], ids[2]]);
    const again = await rowsOf(db);
    expect(again['spans']).toContain(after['spans']!.find((r) => r.includes('"b1"')));
    expect(again['progress']).toContain(
      JSON.stringify({ docId: id, annotator: 'bob', status: 'done', updatedAt: 2 }),
    );
    expect(await moveAll(db, ids.slice(0, 3))).toEqual([]);
  });

  it('finds nothing for a document in no batch, and leaves per-document documents alone', async () => {
    const reference = await freshDb('batch-ref');
    await storeImport(reference, file(5), null, () => 'fresh');
    const db = await batchCopy(reference);
    const unknown = documentIdForText('not stored');
    expect(
      await db.transaction('r', ['batches', 'batchIndex'], () => findBatchEntry(db, unknown)),
    ).toBeUndefined();
    expect(await moveAll(db, [unknown])).toEqual([]);
    expect(await db.documents.count()).toBe(0);
  });
});
