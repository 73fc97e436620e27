import type { DBCoreTable } from 'dexie';

import type { MarginaliaDb } from '../../../renderer/src/db/database';

/**
 * Rows each table handed out (values of gets and queries; a cursor counts once, when opened), counted below Dexie, and
 * `table.count` for each count request (Chromium walks every key to count). Install before open.
 */
export function countReads(db: MarginaliaDb): Map<string, number> {
  const reads = new Map<string, number>();
  const add = (table: string, n: number): void => void reads.set(table, (reads.get(table) ?? 0) + n);
  db.use({
    stack: 'dbcore',
    name: 'count-reads',
    create: (down) => ({
      ...down,
      table(name: string): DBCoreTable {
        const t = down.table(name);
        // No async functions here: a native promise between two requests lets the transaction commit.
        return {
          ...t,
          get: (req) => {
            add(name, 1);
            return t.get(req);
          },
          getMany: (req) => {
            add(name, req.keys.length);
            return t.getMany(req);
          },
          query: (req) =>
            t.query(req).then((res) => {
              add(name, res.result.length);
              return res;
            }),
          openCursor: (req) =>
            t.openCursor(req).then((cursor) => {
              if (cursor) add(name, 1);
              return cursor;
            }),
          count: (req) => {
            add(`${name}.count`, 1);
            return t.count(req);
          },
        };
      },
    }),
  });
  return reads;
}
