import Dexie, { type Table } from 'dexie';

import { CURRENT_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations';
import type {
  DecisionRow,
  DocumentRow,
  GoldSpanRow,
  GoldStatusRow,
  ProgressRow,
  SettingRow,
  SpanPackRow,
  SpanRow,
  SyncCheckpointRow,
  SyncDocRow,
  TextRow,
} from './rows';
import type { LinkRow } from './link-rows';
import { spanPacksMiddleware } from './span-packs-middleware';

export const DEFAULT_DB_NAME = 'marginalia';
export { CURRENT_SCHEMA_VERSION };

/**
 * The Marginalia database. Every released version's declaration stays listed, in order, from its
 * own migration file. Transactions default to strict durability: a write reported as saved has
 * been flushed, so a crash or power cut right after "Saved" loses nothing.
 */
export class MarginaliaDb extends Dexie {
  documents!: Table<DocumentRow, string>;
  texts!: Table<TextRow, string>;
  spans!: Table<SpanRow, string>;
  progress!: Table<ProgressRow, [string, string]>;
  settings!: Table<SettingRow, string>;
  /** Derived from `spans` (db/span-pack.ts); kept correct by the span-packs middleware. */
  spanPacks!: Table<SpanPackRow, [string, string]>;
  /** Team sync (schema v3): the last copies shared with the server, and checkpoints. */
  syncDocs!: Table<SyncDocRow, [string, string]>;
  syncCheckpoints!: Table<SyncCheckpointRow, string>;
  /** Adjudication (schema v4): gold spans with their provenance, and rejected decisions. */
  goldSpans!: Table<GoldSpanRow, string>;
  decisions!: Table<DecisionRow, [string, string]>;
  /** Links between spans (schema v6), one row per link of one annotator. */
  links!: Table<LinkRow, string>;
  /** Gold's document status (schema v7); every other participant's is in `progress`. */
  goldStatus!: Table<GoldStatusRow, string>;
  /** Called when another window upgrades or deletes the database and this connection closed. */
  onReplaced: (() => void) | null = null;

  /** `migrations` is injectable so tests can append a failing or future version. */
  constructor(name: string = DEFAULT_DB_NAME, migrations: readonly Migration[] = MIGRATIONS) {
    super(name, { chromeTransactionDurability: 'strict' });
    for (const m of migrations) {
      const v = this.version(m.version).stores(m.stores);
      if (m.upgrade) v.upgrade(m.upgrade);
    }
    // Every write to `spans` drops the packs it makes stale, in its own transaction (which must
    // therefore include `spanPacks`; the middleware throws otherwise).
    this.use(spanPacksMiddleware);
    // Dexie's own handler closes with auto-reopen, and a reopen after another window upgraded would
    // open the newer schema with this (older) code. Close for good and let the app say "reload".
    this.on('versionchange', () => {
      this.close();
      this.onReplaced?.();
    });
  }
}

/** Opens (and upgrades) the database; rejects with Dexie's error when it cannot. */
export async function openDatabase(name: string = DEFAULT_DB_NAME): Promise<MarginaliaDb> {
  const db = new MarginaliaDb(name);
  await db.open();
  return db;
}
