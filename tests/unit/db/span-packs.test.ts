import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';

import { LABELS } from '../../../renderer/src/core/model/labels';
import type { Span } from '../../../renderer/src/core/model/span';
import { CURRENT_SCHEMA_VERSION, MarginaliaDb } from '../../../renderer/src/db/database';
import { MIGRATIONS } from '../../../renderer/src/db/migrations';
import {
  applyAnnotationCommand,
  DuplicateSpanError,
  listSpans,
} from '../../../renderer/src/db/repositories/annotations';
import { addDocuments } from '../../../renderer/src/db/repositories/documents';
import { decodeSpanPack } from '../../../renderer/src/db/span-pack';
import { PACK_SCOPE_ERROR } from '../../../renderer/src/db/span-packs-middleware';
import { fillCorpus } from './durability-corpus';
import { freshDb, newDb } from './fresh-db';
import { expectPacksFresh, truth } from './span-pack-truth';

let n = 0;

describe('labelling with a pack', () => {
  it('labelling keeps the pack (written back in the same transaction), so the next open reads one row', async () => {
    const db = await freshDb('packs');
    const { ids } = await addDocuments(db, [{ text: 'Some text here.', source: 't' }]);
    const docId = ids[0] as string;
    expect(await listSpans(db, docId, 'alice')).toEqual([]);
    const s: Span = { id: 'x', start: 0, end: 4, label: 'claim', note: '' };
    await applyAnnotationCommand(db, docId, 'alice', { kind: 'create', span: s });
    const pack = await db.spanPacks.get([docId, 'alice']);
    expect(pack && decodeSpanPack(pack)).toEqual([s]);
    await expect(
      applyAnnotationCommand(db, docId, 'alice', { kind: 'create', span: { ...s, id: 'y' } }),
    ).rejects.toBeInstanceOf(DuplicateSpanError);
    expect(await listSpans(db, docId, 'alice')).toEqual([s]);
  });
});

describe('the duplicate check answered from the pack', () => {
  it('refuses exactly what the row scan refuses (its first equal span, in id order)', async () => {
    for (const packed of [false, true]) {
      const db = await freshDb('packs');
      const a: Span = { id: 'a', start: 0, end: 1, label: 'claim', note: '' };
      // Two equal spans can exist: an update does not check (nor does adjudication).
      await applyAnnotationCommand(db, 'd', 'alice', { kind: 'create', span: a });
      await applyAnnotationCommand(db, 'd', 'alice', { kind: 'create', span: { ...a, id: 'b', start: 2 } });
      await applyAnnotationCommand(db, 'd', 'alice', { kind: 'update', before: a, after: { ...a, id: 'b' } });
      if (packed) await listSpans(db, 'd', 'alice');
      expect(await db.spanPacks.count()).toBe(packed ? 1 : 0);
      // Re-creating "a" passes (the first equal span is "a" itself); a new id is refused.
      await applyAnnotationCommand(db, 'd', 'alice', { kind: 'create', span: { ...a, note: 'again' } });
      await expect(
        applyAnnotationCommand(db, 'd', 'alice', { kind: 'create', span: { ...a, id: 'c' } }),
      ).rejects.toBeInstanceOf(DuplicateSpanError);
      expect(await listSpans(db, 'd', 'alice')).toEqual([
        { ...a, note: 'again' },
        { ...a, id: 'b' },
      ]);
    }
  });
});

describe('the span-packs middleware', () => {
  const s: Span = { id: 'shared', start: 0, end: 1, label: 'claim', note: '' };

  it('drops the pack a row leaves, even when the write was issued for another set', async () => {
    const db = await freshDb('packs');
    await applyAnnotationCommand(db, 'd1', 'alice', { kind: 'create', span: s });
    expect(await listSpans(db, 'd1', 'alice')).toEqual([s]);
    expect(await listSpans(db, 'd2', 'bob')).toEqual([]);
    // The same id created for another set moves the row (a put): the old set's pack must go.
    await applyAnnotationCommand(db, 'd2', 'bob', { kind: 'create', span: s });
    expect(await listSpans(db, 'd1', 'alice')).toEqual([]);
    expect(await listSpans(db, 'd2', 'bob')).toEqual([s]);
    // A delete issued for a set that does not own the row still drops the owner's pack.
    await applyAnnotationCommand(db, 'd1', 'alice', { kind: 'delete', span: s });
    expect(await listSpans(db, 'd2', 'bob')).toEqual([]);
    await expectPacksFresh(db);
  });

  it('drops the packs a modify touches (old and new set) and every pack on clear()', async () => {
    const db = await freshDb('packs');
    await applyAnnotationCommand(db, 'd1', 'alice', { kind: 'create', span: s });
    for (const [d, a] of [
      ['d1', 'alice'],
      ['d1', 'carol'],
      ['d2', 'bob'],
    ] as const)
      await listSpans(db, d, a);
    expect(await db.spanPacks.count()).toBe(3);
    await db.transaction('rw', db.spans, db.spanPacks, () =>
      db.spans.where('docId').equals('d1').modify({ annotator: 'carol' }),
    );
    expect((await db.spanPacks.toArray()).map((p) => p.docId)).toEqual(['d2']);
    expect(await listSpans(db, 'd1', 'carol')).toEqual([s]);
    await db.transaction('rw', db.spans, db.spanPacks, () => db.spans.clear());
    expect(await db.spanPacks.count()).toBe(0);
  });
});

describe('a writer that forgot spanPacks', () => {
  it('fails loudly and stores nothing', async () => {
    const db = await freshDb('packs');
    const row = {
      id: 'r',
      docId: 'd',
      annotator: 'a',
      start: 0,
      end: 1,
      label: 'claim' as const,
      note: '',
      updatedAt: 0,
    };
    await expect(db.transaction('rw', db.spans, () => db.spans.put(row))).rejects.toThrow(PACK_SCOPE_ERROR);
    await expect(db.spans.add(row)).rejects.toThrow(PACK_SCOPE_ERROR);
    await expect(db.transaction('rw', db.spans, () => db.spans.clear())).rejects.toThrow(PACK_SCOPE_ERROR);
    expect(await db.spans.count()).toBe(0);
  });
});

describe('listSpans without a pack', () => {
  it('still returns the rows when the pack cannot be stored (a full disk)', async () => {
    const db = newDb('packs');
    await fillCorpus(db);
    const docId = (await db.documents.orderBy('order').first())?.id as string;
    const expected = await truth(db, docId, 'alice');
    expect(expected).toHaveLength(3);
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
      if (this.name === 'spanPacks') throw new DOMException('disk full', 'QuotaExceededError');
      return put.apply(this, args);
    };
    try {
      expect(await listSpans(db, docId, 'alice')).toStrictEqual(expected);
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(await db.spanPacks.count()).toBe(0);
  });

  it('stores the pack for the next open', async () => {
    const db = newDb('packs');
    await fillCorpus(db);
    const docId = (await db.documents.orderBy('order').first())?.id as string;
    const expected = await truth(db, docId, 'alice');
    expect(await listSpans(db, docId, 'alice')).toStrictEqual(expected);
    // The pack is written in the same transaction, after the answer: wait for it to commit.
    await db.transaction('r', db.spanPacks, () => db.spanPacks.count());
    expect(await db.spanPacks.get([docId, 'alice'])).toBeDefined();
    expect(await listSpans(db, docId, 'alice')).toStrictEqual(expected);
  });
});

describe('upgrading a version 1 database with spans', () => {
  it('keeps every row, and listSpans (rows, then pack) equals them', async () => {
    const name = `packs-up-${process.pid}-${n++}`;
    const v1 = MIGRATIONS[0] as (typeof MIGRATIONS)[number];
    const old = new Dexie(name);
    old.version(v1.version).stores(v1.stores);
    const rows = Array.from({ length: 600 }, (_, i) => ({
      id: `r${i}`,
      docId: `doc${i % 3}`,
      annotator: i % 2 ? 'alice' : 'bob',
      start: (i * 7) % 500,
      end: ((i * 7) % 500) + (i % 11),
      label: LABELS[i % 4],
      note: i % 5 ? '' : `note ${i} 😀`,
      ...(i % 13 ? {} : { unsure: true }),
      updatedAt: i,
    }));
    await old.table('spans').bulkAdd(rows);
    old.close();
    const db = new MarginaliaDb(name);
    try {
      await db.open();
      expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
      expect(await db.spans.orderBy('id').toArray()).toEqual(
        [...rows].sort((a, b) => (a.id < b.id ? -1 : 1)),
      );
      for (const pass of ['rows', 'pack'])
        for (const docId of ['doc0', 'doc1', 'doc2'])
          for (const a of ['alice', 'bob']) {
            const got = await listSpans(db, docId, a);
            expect(got, pass).toStrictEqual(await truth(db, docId, a));
            expect(got).toHaveLength(100);
          }
      expect(await db.spanPacks.count()).toBe(6);
    } finally {
      await db.delete();
    }
  });
});
