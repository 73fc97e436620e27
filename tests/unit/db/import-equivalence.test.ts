import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { parseImportFile } from '../../../renderer/src/core/formats/import';
import type { ImportResult } from '../../../renderer/src/core/formats/import-types';
import { RELATIONS } from '../../../renderer/src/core/links/link';
import { documentIdForText } from '../../../renderer/src/core/text/text-hash';
import { batchHeadOf } from '../../../renderer/src/db/batch-heads';
import type { BatchRow } from '../../../renderer/src/db/batch-rows';
import { MarginaliaDb } from '../../../renderer/src/db/database';
import { MIGRATIONS } from '../../../renderer/src/db/migrations';
import { exportAnnotatorLines } from '../../../renderer/src/db/repositories/export';
import { listAnnotators } from '../../../renderer/src/db/repositories/export-dataset';
import { applyAnnotationCommand, listSpans } from '../../../renderer/src/db/repositories/annotations';
import { storeImport, type StoreImportOptions } from '../../../renderer/src/db/repositories/import';
import { freshDb, newDb } from './fresh-db';
import { sameView, sampled } from './logical-view';
import { storeImportBeforeFastPath } from './import-reference';

/**
 * Issue 20 item 1: the fast import must leave a database no reader can tell from the one the old
 * import (tests/unit/db/import-reference.ts, schema v4) leaves: every table's rows, every set's
 * spans and every annotator's native export, byte for byte.
 */
const enc = (s: string) => new TextEncoder().encode(s);
const line = (o: { text: string; title: string; annotator: string; status: string; spans: object[] }) =>
  JSON.stringify({ schema_version: 1, doc_id: documentIdForText(o.text), meta: {}, ...o });
const parse = (name: string, lines: string[]): ImportResult => {
  const r = parseImportFile({ name, bytes: enc(`${lines.join('\n')}\n`) });
  expect(r.errors).toEqual([]);
  return r;
};
const span = (id: string, start: number, end: number, label: string, text: string, note = '') => ({
  id,
  start,
  end,
  label,
  text,
  note,
});

const A = 'Alpha article: the mayor said taxes rise 3% 😀 next year.';
const B = 'Bravo article about the budget.';

/** Already stored before the import under test: two documents, alice's spans on A (opened: a pack). */
const before = parse('before.jsonl', [
  line({
    text: A,
    title: 'A',
    annotator: 'alice',
    status: 'in_progress',
    spans: [span('s1', 0, 5, 'claim', 'Alpha')],
  }),
  line({ text: B, title: 'B', annotator: 'alice', status: 'done', spans: [] }),
]);

/** The file under test: every path of the import at once. */
const file = parse('file.jsonl', [
  // A stored set with a pack: one span already present, one new (its pack must go), a new status.
  line({
    text: A,
    title: 'A',
    annotator: 'alice',
    status: 'done',
    spans: [span('x1', 0, 5, 'claim', 'Alpha'), span('x2', 6, 13, 'quote', 'article')],
  }),
  // A new set on a stored document, reusing alice's span id (gets a fresh id).
  line({
    text: A,
    title: 'A',
    annotator: 'bob',
    status: 'todo',
    spans: [span('s1', 0, 5, 'figure', 'Alpha')],
  }),
  // Gold on a stored document (its own table since schema v4).
  line({
    text: B,
    title: 'B',
    annotator: 'gold',
    status: 'done',
    spans: [span('g1', 0, 5, 'claim', 'Bravo')],
  }),
  // A stored document's status reset to "todo" (written, since it is stored).
  line({ text: B, title: 'B', annotator: 'alice', status: 'todo', spans: [] }),
  // New documents: one with "todo" (no progress row), one done, one with a stored title.
  line({
    text: 'Charlie 😀 text.',
    title: 'C',
    annotator: 'carol',
    status: 'todo',
    spans: [span('c1', 8, 9, 'figure', '😀', 'emoji')],
  }),
  line({
    text: 'Delta text here.',
    title: 'D',
    annotator: 'carol',
    status: 'done',
    spans: [span('d1', 0, 5, 'speculation', 'Delta')],
  }),
  line({
    text: 'Another text, same title.',
    title: 'A',
    annotator: 'carol',
    status: 'in_progress',
    spans: [],
  }),
]);

/** A bigger file like the bench's: many new documents, two spans each, crossing the write chunks. */
function bigFile(lines: number): ImportResult {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    const text = `Line ${i}: the council said costs rose ${i % 97}% this year.`;
    out.push(
      line({
        text,
        title: `Line ${i}`,
        annotator: i % 3 === 0 ? 'alice' : 'bob',
        status: i % 5 === 0 ? 'done' : 'todo',
        spans: [
          span(`b${i}`, 0, 4, 'claim', 'Line'),
          span(`c${i}`, 5, 5 + String(i).length, 'figure', String(i)),
        ],
      }),
    );
  }
  return parse('big.jsonl', out);
}

const LATER_TABLES = ['links', 'batches', 'batchIndex'];

async function everything(db: MarginaliaDb) {
  const tables: Record<string, string[]> = {};
  for (const t of db.tables) {
    const rows = await t.toArray();
    // The reference import runs on schema v4: a later table (links v6, batch rows v7) must simply stay empty.
    if (rows.length === 0 && LATER_TABLES.includes(t.name)) continue;
    tables[t.name] = rows.map((r) =>
      JSON.stringify(r, (_k, v) => (ArrayBuffer.isView(v) ? [...(v as Uint8Array)] : v)),
    );
  }
  const annotators = await listAnnotators(db);
  const exports: Record<string, string[]> = {};
  const sets: Record<string, unknown> = {};
  for (const a of annotators) {
    exports[a] = await exportAnnotatorLines(db, a);
    for (const d of sampled(await db.documents.toArray()))
      sets[`${d.id}/${a}`] = await listSpans(db, d.id, a);
  }
  return { tables, annotators, exports, sets };
}

async function both(
  setup: (db: MarginaliaDb, store: typeof storeImport) => Promise<unknown>,
  opts: StoreImportOptions = {},
) {
  const oldDb = newDb('import-old', MIGRATIONS.slice(0, 4));
  await oldDb.open();
  const newDbOpen = await freshDb('import-new');
  let n = 0;
  const oldOut = await setup(oldDb, (db, f, who, _id, p) =>
    storeImportBeforeFastPath(db, f, who, () => `id-${n++}`, p),
  );
  let m = 0;
  const newOut = await setup(newDbOpen, (db, f, who, _id, p) =>
    storeImport(db, f, who, () => `id-${m++}`, p, opts),
  );
  // Today's readers read today's schema: the reference's v4 database is upgraded as a user's would
  // be (v7 moves gold's status to its own table), then compared.
  oldDb.close();
  const upgraded = new MarginaliaDb(oldDb.name);
  await upgraded.open();
  return { oldDb: upgraded, newDb: newDbOpen, oldOut, newOut };
}

/** Stores `before`, opens A as alice (her pack: the import must drop it when her rows change), then `file`. */
const onStored = async (db: MarginaliaDb, store: typeof storeImport) => {
  await store(
    db,
    before,
    null,
    () => '',
    () => undefined,
  );
  await listSpans(db, documentIdForText(A), 'alice');
  // Per document, the open built a pack; a document in a batch reads its batch's and stores none.
  const inBatch = (await db.documents.count()) === 0;
  expect(await db.spanPacks.count()).toBe(inBatch ? 0 : 1);
  return store(
    db,
    file,
    null,
    () => '',
    () => undefined,
  );
};

const alone = (f: ImportResult) => (db: MarginaliaDb, store: typeof storeImport) =>
  store(
    db,
    f,
    null,
    () => '',
    () => undefined,
  );

const BATCHES = { batchRows: true } as const;
const label = { id: 'new-label', start: 0, end: 4, label: 'quote' as const, note: 'later' };

describe('the fast import leaves what the old import left', () => {
  beforeEach(() => void vi.spyOn(Date, 'now').mockReturnValue(1_790_000_000_000));
  afterEach(() => vi.restoreAllMocks());

  it('on stored documents, stored sets with packs, fresh ids, statuses and new documents', async () => {
    const r = await both(onStored);
    expect(r.newOut).toEqual(r.oldOut);
    expect(r.newOut).toMatchObject({
      documentsAdded: 3,
      documentsExisting: 2,
      spansAdded: 5,
      spansAlreadyPresent: 1,
    });
    const [o, n] = [await everything(r.oldDb), await everything(r.newDb)];
    expect(n).toEqual(o);
    expect(n.exports['alice']?.join('\n')).toContain('"article"');
  });

  it('on a 1,200-line file of new documents', async () => {
    const r = await both(alone(bigFile(1_200)));
    expect(r.newOut).toEqual(r.oldOut);
    const [o, n] = [await everything(r.oldDb), await everything(r.newDb)];
    expect(n.tables['spans']).toHaveLength(2_400);
    expect(n).toEqual(o);
  }, 120_000);
});

/**
 * Issue 20 step 2: with `batchRows`, new documents are written as batch rows (no per-document rows
 * for them), and no reader can tell: the same logical tables, library, sets, statuses, counts,
 * search, agreement source, exports in every format (whole and paged) and backups (bytes and
 * digest) as the reference import's per-document rows.
 */
/** Schema v9: every batch row has its head, exactly what summarising the row gives, and no other head. */
async function expectHeadsOfRows(db: MarginaliaDb): Promise<void> {
  const rows = (await db.table('batches').toArray()) as BatchRow[];
  expect(await db.table('batchHeads').toArray()).toEqual(rows.map(batchHeadOf));
}

describe('the import in batch rows reads as the old import', () => {
  beforeEach(() => void vi.spyOn(Date, 'now').mockReturnValue(1_790_000_000_000));
  afterEach(() => vi.restoreAllMocks());

  it('on stored documents, stored sets with packs, fresh ids, statuses and new documents', async () => {
    const r = await both(onStored, BATCHES);
    expect(r.newOut).toEqual(r.oldOut);
    // The three new documents of `file` are in a batch; A and B stayed where they were.
    expect(await r.newDb.documents.count()).toBe(2);
    expect(await r.newDb.table('batches').count()).toBe(2);
    await sameView(r.newDb, r.oldDb);
  }, 120_000);

  it('on a 300-line file of new documents, then a label, then the same file again', async () => {
    const big = bigFile(300);
    const r = await both(alone(big), BATCHES);
    expect(r.newOut).toEqual(r.oldOut);
    // No per-document row for a new document: 300 documents in 2 batches of at most 256.
    for (const t of ['documents', 'texts', 'spans', 'progress', 'spanPacks'])
      expect(await r.newDb.table(t).count()).toBe(0);
    expect(await r.newDb.table('batches').count()).toBe(2);
    await expectHeadsOfRows(r.newDb);
    await sameView(r.newDb, r.oldDb);

    // A label on an imported document: the writer moves it out of its batch first.
    const id = big.documents[260]!.id;
    for (const db of [r.oldDb, r.newDb])
      await applyAnnotationCommand(db, id, 'alice', { kind: 'create', span: label });
    expect(await r.newDb.documents.count()).toBe(1);
    await sameView(r.newDb, r.oldDb);

    let n = 0;
    const again = await Promise.all(
      [r.oldDb, r.newDb].map((db) => storeImport(db, big, null, () => `again-${n++}`, undefined, BATCHES)),
    );
    expect(again[1]).toEqual(again[0]);
    expect(again[1]).toMatchObject({ documentsAdded: 0, documentsExisting: 300, spansAdded: 0 });
    expect(await r.newDb.table('batches').count()).toBe(2);
    await expectHeadsOfRows(r.newDb);
    await sameView(r.newDb, r.oldDb);
  }, 240_000);

  it('keeps apart what the columns cannot hold: gold sets and spans with a label they do not know', async () => {
    const big = bigFile(40);
    const odd = big.documents[7]!.id;
    const withGold = big.documents[8]!.id;
    const annotations = big.annotations.map((a) =>
      a.docId === odd ? { ...a, spans: [{ ...a.spans[0]!, label: 'no-such-label' as never }] } : a,
    );
    const gold = { docId: withGold, annotator: 'gold', status: 'done' as const, spans: [] };
    const mixed = { ...big, annotations: [...annotations, gold] };
    const r = await both(alone(mixed), BATCHES);
    expect(r.newOut).toEqual(r.oldOut);
    expect((await r.newDb.documents.toArray()).map((d) => d.id).sort()).toEqual([odd, withGold].sort());
    expect(await r.newDb.spans.where('docId').equals(odd).count()).toBe(1);
    await sameView(r.newDb, r.oldDb);
  }, 120_000);

  it("keeps the ends of a file's links in per-document rows", async () => {
    const big = bigFile(10);
    const [a, b] = [big.annotations[0]!, big.annotations[3]!];
    const end = (set: typeof a) => ({ docId: set.docId, start: set.spans[0]!.start, end: set.spans[0]!.end });
    const link = {
      id: 'l1',
      annotator: 'alice',
      relation: RELATIONS[0],
      from: end(a),
      to: end(b),
      note: '',
    };
    const db = await freshDb('import-links');
    const out = await storeImport(db, { ...big, links: [link] }, null, () => 'x', undefined, BATCHES);
    expect(out).toMatchObject({ documentsAdded: 10, linksAdded: 1 });
    expect((await db.documents.toArray()).map((d) => d.id).sort()).toEqual([a.docId, b.docId].sort());
    expect(await db.table('batches').count()).toBe(1);
  });

  it('a failure after the batch rows were written stores nothing', async () => {
    const db = await freshDb('import-abort');
    const failAtEnd = (x: number) => {
      if (x === 1) throw new Error('disk full');
    };
    await expect(storeImport(db, bigFile(600), null, () => 'x', failAtEnd, BATCHES)).rejects.toThrow(
      'disk full',
    );
    for (const t of db.tables) expect(await t.count()).toBe(0);
  });
});
