import Dexie from 'dexie';

import { keysOf, type RangeNode } from './observe-changes';

/**
 * What a committed write changed that the library shows, by document: `documents` rows (title,
 * length), one annotator's span sets (counts) and statuses; `all` when a change cannot be told by
 * key (a bulk write recorded as a range, a team's list, batch rows, span rows without their pack).
 */
export interface LibraryChange {
  all: boolean;
  readonly documents: Set<string>;
  readonly counts: Set<string>;
  readonly statuses: Set<string>;
}

export const noLibraryChange = (): LibraryChange => ({
  all: false,
  documents: new Set(),
  counts: new Set(),
  statuses: new Set(),
});

/** Tables whose changes the library follows only by reading everything again. */
const WHOLE = ['syncDocs', 'batches'];

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
  // Pairs [docId, annotator]: another annotator's sets and statuses do not show in this library.
  for (const [table, target] of [
    ['spanPacks', into.counts],
    ['progress', into.statuses],
  ] as const) {
    const k = keys(table);
    if (k === 'all') into.all = true;
    else
      for (const key of k ?? []) {
        const [docId, who] = key as [string, string];
        if (who === annotator) target.add(docId);
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
