import type { MarginaliaDb } from '../database';

/**
 * The first document in library order, read by the `order` index (one row), for start-up when no
 * last document is remembered or it is gone: start-up must not wait for the whole library.
 */
export async function firstDocumentId(db: MarginaliaDb): Promise<string | null> {
  const first = await db.documents.orderBy('order').first();
  return first?.id ?? null;
}
