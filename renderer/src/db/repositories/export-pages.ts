import type { ExportDataset } from '../../core/formats/export-types';
import type { MarginaliaDb } from '../database';
import type { DocumentRow } from '../rows';
import { readExportPage } from './export-dataset';
import { statusTables } from './progress';

/** Documents per page: ~1–2 MB of records for news articles, few enough requests to be fast. */
export const EXPORT_PAGE_DOCUMENTS = 500;

/**
 * The next page of documents in library order after `after` (the last `order` already read): up to
 * `size` rows, plus every row sharing the page's last `order` value, so a tie is never split across
 * pages (the `order` index lists ties by id, as `orderBy('order')` does).
 */
async function nextRows(db: MarginaliaDb, after: number | null, size: number): Promise<DocumentRow[]> {
  const from = after === null ? db.documents.orderBy('order') : db.documents.where('order').above(after);
  const rows = await from.limit(size).toArray();
  const last = rows[rows.length - 1];
  if (!last || rows.length < size) return rows;
  const ties = await db.documents.where('order').equals(last.order).toArray();
  return [...rows.filter((r) => r.order !== last.order), ...ties];
}

/**
 * Every document of the library in library order with the chosen annotators' sets, one page at a
 * time, never the whole library at once: memory stays bounded by a page, whatever the library's size.
 * Each page is read in its own transaction, so each page is a consistent snapshot; edits made while a
 * long export runs show in the pages read after them.
 */
export async function* exportPages(
  db: MarginaliaDb,
  annotators: readonly string[],
  includeUntouched: boolean,
  size = EXPORT_PAGE_DOCUMENTS,
): AsyncGenerator<ExportDataset> {
  const read = (after: number | null) =>
    db.transaction('r', [db.documents, db.texts, db.spans, db.goldSpans, ...statusTables(db)], async () => {
      const rows = await nextRows(db, after, size);
      const last = rows[rows.length - 1];
      if (!last) return null;
      return { after: last.order, page: await readExportPage(db, rows, annotators, includeUntouched) };
    });
  // The next page is read while the caller writes this one (reading is most of an export's time).
  let next = read(null);
  for (;;) {
    const got = await next;
    if (!got) return;
    next = read(got.after);
    // A reader that stops early (Cancel, a failed write) must not leave a rejection unhandled.
    next.catch(() => undefined);
    yield got.page;
  }
}
