import { expect } from 'vitest';

import { parseImportFile } from '../../../renderer/src/core/formats/import';
import { documentIdForText } from '../../../renderer/src/core/text/text-hash';
import type { MarginaliaDb } from '../../../renderer/src/db/database';
import { batchHeadOf } from '../../../renderer/src/db/batch-heads';
import { batchIndexRows } from '../../../renderer/src/db/batch-index';
import { encodeBatch, groupIntoBatches, type BatchEntry } from '../../../renderer/src/db/batch-rows';
import { newDb } from './fresh-db';

const TABLES = ['documents', 'texts', 'spans', 'progress'] as const;

/** A native file of `lines` records: three annotators, notes, unsure, every status, some without spans. */
export function file(lines: number) {
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

/** The batch shape of what `reference` holds: written as two bulk writes (two index rows per prefix). */
export async function batchCopy(reference: MarginaliaDb): Promise<MarginaliaDb> {
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
    await db.table('batchHeads').bulkAdd(rows.map(batchHeadOf));
    await db.table('batchIndex').bulkAdd(batchIndexRows(rows));
  }
  return db;
}
