import { articleDoc, type ArticleDoc } from '../../renderer/src/core/sync/article-doc';
import { articlesDb } from '../../renderer/src/core/sync/project-layout';
import type { ImportedDocument } from '../../renderer/src/core/formats/import-types';
import { sentence, type Connection } from './connect';

/** Requests stay well below CouchDB's request and document limits. */
const BATCH_BYTES = 4_000_000;
const BATCH_DOCS = 500;

export interface AddArticlesResult {
  readonly added: number;
  readonly present: number;
}

/** Splits documents into `_bulk_docs` batches by count and JSON size. */
export function batches<T>(docs: readonly T[], maxBytes = BATCH_BYTES, maxDocs = BATCH_DOCS): T[][] {
  const out: T[][] = [];
  let cur: T[] = [];
  let bytes = 0;
  for (const d of docs) {
    const size = JSON.stringify(d).length;
    if (cur.length > 0 && (cur.length >= maxDocs || bytes + size > maxBytes)) {
      out.push(cur);
      cur = [];
      bytes = 0;
    }
    cur.push(d);
    bytes += size;
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

/**
 * Stores validated articles (the import already refused any file with a problem). Articles are
 * content-addressed and immutable, so one already there is left alone and a repeated run adds only
 * what is missing — also after a run cut short by the network.
 */
export async function uploadArticles(
  c: Connection,
  documents: readonly ImportedDocument[],
  now: string,
): Promise<AddArticlesResult | { fail: string }> {
  const db = articlesDb(c.project);
  const unique = new Map<string, ImportedDocument>();
  for (const d of documents) if (!unique.has(d.id)) unique.set(d.id, d);
  const ids = [...unique.keys()];
  const missing: ArticleDoc[] = [];
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await c.client.allDocs(db, { keys: ids.slice(i, i + 1000) });
    if (!rows.ok) return { fail: sentence(rows.error, c.url, 'read the articles') };
    for (const row of rows.value)
      if (row.error || row.value?.deleted)
        missing.push(articleDoc(unique.get(row.key) as ImportedDocument, now));
  }
  let added = 0;
  for (const batch of batches(missing)) {
    const w = await c.client.bulkDocs(db, batch);
    if (!w.ok) return { fail: sentence(w.error, c.url, 'store the articles') };
    for (const r of w.value) {
      if (r.ok || r.rev) added++;
      else if (r.error !== 'conflict')
        return {
          fail: `The server at ${c.url} refused article ${r.id}: ${r.reason ?? r.error ?? 'unknown'}.`,
        };
    }
  }
  return { added, present: unique.size - added };
}
