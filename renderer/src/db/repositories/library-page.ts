import { firstInLibrary } from '../corpus/library';
import type { MarginaliaDb } from '../database';

/**
 * The first document in library order, read by the `order` index (one row), for start-up when no
 * last document is remembered or it is gone: start-up must not wait for the whole library.
 */
export function firstDocumentId(db: MarginaliaDb): Promise<string | null> {
  // Wherever it is held: its `documents` row or a batch row (issue 20).
  return firstInLibrary(db);
}
