/** Which span packs a span writer knows are absent; read by span-packs-middleware.ts (Dexie-free). */

/**
 * Sets known to have no pack in a transaction (their JSON keys, as `setKeys` writes them), declared
 * by a writer that read the pack keys inside it and writes no pack itself: deleting a pack that does
 * not exist is a request per set for nothing (100,000 of them in a 100,000-line import).
 */
const absentPacks = new WeakMap<object, ReadonlySet<string>>();

export const absentPacksOf = (trans: object): ReadonlySet<string> | undefined => absentPacks.get(trans);

export function declareAbsentPacks(trans: IDBTransaction, keys: ReadonlySet<string>): void {
  absentPacks.set(trans, keys);
}

/** The key `declareAbsentPacks` expects for a set. */
export const packSetKey = (docId: string, annotator: string): string => JSON.stringify([docId, annotator]);
