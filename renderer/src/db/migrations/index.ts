import type { Transaction } from 'dexie';

import * as v1 from './v001-initial-schema';
import * as v2 from './v002-span-packs';
import * as v3 from './v003-team-sync';
import * as v4 from './v004-gold-tables';
import * as v5 from './v005-covered-indexes';
import * as v6 from './v006-links';
import * as v7 from './v007-gold-status';
import * as v8 from './v008-batch-rows';
import * as v9 from './v009-batch-heads';

/**
 * Every released schema version in order. A version's file is never edited after release (a test
 * pins their hashes); a change adds `vNNN-<purpose>.ts` with its old and new row shapes and an
 * `upgrade` that runs inside Dexie's versionchange transaction, so a failure rolls back to the old
 * version with all data.
 */
export interface Migration {
  readonly version: number;
  readonly stores: Readonly<Record<string, string | null>>;
  /** Transforms rows of the previous version; `tx` is Dexie's upgrade transaction. */
  readonly upgrade?: (tx: Transaction) => Promise<void> | void;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: v1.VERSION, stores: v1.STORES },
  { version: v2.VERSION, stores: v2.STORES },
  { version: v3.VERSION, stores: v3.STORES },
  { version: v4.VERSION, stores: v4.STORES, upgrade: v4.upgrade },
  { version: v5.VERSION, stores: v5.STORES },
  { version: v6.VERSION, stores: v6.STORES },
  { version: v7.VERSION, stores: v7.STORES, upgrade: v7.upgrade },
  { version: v8.VERSION, stores: v8.STORES },
  { version: v9.VERSION, stores: v9.STORES, upgrade: v9.upgrade },
];

export const CURRENT_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
