import { describe, expect, it } from 'vitest';

import type { Link } from '../../../renderer/src/core/links/link';
import { MIGRATIONS } from '../../../renderer/src/db/migrations';
import { applyAnnotationCommand } from '../../../renderer/src/db/repositories/annotations';
import { createBackup, restoreFromBackup } from '../../../renderer/src/db/repositories/backup';
import { addDocuments } from '../../../renderer/src/db/repositories/documents';
import { applyLinkCommand } from '../../../renderer/src/db/repositories/links';
import { storedDigest } from '../../../renderer/src/db/repositories/restore';
import type { MarginaliaDb } from '../../../renderer/src/db/database';
import { tamper, type Json } from './backup-tamper';
import { freshDb, newDb } from './fresh-db';

const info = { reason: 'manual', appVersion: 'test', createdAt: '2026-12-05T00:00:00.000Z' };

async function linked(db: MarginaliaDb): Promise<Link> {
  const { ids } = await addDocuments(db, [
    { text: 'OpenAI keeps 😀 working with Scale AI.', source: 't', title: 'Keeps' },
    { text: 'OpenAI winds down its Scale AI work.', source: 't', title: 'Ends' },
  ]);
  const [a, b] = ids as [string, string];
  await applyAnnotationCommand(db, a, 'alice', {
    kind: 'create',
    span: { id: 's1', start: 0, end: 12, label: 'claim', note: '' },
  });
  await applyAnnotationCommand(db, b, 'alice', {
    kind: 'create',
    span: { id: 's2', start: 0, end: 18, label: 'claim', note: '' },
  });
  const link: Link = {
    id: 'l1',
    annotator: 'alice',
    relation: 'contradicts',
    from: { docId: a, start: 0, end: 12 },
    to: { docId: b, start: 0, end: 18 },
    note: 'n',
  };
  await applyLinkCommand(db, { kind: 'create_link', link });
  return link;
}

describe('links in backups (schema v6)', () => {
  it('a backup carries the links and restores them exactly, digest kept', async () => {
    const db = await freshDb('backup-links');
    await linked(db);
    const backup = await createBackup(db, info);
    const header = JSON.parse(backup.content.split('\n')[0]!) as Json;
    expect((header['extra_tables'] as Json)['links']).toEqual(await db.links.toArray());
    const target = await freshDb('backup-links-target');
    expect(await restoreFromBackup(target, backup.content, 'b.jsonl')).toMatchObject({ ok: true });
    expect(await target.links.toArray()).toEqual(await db.links.toArray());
    expect(await storedDigest(target)).toBe(backup.digest);
  });

  it('a backup made before links existed (schema v5) restores, its digest checked as made', async () => {
    const old = newDb('backup-v5', MIGRATIONS.slice(0, 5));
    await old.open();
    const { ids } = await addDocuments(old, [{ text: 'Made before links.', source: 't', title: 'Old' }]);
    await old.transaction('rw', old.spans, old.spanPacks, () =>
      old.spans.add({
        id: 'x',
        docId: ids[0]!,
        annotator: 'bob',
        start: 0,
        end: 4,
        label: 'claim',
        note: '',
        updatedAt: 1,
      }),
    );
    const backup = await createBackup(old, info);
    expect(JSON.parse(backup.content.split('\n')[0]!)).toMatchObject({ db_schema_version: 5 });
    expect(backup.content).not.toContain('"links"');
    const db = await freshDb('backup-v5-target');
    const r = await restoreFromBackup(db, backup.content, 'old.jsonl');
    expect(r).toMatchObject({ ok: true });
    expect(await db.spans.count()).toBe(1);
    expect(await db.links.count()).toBe(0);
  });

  it('refuses crafted links in the header, changing nothing', async () => {
    const db = await freshDb('backup-links-attack');
    const link = await linked(db);
    const { content } = await createBackup(db, info);
    const before = await storedDigest(db);
    const row = { ...link, updatedAt: 1 };
    const edits: [unknown[], RegExp][] = [
      [[{ ...row, to: { ...link.to, end: 17 } }], /alice has no span at 0–17/],
      [[{ ...row, relation: 'refutes' }], /relation "refutes" is not known/],
      [[{ ...row, to: link.from }], /two different spans/],
      [[row, row], /appears twice/],
      [[{ ...row, annotator: 'mallory' }], /mallory has no span/],
      [[{ ...row, extra: 1 }], /field "extra"/],
    ];
    for (const [rows, message] of edits) {
      const evil = tamper(content, { header: (h) => ((h['extra_tables'] as Json)['links'] = rows) });
      const r = await restoreFromBackup(db, evil, 'evil.jsonl');
      expect(r).toMatchObject({ ok: false, error: expect.stringMatching(message) });
      expect(await storedDigest(db)).toBe(before);
    }
  });
});
