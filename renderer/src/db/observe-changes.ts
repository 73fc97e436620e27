import Dexie, { cmp, RangeSet } from 'dexie';

/**
 * Calls `listener` after any committed write to the named database, from this window or another
 * (Dexie broadcasts between tabs), with the names of the tables written. Used to back up only while
 * there are changes, and to refresh the library. Returns the unsubscribe function.
 */
export function onDatabaseChanged(
  dbName: string,
  listener: (tables: ReadonlySet<string>) => void,
): () => void {
  const prefix = `idb://${dbName}/`;
  const handler = (parts: Record<string, unknown>): void => {
    const tables = new Set<string>();
    // Parts are `idb://${dbName}/${table}/${index}`.
    for (const part of Object.keys(parts))
      if (part.startsWith(prefix)) tables.add(part.slice(prefix.length).split('/')[0] ?? '');
    if (tables.size > 0) listener(tables);
  };
  Dexie.on('storagemutated', handler);
  return () => Dexie.on('storagemutated').unsubscribe(handler);
}

/**
 * For a bulk writer (the import worker's connection; call before it opens): its writes are not
 * announced key by key, and `announce()` tells every window once that each of its tables changed.
 *
 * Why: Dexie announces a commit to the other windows and workers with every key it wrote. After a
 * 100,000-line import that message was ~41 MB, and deserializing it froze the page's main thread for
 * ~0.5 s (measured with the bench's import; docs/architecture.md). One coarse announcement re-runs
 * the page's live queries just the same.
 */
export function announceInBulk(db: Dexie): { announce(): void } {
  db.unuse({ stack: 'dbcore', name: 'Observability' });
  return {
    announce() {
      const everything = new RangeSet(-Infinity, [[]]);
      const parts: Record<string, RangeSet> = { all: everything };
      for (const t of db.tables) parts[`idb://${db.name}/${t.name}/`] = everything;
      Dexie.on('storagemutated').fire(parts);
    },
  };
}

/** A range set's nodes as Dexie's observability middleware builds them (a key when from equals to). */
export interface RangeNode {
  from: unknown;
  to: unknown;
  l?: RangeNode;
  r?: RangeNode;
}

/** The keys of a range set, or 'all' when it holds a range. */
export function keysOf(set: RangeNode): unknown[] | 'all' {
  const keys: unknown[] = [];
  const stack: RangeNode[] = [set];
  while (stack.length > 0) {
    const n = stack.pop() as RangeNode;
    if (n.l) stack.push(n.l);
    if (n.r) stack.push(n.r);
    if (!('from' in n)) continue; // an empty set's root
    if (cmp(n.from, n.to) !== 0) return 'all';
    keys.push(n.from);
  }
  return keys;
}

/**
 * Calls `listener` after committed writes to one table with the primary keys written, or 'all'
 * when Dexie recorded a range instead of keys (a bulk write of 50 rows or more, a clear, a bulk
 * announcement): a view that folds rows one at a time re-reads only what changed, and everything
 * only when it must.
 */
export function onRowsChanged(
  dbName: string,
  table: string,
  listener: (keys: readonly unknown[] | 'all') => void,
): () => void {
  const part = `idb://${dbName}/${table}/`;
  const handler = (parts: Record<string, unknown>): void => {
    const set = parts[part] as RangeNode | undefined;
    if (!set) return;
    const keys = keysOf(set);
    if (keys === 'all') listener('all');
    else if (keys.length > 0) listener(keys);
  };
  Dexie.on('storagemutated', handler);
  return () => Dexie.on('storagemutated').unsubscribe(handler);
}
