import type { Transaction } from 'dexie';
import { describe, expect, it } from 'vitest';

import { openAppDatabase } from '../../../renderer/src/app/startup/open-app-database';
import { readBackupEnvelope } from '../../../renderer/src/core/backup/backup-read';
import { CURRENT_SCHEMA_VERSION, MarginaliaDb } from '../../../renderer/src/db/database';
import { MIGRATIONS } from '../../../renderer/src/db/migrations';
import { storedDigest } from '../../../renderer/src/db/repositories/restore';
import { storedSchemaVersion } from '../../../renderer/src/db/schema-probe';
import { dbFixtures, dumpStores, loadFixture, memorySink, type DbFixture } from './db-fixtures';

let n = 0;
const fresh = (): string => `mig-${process.pid}-${n++}`;
const sortRows = (rows: unknown[]) => [...rows].map((r) => JSON.stringify(r)).sort();

type Row = Record<string, unknown>;

/**
 * What an older fixture's rows become at today's version: v7 moved gold's status (below); v4 moved gold spans (annotator "gold")
 * from `spans` to `goldSpans` (same fields minus `annotator`) and each document's rejections from
 * the setting `adjudication:rejections:<docId>` to `decisions` rows (fields plus `docId`).
 */
function expectedStores(fixture: DbFixture): Record<string, Row[]> {
  const stores = { ...fixture.stores } as Record<string, Row[]>;
  if (fixture.version < 7) {
    // v7 moved gold's status rows (annotator "gold") from `progress` to `goldStatus`.
    const progress = stores['progress'] ?? [];
    stores['progress'] = progress.filter((r) => r['annotator'] !== 'gold');
    stores['goldStatus'] = progress
      .filter((r) => r['annotator'] === 'gold')
      .map(({ annotator: _gold, ...rest }) => rest);
  }
  if (fixture.version >= 4) return stores;
  const spans = stores['spans'] ?? [];
  stores['spans'] = spans.filter((r) => r['annotator'] !== 'gold');
  stores['goldSpans'] = spans
    .filter((r) => r['annotator'] === 'gold')
    .map(({ annotator: _gold, ...rest }) => rest);
  const prefix = 'adjudication:rejections:';
  const settings = stores['settings'] ?? [];
  stores['settings'] = settings.filter((r) => !String(r['key']).startsWith(prefix));
  stores['decisions'] = settings
    .filter((r) => String(r['key']).startsWith(prefix))
    .flatMap((r) =>
      (r['value'] as Row[]).map((d) => ({ ...d, docId: String(r['key']).slice(prefix.length) })),
    );
  return stores;
}

describe('schema upgrades from every released version', () => {
  it('has a fixture for every released schema version', () => {
    expect(dbFixtures().map((f) => f.fixture.version)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  for (const { file, fixture } of dbFixtures()) {
    it(`${file}: upgrades to v${CURRENT_SCHEMA_VERSION} with nothing lost or changed`, async () => {
      const name = fresh();
      await loadFixture(name, fixture);
      const sink = memorySink();
      const result = await openAppDatabase({ name, sink });
      expect(result.kind).toBe('ready');
      if (result.kind !== 'ready') return;
      expect(result.db.verno).toBe(CURRENT_SCHEMA_VERSION);
      // Every row is kept, identical, in the table today's version keeps it in.
      for (const [table, rows] of Object.entries(expectedStores(fixture)))
        expect(sortRows(await result.db.table(table).toArray()), table).toEqual(sortRows(rows));
      // A pre-upgrade backup exists exactly when an upgrade ran.
      expect(sink.files.size).toBe(fixture.version < CURRENT_SCHEMA_VERSION ? 1 : 0);
      await result.db.delete();
    });
  }
});

const failingV2 = [
  ...MIGRATIONS,
  {
    version: CURRENT_SCHEMA_VERSION + 1,
    stores: { spans: 'id, [docId+annotator], annotator, docId, label' },
    upgrade: async (tx: Transaction) => {
      await tx
        .table('spans')
        .toCollection()
        .modify((r: { note: string }) => {
          r.note = 'rewritten by a broken upgrade';
        });
      throw new Error('injected upgrade failure');
    },
  },
];

describe('a failing upgrade', () => {
  it('keeps the old version and every row, backs up first and says so', async () => {
    const { fixture } = dbFixtures().at(-1) as ReturnType<typeof dbFixtures>[number];
    const name = fresh();
    await loadFixture(name, fixture);
    const before = await dumpStores(name);
    const sink = memorySink();
    const result = await openAppDatabase({ name, sink, migrations: failingV2 });
    expect(result).toMatchObject({
      kind: 'problem',
      title: `Upgrading your data to version ${CURRENT_SCHEMA_VERSION + 1} failed`,
      message: expect.stringMatching(/rolled back.*unchanged/),
      detail: expect.stringMatching(/injected upgrade failure/),
    });
    expect(await storedSchemaVersion(name)).toBe(fixture.version);
    expect(await dumpStores(name)).toEqual(before);
    const [backup] = [...sink.files.values()];
    expect(backup && readBackupEnvelope(backup).ok).toBe(true);
    expect(JSON.parse((backup ?? '').split('\n')[0] ?? '{}')).toMatchObject({ reason: 'before-upgrade' });
    // The current app still opens it afterwards.
    const again = await openAppDatabase({ name, sink });
    expect(again.kind).toBe('ready');
    if (again.kind === 'ready') await again.db.delete();
  });
});

describe('start-up never hangs or wipes', () => {
  it('refuses a database written by a newer app, leaving it untouched', async () => {
    const { fixture } = dbFixtures()[0] as ReturnType<typeof dbFixtures>[number];
    const name = fresh();
    await loadFixture(name, fixture);
    const newer = new MarginaliaDb(name, [
      ...MIGRATIONS,
      { version: CURRENT_SCHEMA_VERSION + 1, stores: { extra: 'id' } },
    ]);
    await newer.open();
    const digest = await storedDigest(newer);
    newer.close();
    const result = await openAppDatabase({ name, sink: memorySink() });
    expect(result).toMatchObject({ kind: 'problem', title: 'This data needs a newer Marginalia' });
    expect(await storedSchemaVersion(name)).toBe(CURRENT_SCHEMA_VERSION + 1);
    const check = new MarginaliaDb(name, [
      ...MIGRATIONS,
      { version: CURRENT_SCHEMA_VERSION + 1, stores: { extra: 'id' } },
    ]);
    await check.open();
    expect(await storedDigest(check)).toBe(digest);
    await check.delete();
  });

  it('reports a blocked upgrade (another tab holds the old version) within the deadline', async () => {
    const { fixture } = dbFixtures()[0] as ReturnType<typeof dbFixtures>[number];
    const name = fresh();
    await loadFixture(name, fixture);
    // An old tab that never closes on versionchange, as a raw connection.
    const holder = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const started = Date.now();
    const result = await openAppDatabase({
      name,
      sink: memorySink(),
      deadlineMs: 2_000,
      migrations: [...MIGRATIONS, { version: CURRENT_SCHEMA_VERSION + 1, stores: { extra: 'id' } }],
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result).toMatchObject({ kind: 'problem', title: 'Another Marginalia window is still open' });
    expect(holder.version).toBe(fixture.version * 10);
    holder.close();
  });
});
