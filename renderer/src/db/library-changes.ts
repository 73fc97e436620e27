import Dexie from 'dexie';

import { keysOf, type RangeNode } from './observe-changes';

/**
 * What a committed write changed that the library shows, by document: `documents` rows (title,
 * length), one annotator's span sets (counts) and statuses, and for a lead the team's statuses
 * (assignments and other annotators' statuses); `all` when a change cannot be told by key (a bulk
 * write recorded as a range, articles joining the team's list, batch rows, span rows without their
 * pack).
 */
export interface LibraryChange {
  all: boolean;
  readonly documents: Set<string>;
  readonly counts: Set<string>;
  readonly statuses: Set<string>;
  /** Documents whose assignments or other annotators' statuses changed (a lead's entries show them). */
  readonly team: Set<string>;
}

export const noLibraryChange = (): LibraryChange => ({
  all: false,
  documents: new Set(),
  counts: new Set(),
  statuses: new Set(),
  team: new Set(),
});

/** Tables whose changes the library follows only by reading everything again. */
const WHOLE = ['batches'];

/** Synced copies the library never shows: span sets, devices, roster members, design documents. */
const UNSHOWN_COPIES = ['spans:', 'device:', 'member:', '_'];

/**
 * A synced copy ([server database, id]) by what it means to the library: an assignment changes its
 * document's team statuses; an article's copy (the team's list) needs a whole read; the rest (span
 * sets, whose spans and statuses arrive in their own tables, devices, the roster) shows nowhere.
 * Why by key: a lead's library re-read everything for each pulled span set (10,000 articles: 2.5–
 * 6.6 s at load 14–17, and the Agreement view's refresh waited behind it; bench sync phase).
 */
function foldSyncCopies(keys: unknown[] | 'all' | null, into: LibraryChange): void {
  if (keys === 'all') into.all = true;
  else
    for (const key of keys ?? []) {
      const id = (key as [string, string])[1];
      if (id.startsWith('assign:')) into.team.add(id.slice('assign:'.length));
      else if (!UNSHOWN_COPIES.some((p) => id.startsWith(p))) into.all = true;
    }
}

/**
 * Folds one `storagemutated` announcement into `into` (parts are `idb://${dbName}/${table}/${index}`,
 * the primary keys under the table's own part). Returns the tables it named.
 */
export function foldLibraryChange(
  dbName: string,
  annotator: string,
  parts: Record<string, unknown>,
  into: LibraryChange,
): Set<string> {
  const prefix = `idb://${dbName}/`;
  const tables = new Set<string>();
  for (const part of Object.keys(parts))
    if (part.startsWith(prefix)) tables.add(part.slice(prefix.length).split('/')[0] ?? '');
  const keys = (table: string): unknown[] | 'all' | null => {
    const set = parts[`${prefix}${table}/`] as RangeNode | undefined;
    return set ? keysOf(set) : tables.has(table) ? 'all' : null;
  };
  if (WHOLE.some((t) => tables.has(t)) || (tables.has('spans') && !tables.has('spanPacks'))) into.all = true;
  const docs = keys('documents');
  if (docs === 'all') into.all = true;
  else docs?.forEach((id) => into.documents.add(id as string));
  foldSyncCopies(keys('syncDocs'), into);
  // Pairs [docId, annotator]: another annotator's span sets do not show in this library, their
  // statuses only in a lead's (the team's column).
  for (const [table, target, others] of [
    ['spanPacks', into.counts, null],
    ['progress', into.statuses, into.team],
  ] as const) {
    const k = keys(table);
    if (k === 'all') into.all = true;
    else
      for (const key of k ?? []) {
        const [docId, who] = key as [string, string];
        if (who === annotator) target.add(docId);
        else others?.add(docId);
      }
  }
  const gold = keys('goldStatus');
  if (gold === 'all') into.all = true;
  else gold?.forEach((id) => into.statuses.add(id as string));
  return tables;
}

/**
 * Calls `listener` after committed writes to the named database (this window or another) with the
 * tables written; `change` has gathered their keys by then, until the caller takes it.
 */
export function onLibraryChanged(
  dbName: string,
  annotator: string,
  change: () => LibraryChange,
  listener: (tables: ReadonlySet<string>) => void,
): () => void {
  const handler = (parts: Record<string, unknown>): void => {
    const tables = foldLibraryChange(dbName, annotator, parts, change());
    if (tables.size > 0) listener(tables);
  };
  Dexie.on('storagemutated', handler);
  return () => Dexie.on('storagemutated').unsubscribe(handler);
}
