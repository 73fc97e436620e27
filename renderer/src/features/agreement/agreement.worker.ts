/// <reference lib="webworker" />
import { computeAgreementResult } from '../../core/agreement-report/result';
import type { AgreementWorkerMessage, AgreementWorkerRequest } from './agreement-messages';

/**
 * Computes every agreement figure off the UI thread (1,000 documents × 5 annotators take a good
 * fraction of a second), posting progress. Cancel is `terminate()`: nothing here has side effects.
 */
const post = (m: AgreementWorkerMessage): void => postMessage(m);

self.onmessage = (e: MessageEvent<AgreementWorkerRequest>) => {
  try {
    let last = 0;
    const result = computeAgreementResult(e.data.source, e.data.selection, (fraction) => {
      // Posting every tiny step would flood the page with messages; 1% steps are smooth enough.
      if (fraction === 1 || fraction - last >= 0.01) {
        last = fraction;
        post({ kind: 'progress', fraction });
      }
    });
    post({ kind: 'done', result });
  } catch (err) {
    post({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
};
