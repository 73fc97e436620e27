import { describe, expect, it } from 'vitest';

import { CURRENT_SCHEMA_VERSION } from '../../../renderer/src/db/migrations';
import { createBackup, restoreFromBackup } from '../../../renderer/src/db/repositories/backup';
import { replaceAllData, storedDigest } from '../../../renderer/src/db/repositories/restore';
import { readSnapshot } from '../../../renderer/src/db/snapshot';
import { tamper, type Json } from './backup-tamper';
import { fillCorpus } from './durability-corpus';
import { freshDb } from './fresh-db';

const info = { reason: 'manual', appVersion: 'test', createdAt: '2025-01-01T00:00:00.000Z' };

async function corpusWithBackup() {
  const db = await freshDb('attack');
  await fillCorpus(db);
  const backup = await createBackup(db, info);
  const digest = await storedDigest(db);
  const rows = await db.spans.toArray();
  return { db, backup, digest, rows };
}

describe('issue 14 break 1: a crafted backup cannot skip validation', () => {
  it('span_extras overwriting start/end/label is refused and nothing changes', async () => {
    const { db, backup, digest, rows } = await corpusWithBackup();
    const crafted = tamper(backup.content, {
      header: (h) => {
        (h['span_extras'] as Json)['a1'] = { start: 3, end: 99999999, label: 'bogus<b>' };
      },
    });
    const r = await restoreFromBackup(db, crafted, 'crafted.jsonl');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatch(/tries to change the "start" of span a1/);
    expect(r.error).toMatch(/Nothing was changed/);
    expect(await storedDigest(db)).toBe(digest);
    expect(await db.spans.get('a1')).toEqual(rows.find((x) => x.id === 'a1'));
  });

  it('even a header that passed every check cannot set core span fields (defence in depth)', async () => {
    const { db } = await corpusWithBackup();
    const snap = await readSnapshot(db, db.verno);
    const bad = { ...snap, spanExtras: { ...snap.spanExtras, a1: { end: 99999999 } } };
    await expect(replaceAllData(db, bad)).rejects.toThrow(/"end" of span a1/);
    expect((await db.spans.get('a1'))?.end).toBe(7);
  });

  it('records: 0 with extra_tables naming documents, texts and spans is refused', async () => {
    const { db, backup, digest } = await corpusWithBackup();
    const hostile = {
      documents: [
        { id: 'not-a-hash/../../x', title: 't', length: 3, source: 's', meta: {}, order: 0, addedAt: 0 },
      ],
      texts: [{ id: 'not-a-hash/../../x', text: 'a\u0000b\ud800' }],
      spans: [
        {
          id: 's',
          docId: 'not-a-hash/../../x',
          annotator: 'x',
          start: -5,
          end: 1e9,
          label: 'claim',
          note: '',
        },
      ],
    };
    const crafted = tamper(backup.content, {
      header: (h) => {
        h['documents'] = [];
        h['span_extras'] = {};
        h['extra_tables'] = hostile;
      },
      records: () => [],
    });
    const r = await restoreFromBackup(db, crafted, 'crafted.jsonl');
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/table "documents"/) });
    expect(await storedDigest(db)).toBe(digest);
    expect(await db.documents.get('not-a-hash/../../x')).toBeUndefined();
  });

  it('an end line claiming 0 records while records follow is refused as damaged', async () => {
    const { db, backup, digest } = await corpusWithBackup();
    const crafted = tamper(backup.content, { end: (e) => void (e['records'] = 0) });
    const r = await restoreFromBackup(db, crafted, 'crafted.jsonl');
    expect(r).toMatchObject({
      ok: false,
      error: expect.stringMatching(/counts 0 records, but it holds \d+/),
    });
    expect(await storedDigest(db)).toBe(digest);
  });

  it('a record with a forged id, NUL, lone surrogate or out-of-range span is refused', async () => {
    const { db, backup, digest } = await corpusWithBackup();
    const edits: [string, (rec: Json) => void, RegExp][] = [
      ['forged id', (rec) => void (rec['doc_id'] = 'not-a-hash/../../x'), /doc_id does not match/],
      ['NUL', (rec) => void (rec['text'] = 'a\u0000b'), /NUL/],
      ['lone surrogate', (rec) => void (rec['text'] = 'a\ud800b'), /half of a surrogate pair/],
      [
        'span outside the text',
        (rec) => void ((rec['spans'] as Json[])[0] = { id: 'x', start: -5, end: 1e9, label: 'claim' }),
        /negative|past the end/,
      ],
    ];
    for (const [, edit, message] of edits) {
      const crafted = tamper(backup.content, {
        records: (lines) =>
          lines.map((l, i) => {
            if (i !== 0) return l;
            const rec = JSON.parse(l) as Json;
            edit(rec);
            return JSON.stringify(rec);
          }),
      });
      const r = await restoreFromBackup(db, crafted, 'crafted.jsonl');
      expect(r).toMatchObject({ ok: false, error: expect.stringMatching(message) });
      expect(await storedDigest(db)).toBe(digest);
    }
  });

  it('a backup from a newer schema is refused with a message', async () => {
    const { db, backup, digest } = await corpusWithBackup();
    const crafted = tamper(backup.content, {
      header: (h) => void (h['db_schema_version'] = CURRENT_SCHEMA_VERSION + 1),
    });
    const r = await restoreFromBackup(db, crafted, 'newer.jsonl');
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/made by a newer Marginalia/) });
    expect(await storedDigest(db)).toBe(digest);
  });

  it('settings of the wrong kind and malformed provenance are refused', async () => {
    const { db, backup } = await corpusWithBackup();
    const badKeep = tamper(backup.content, {
      header: (h) => void ((h['settings'] as Json)['backupKeep'] = 'all'),
    });
    expect(await restoreFromBackup(db, badKeep, 'b')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/setting "backupKeep"/),
    });
    const badProvenance = tamper(backup.content, {
      header: (h) => void ((h['span_extras'] as Json)['g1'] = { provenance: { decidedBy: 5 } }),
    });
    expect(await restoreFromBackup(db, badProvenance, 'b')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/"provenance" of span g1 is malformed/),
    });
  });
});

describe('issue 14 break 2: a restore is one transaction', () => {
  it('a wrong digest with a valid checksum rolls back and says nothing changed', async () => {
    const { db, backup } = await corpusWithBackup();
    const target = await freshDb('attack');
    await fillCorpus(target);
    await target.transaction('rw', target.spans, target.spanPacks, () => target.spans.delete('a5'));
    const before = await storedDigest(target);
    const crafted = tamper(backup.content, {
      end: (e) => void (e['digest'] = 'sha256:0000'),
    });
    const r = await restoreFromBackup(target, crafted, 'wrong-digest.jsonl');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatch(/did not match the backup .* rolled back\. Nothing was changed/);
    expect(await storedDigest(target)).toBe(before);
    expect(await target.spans.get('a5')).toBeUndefined();
    db.close();
  });

  it('a failure in the middle of writing leaves the database as it was', async () => {
    const { db, backup, digest } = await corpusWithBackup();
    await db.transaction('rw', db.spans, db.spanPacks, () => db.spans.delete('a5'));
    const before = await storedDigest(db);
    expect(before).not.toBe(digest);
    // Injected failure: the progress rows are written after the texts, documents and spans.
    const failing = (): void => {
      throw new Error('injected disk failure');
    };
    db.progress.hook('creating', failing);
    const r = await restoreFromBackup(db, backup.content, 'b.jsonl');
    db.progress.hook('creating').unsubscribe(failing);
    expect(r).toMatchObject({
      ok: false,
      error: expect.stringMatching(/injected disk failure.*rolled back\. Nothing was changed/),
    });
    expect(await storedDigest(db)).toBe(before);
    expect(await restoreFromBackup(db, backup.content, 'b.jsonl')).toMatchObject({ ok: true });
    expect(await storedDigest(db)).toBe(digest);
  });
});
