import type { Transaction } from 'dexie';

/**
 * Schema version 7: gold's document status in its own table (issue 17). Never edit after release:
 * later versions add a new file.
 *
 * Until v6, gold's status was a `progress` row under the reserved annotator name "gold". The
 * upgrade moves every such row to `goldStatus` (key `docId`, its fields verbatim minus
 * `annotator`) and removes it from `progress`, inside Dexie's versionchange transaction (a failure
 * rolls everything back to v6). Backups and team sync still carry it as the participant "gold".
 */
export const VERSION = 7;

/** Dexie store declarations added by version 7 (primary key first, then indexes). */
export const STORES = {
  goldStatus: 'docId',
} as const;

/** Row shape of version 7's new table, for reference by later migrations. */
export interface V7GoldStatusRow {
  docId: string;
  status: 'todo' | 'in_progress' | 'done';
  updatedAt: number;
}

const GOLD = 'gold';

export async function upgrade(tx: Transaction): Promise<void> {
  const gold = tx.table('progress').where('annotator').equals(GOLD);
  const rows = (await gold.toArray()) as Record<string, unknown>[];
  await tx.table('goldStatus').bulkPut(
    rows.map((row) => {
      const { annotator: _gold, ...rest } = row;
      return rest;
    }),
  );
  await gold.delete();
}
