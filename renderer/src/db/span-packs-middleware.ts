import Dexie, {
  type DBCore,
  type DBCoreKeyRange,
  type DBCoreMutateRequest,
  type DBCoreTable,
  type Middleware,
} from 'dexie';

import { absentPacksOf, packSetKey } from './absent-packs';

export const SPANS_TABLE = 'spans';
export const PACKS_TABLE = 'spanPacks';
export const PACK_SCOPE_ERROR = 'a transaction writing spans must include spanPacks';

/** Every key (Dexie's own "any range"); `type` 3 is DBCoreRangeType.Any, a const enum in the types. */
const EVERY_KEY = { type: 3, lower: -Infinity, lowerOpen: false, upper: [[]], upperOpen: false };

type SetKey = [docId: string, annotator: string];

/** The distinct (docId, annotator) of some span rows; undefined entries (absent keys) are skipped. */
function setKeys(rows: readonly unknown[], absent?: ReadonlySet<string>): SetKey[] {
  const out = new Map<string, SetKey>();
  for (const row of rows) {
    if (!row || typeof row !== 'object') continue;
    const { docId, annotator } = row as { docId: string; annotator: string };
    const key = packSetKey(docId, annotator);
    if (!absent?.has(key)) out.set(key, [docId, annotator]);
  }
  return [...out.values()];
}

/** The primary keys of the rows a put replaces or a delete removes (a put may move a row to another set). */
function replacedKeys(spans: DBCoreTable, req: DBCoreMutateRequest): unknown[] {
  if (req.type === 'delete') return req.keys;
  if (req.type !== 'put') return [];
  const keys = req.keys ?? req.values.map((v) => spans.schema.primaryKey.extractKey?.(v));
  return keys.filter((k) => k !== undefined && k !== null);
}

/** The scope check: a writer that forgot `spanPacks` fails here, in tests, not by serving stale packs. */
function requirePacksInScope(trans: unknown): void {
  const names = (trans as { objectStoreNames?: DOMStringList }).objectStoreNames;
  if (names && !names.contains(PACKS_TABLE)) throw new Error(PACK_SCOPE_ERROR);
}

/**
 * Keeps span packs from ever going stale: every mutation of `spans` first drops, in the same
 * transaction, the packs of the sets it touches (those of the rows it writes, replaces or removes),
 * so a pack either postdates every write to its set or does not exist. A range delete (`clear()`)
 * drops every pack. Writers that keep a pack current (applyAnnotationCommand) write the new pack
 * after the row, in the same transaction.
 *
 * No `async`/`await` here: Dexie tracks the current transaction in a zone that survives `.then` on
 * the promises the lower layer returns but not a native `await` of other promises (then the hooks
 * layer below finds no transaction). So everything chains on lower-layer promises, as Dexie's own
 * Collection.modify does.
 */
export const spanPacksMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'span-packs',
  create: (down) => ({
    ...down,
    table(name) {
      const table = down.table(name);
      if (name !== SPANS_TABLE) return table;
      return {
        ...table,
        mutate: (req) => {
          try {
            requirePacksInScope(req.trans);
          } catch (e) {
            return Dexie.Promise.reject(e);
          }
          const packs = down.table(PACKS_TABLE);
          const trans = req.trans;
          if (req.type === 'deleteRange') {
            return packs
              .mutate({ type: 'deleteRange', trans, range: EVERY_KEY as DBCoreKeyRange })
              .then(() => table.mutate(req));
          }
          const written = req.type === 'delete' ? [] : req.values;
          const absent = absentPacksOf(trans as object);
          // Dexie.Promise, not a native one: it keeps Dexie's zone for table.mutate below.
          const drop = (replaced: readonly unknown[]): Promise<unknown> => {
            const keys = setKeys([...written, ...replaced], absent);
            return keys.length === 0
              ? Dexie.Promise.resolve()
              : packs.mutate({ type: 'delete', trans, keys });
          };
          const keys = replacedKeys(table, req);
          const dropped = keys.length > 0 ? table.getMany({ trans, keys }).then(drop) : drop([]);
          return dropped.then(() => table.mutate(req));
        },
      };
    },
  }),
};
