import Dexie, { type Table } from 'dexie';

import * as v1 from './migrations/v001-initial-schema';
import type { DocumentRow, ProgressRow, SettingRow, SpanRow, TextRow } from './rows';

export const DEFAULT_DB_NAME = 'marginalia';

/**
 * The Marginalia database. Every released version's declaration stays listed here in order, each
 * from its own migration file. Transactions default to strict durability: a write reported as
 * saved has been flushed, so a crash or power cut right after "Saved" loses nothing.
 */
export class MarginaliaDb extends Dexie {
  documents!: Table<DocumentRow, string>;
  texts!: Table<TextRow, string>;
  spans!: Table<SpanRow, string>;
  progress!: Table<ProgressRow, [string, string]>;
  settings!: Table<SettingRow, string>;

  constructor(name: string = DEFAULT_DB_NAME) {
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(v1.VERSION).stores(v1.STORES);
  }
}

/** Opens (and upgrades) the database; rejects with Dexie's error when it cannot. */
export async function openDatabase(name: string = DEFAULT_DB_NAME): Promise<MarginaliaDb> {
  const db = new MarginaliaDb(name);
  await db.open();
  return db;
}
