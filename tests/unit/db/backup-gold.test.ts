import { describe, expect, it } from 'vitest';

import { MIGRATIONS } from '../../../renderer/src/db/migrations';
import { loadAdjudication } from '../../../renderer/src/db/repositories/adjudication';
import { createBackup, restoreFromBackup } from '../../../renderer/src/db/repositories/backup';
import { storedDigest } from '../../../renderer/src/db/repositories/restore';
import { tamper, type Json } from './backup-tamper';
import { ASTRAL, fillCorpus } from './durability-corpus';
import { freshDb, newDb } from './fresh-db';
import { documentIdForText } from '../../../renderer/src/core/text/text-hash';

const info = { reason: 'manual', appVersion: 'test', createdAt: '2025-01-01T00:00:00.000Z' };
const astral = documentIdForText(ASTRAL);
const provenance = {
  proposedBy: ['alice'],
  decidedBy: 'carol',
  decidedAt: '2025-01-01T00:00:00.000Z',
  action: 'accepted',
  decision: 'd1',
};
const rejection = {
  decision: 'd9',
  decidedBy: 'carol',
  decidedAt: '2025-01-02T00:00:00.000Z',
  reason: 'ambiguous_text',
};

/** A schema v3 database as adjudication left it: gold under "gold" in spans, rejections in settings. */
async function v3Backup(): Promise<string> {
  const db = newDb('gold-v3', MIGRATIONS.slice(0, 3));
  await db.open();
  await db.documents.add({
    id: astral,
    title: 'A',
    length: Array.from(ASTRAL).length,
    source: 't',
    meta: {},
    order: 0,
    addedAt: 1,
  });
  await db.texts.add({ id: astral, text: ASTRAL });
  await db.transaction('rw', db.table('spans'), db.spanPacks, () =>
    db.table('spans').bulkAdd([
      {
        id: 'a1',
        docId: astral,
        annotator: 'alice',
        start: 0,
        end: 9,
        label: 'quote',
        note: '',
        updatedAt: 1,
      },
      {
        id: 'g1',
        docId: astral,
        annotator: 'gold',
        start: 0,
        end: 9,
        label: 'quote',
        note: 'n',
        updatedAt: 2,
        provenance,
      },
    ]),
  );
  await db.progress.add({ docId: astral, annotator: 'gold', status: 'done', updatedAt: 3 });
  await db.settings.add({ key: `adjudication:rejections:${astral}`, value: [rejection] });
  return (await createBackup(db, info)).content;
}

describe('backups of gold and decisions (schema v4)', () => {
  it('a backup made with schema v3 restores: gold to goldSpans, stored rejections to decisions', async () => {
    const content = await v3Backup();
    expect(JSON.parse(content.split('\n')[0]!)).toMatchObject({ db_schema_version: 3 });
    const db = await freshDb('gold-restore');
    const r = await restoreFromBackup(db, content, 'old.jsonl');
    expect(r).toMatchObject({ ok: true, value: { spans: 2 } });
    expect(await db.spans.where('annotator').equals('gold').count()).toBe(0);
    expect(await db.goldSpans.toArray()).toMatchObject([{ id: 'g1', docId: astral, note: 'n', provenance }]);
    expect(await db.decisions.toArray()).toEqual([{ ...rejection, docId: astral }]);
    expect(await db.settings.get(`adjudication:rejections:${astral}`)).toBeUndefined();
    const data = await loadAdjudication(db, astral, ['alice']);
    expect(data).toMatchObject({ rejections: [rejection], status: 'done', gold: [{ id: 'g1', provenance }] });
  });

  it('a new backup carries gold as its records and the decisions table, and restores them exactly', async () => {
    const db = await freshDb('gold-new');
    await fillCorpus(db);
    const backup = await createBackup(db, info);
    const header = JSON.parse(backup.content.split('\n')[0]!) as Json;
    expect(header['extra_tables']).toMatchObject({
      decisions: [expect.objectContaining({ decision: 'd2' })],
    });
    expect(header['extra_tables']).not.toHaveProperty('goldSpans');
    expect(backup.content).toMatch(/"annotator":"gold"/);
    const target = await freshDb('gold-new-target');
    expect(await restoreFromBackup(target, backup.content, 'b')).toMatchObject({ ok: true });
    expect(await target.goldSpans.toArray()).toEqual(
      (await db.goldSpans.toArray()).map((g) => ({ ...g, updatedAt: expect.any(Number) })),
    );
    expect(await target.decisions.toArray()).toEqual(await db.decisions.toArray());
    expect(await storedDigest(target)).toBe(backup.digest);
  });

  it('refuses crafted decisions and a goldSpans table in the header, changing nothing', async () => {
    const db = await freshDb('gold-attack');
    await fillCorpus(db);
    const { content } = await createBackup(db, info);
    const before = await storedDigest(db);
    const edits: [(h: Json) => void, RegExp][] = [
      [
        (h) =>
          ((h['extra_tables'] as Json)['decisions'] = [
            { docId: 'nope', decision: 'x', decidedBy: 'c', decidedAt: 'd' },
          ]),
        /names a missing document/,
      ],
      [
        (h) =>
          ((h['extra_tables'] as Json)['decisions'] = [{ docId: astral, decision: 'x', decidedAt: 'd' }]),
        /who decided when/,
      ],
      [
        (h) => ((h['extra_tables'] as Json)['goldSpans'] = [{ id: 'z', docId: astral, start: 0, end: 999 }]),
        /only its records may fill/,
      ],
      [
        (h) =>
          ((h['settings'] as Json)[`adjudication:rejections:${astral}`] = [
            { decision: 'y', decidedBy: 'c', decidedAt: 'd', reason: 'whim' },
          ]),
        /unknown reason/,
      ],
    ];
    for (const [edit, message] of edits) {
      const r = await restoreFromBackup(db, tamper(content, { header: edit }), 'evil.jsonl');
      expect(r).toMatchObject({ ok: false, error: expect.stringMatching(message) });
      expect(await storedDigest(db)).toBe(before);
    }
  });
});
