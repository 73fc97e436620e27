import type { DocStatus } from '../../core/model/status';
import type { MarginaliaDb } from '../database';

export async function setStatus(
  db: MarginaliaDb,
  docId: string,
  annotator: string,
  status: DocStatus,
): Promise<void> {
  await db.transaction('rw', db.progress, () =>
    db.progress.put({ docId, annotator, status, updatedAt: Date.now() }),
  );
}

/** Status per document for one annotator; documents without a row are "todo". */
export async function listStatuses(db: MarginaliaDb, annotator: string): Promise<Map<string, DocStatus>> {
  const rows = await db.progress.where('annotator').equals(annotator).toArray();
  return new Map(rows.map((r) => [r.docId, r.status]));
}
