import { rebaseDetailsEdit, type DetailsEdit, type DocumentDetails } from '../../core/model/document-details';
import type { MarginaliaDb } from '../database';
import { corpusWrite, materializeFirst } from '../corpus-write';
import { libraryDocumentsOf } from '../corpus/library-lookup';

/** The document was changed elsewhere (another window, a restore) in a way this edit clashes with. */
export class DetailsConflictError extends Error {}

/** A document's title, source and metadata as stored; undefined when it is not in the library. */
export async function readDocumentDetails(
  db: MarginaliaDb,
  id: string,
): Promise<DocumentDetails | undefined> {
  // Wherever the document is held: its `documents` row, else its batch entry (issue 20).
  const row = (await libraryDocumentsOf(db, [id], false))[0]?.row;
  return row && { title: row.title, source: row.source, meta: row.meta };
}

/**
 * Persists one field's edit in one strict transaction, replayed onto the row as stored now: only
 * that field is written (`modify` on the stored row, never a whole row from a view's copy), and a
 * field changed elsewhere meanwhile is refused (DetailsConflictError), nothing written. The text,
 * id, order and length are never touched.
 */
export async function applyDocumentDetailsEdit(
  db: MarginaliaDb,
  id: string,
  edit: DetailsEdit,
): Promise<void> {
  await corpusWrite(db, [], async () => {
    // A document still held in a batch row moves to per-document rows first (issue 20).
    await materializeFirst(db, [id]);
    const row = await db.documents.get(id);
    if (!row) throw new DetailsConflictError('This document is no longer in the library.');
    const merged = rebaseDetailsEdit({ title: row.title, source: row.source, meta: row.meta }, edit);
    if (!merged.ok) throw new DetailsConflictError(merged.error);
    if (edit.field === 'meta') await db.documents.update(id, { meta: merged.value.meta });
    else await db.documents.update(id, { [edit.field]: merged.value[edit.field] });
  });
}
