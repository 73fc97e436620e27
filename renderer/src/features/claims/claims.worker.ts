/// <reference lib="webworker" />
import { claimsView } from '../../core/links/claims-view';
import { MarginaliaDb } from '../../db/database';
import { loadClaimsSource } from '../../db/repositories/claims';
import type { ClaimsWorkerMessage, ClaimsWorkerRequest } from './claims-messages';

/**
 * Reads the library's claims and builds their clusters here, off the UI thread: reading every span
 * row of a large library and decoding it would otherwise be one long task on the page. The page only
 * receives the finished rows. Cancel is `terminate()`: this only reads.
 */
const post = (m: ClaimsWorkerMessage): void => postMessage(m);

self.onmessage = async (e: MessageEvent<ClaimsWorkerRequest>) => {
  const db = new MarginaliaDb(e.data.dbName);
  try {
    await db.open();
    const source = await loadClaimsSource(db);
    post({ kind: 'done', view: claimsView(source, e.data.annotator ?? undefined) });
  } catch (err) {
    post({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
  } finally {
    db.close();
  }
};
