/// <reference lib="webworker" />
import { computeAgreementResult } from '../../core/agreement-report/result';
import { MarginaliaDb } from '../../db/database';
import {
  loadAgreementState,
  refreshAgreementState,
  type AgreementState,
} from '../../db/repositories/agreement';
import type { AgreementWorkerMessage, AgreementWorkerRequest } from './agreement-messages';

/**
 * Reads the chosen data and computes every agreement figure off the UI thread. Reading 10,000
 * articles × 3 annotators on the page was seconds of main-thread work (issue 20), and the source
 * then had to be copied here. The worker keeps what it read, so a refresh after a write reads
 * again only the documents the write names. Cancel is `terminate()`: nothing here writes.
 */
const post = (m: AgreementWorkerMessage): void => postMessage(m);

let state: AgreementState | null = null;

/**
 * The bar's share of a whole read: 1.1–2.8 s of 6–15 s over 10,000 articles × 3 annotators in
 * batch rows (docs/performance.md, "Agreement at corpus scale").
 */
const READ_SHARE = 0.2;

/** Posts progress in 1 % steps: posting every tiny step would flood the page with messages. */
function progressPoster(): (fraction: number) => void {
  let last = 0;
  return (fraction) => {
    if (fraction === 1 || fraction - last >= 0.01) {
      last = fraction;
      post({ kind: 'progress', fraction });
    }
  };
}

async function read(
  { dbName, selection, changed }: AgreementWorkerRequest,
  progress: (fraction: number) => void,
): Promise<AgreementState | null> {
  const db = new MarginaliaDb(dbName);
  try {
    await db.open();
    const { docIds, annotators } = selection;
    if (changed && state) return await refreshAgreementState(db, state, new Set(changed), docIds, annotators);
    return await loadAgreementState(db, docIds, annotators, (f) => progress(f * READ_SHARE));
  } finally {
    db.close();
  }
}

self.onmessage = async (e: MessageEvent<AgreementWorkerRequest>) => {
  const progress = progressPoster();
  let next: AgreementState | null;
  try {
    next = await read(e.data, progress);
  } catch (err) {
    // What was kept may have missed writes: the next run reads everything.
    state = null;
    post({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
    return;
  }
  if (next === null) return post({ kind: 'unchanged' });
  state = next;
  post({ kind: 'read' });
  try {
    const result = computeAgreementResult(next.source, e.data.selection, (f) =>
      progress(READ_SHARE + f * (1 - READ_SHARE)),
    );
    post({ kind: 'done', result });
  } catch (err) {
    post({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
};
