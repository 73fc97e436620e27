/**
 * Schema version 3: what a team's sync keeps (docs/team.md, "Step 2"). Never edit after release:
 * later versions add a new file.
 *
 * `syncDocs` holds, per server database and document id, the last version this replica and the
 * server had in common: for span sets the whole document (the merge base, with its `_rev`), for
 * assignments the document, for articles only the id and revision (the text is in `texts`). Its
 * rows in a project's articles database are the team's documents, which the library shows while
 * connected. `syncCheckpoints` holds the `_changes` sequence each followed database was read up to,
 * written in the same transaction as the documents it covers. Both tables start empty: no upgrade.
 */
export const VERSION = 3;

/** Dexie store declarations added by version 3 (primary key first, then indexes). */
export const STORES = {
  syncDocs: '[db+id], db',
  syncCheckpoints: 'db',
} as const;

/** Row shapes of version 3's new tables, for reference by later migrations. */
export interface V3SyncDocRow {
  db: string;
  id: string;
  rev: string;
  doc: Record<string, unknown> | null;
}
export interface V3SyncCheckpointRow {
  db: string;
  seq: string | number;
}
