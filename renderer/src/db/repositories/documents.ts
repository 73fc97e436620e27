import { deriveTitle, normalizePlainText, type ArticleDocument } from '../../core/model/document';
import { documentIdForText } from '../../core/text/text-hash';
import type { MarginaliaDb } from '../database';
import { batchEntryOf } from '../batch-store';
import { listLibrary } from '../corpus/library';
import { decodeBatchEntry } from '../batch-rows';
import { batchesEnd, idsInBatches } from '../batch-import';
import { batchTables } from '../corpus/library-batches';
import { documentToRow, rowsToDocument, type DocumentRow } from '../rows';

/**
 * Library listing (no texts), in import order: per-document rows and documents held in batch rows
 * (issue 20), read by `db/corpus/library.ts`.
 */
export function listDocuments(db: MarginaliaDb): Promise<DocumentRow[]> {
  return listLibrary(db);
}

/** A document as the open path reads it: its rows, or (issue 20) its entry in a batch row. */
export async function getDocument(db: MarginaliaDb, id: string): Promise<ArticleDocument | undefined> {
  const batchTables = db.tables.filter((t) => t.name === 'batches' || t.name === 'batchIndex');
  return db.transaction('r', [db.documents, db.texts, ...batchTables], async () => {
    const [row, text] = await Promise.all([db.documents.get(id), db.texts.get(id)]);
    if (row) return text ? rowsToDocument(row, text) : undefined;
    const inBatch = await batchEntryOf(db, id);
    const entry = inBatch && decodeBatchEntry(inBatch.row, inBatch.j);
    return entry ? rowsToDocument(entry.document, { id, text: entry.text }) : undefined;
  });
}

export interface NewDocument {
  text: string;
  title?: string;
  source: string;
  meta?: Record<string, unknown>;
}

/**
 * Adds documents in ONE transaction; a document whose text is already stored (same sha256 id) is
 * skipped, never overwritten. Stored means a `documents` row or an entry in a batch row (issue 20),
 * and new documents come after both in library order. Returns the ids in input order and which of
 * them were new.
 */
export async function addDocuments(
  db: MarginaliaDb,
  docs: readonly NewDocument[],
): Promise<{ ids: string[]; added: string[] }> {
  return db.transaction('rw', [db.documents, db.texts, ...batchTables(db)], async () => {
    const last = await db.documents.orderBy('order').last();
    let order = Math.max((last?.order ?? -1) + 1, (await batchesEnd(db)).order);
    const ids = docs.map((d) => documentIdForText(d.text));
    const inBatches = await idsInBatches(db, ids);
    const added: string[] = [];
    for (const [i, doc] of docs.entries()) {
      const id = ids[i] as string;
      if (added.includes(id) || inBatches.has(id) || (await db.documents.get(id))) continue;
      await db.texts.add({ id, text: doc.text });
      await db.documents.add(
        documentToRow(
          {
            id,
            title: doc.title ?? deriveTitle(doc.text),
            text: doc.text,
            source: doc.source,
            meta: doc.meta ?? {},
          },
          order++,
          Date.now(),
        ),
      );
      added.push(id);
    }
    return { ids, added };
  });
}

const SEEDED_KEY = 'seeded';

/**
 * Loads the default corpus on first start only: once seeded (even if the user later deletes the
 * seeds) they are never re-added. The flag and the documents are written in one transaction.
 */
export async function seedOnFirstRun(
  db: MarginaliaDb,
  seeds: readonly { name: string; raw: string }[],
): Promise<boolean> {
  return db.transaction('rw', [db.documents, db.texts, db.settings, ...batchTables(db)], async () => {
    if (await db.settings.get(SEEDED_KEY)) return false;
    const sorted = [...seeds].sort((a, b) => (a.name < b.name ? -1 : 1));
    await addDocuments(
      db,
      sorted.map((s) => ({ text: normalizePlainText(s.raw), source: `seed:${s.name}` })),
    );
    await db.settings.put({ key: SEEDED_KEY, value: true });
    return true;
  });
}
