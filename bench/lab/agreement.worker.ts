/// <reference lib="webworker" />
/**
 * Agreement off the main thread, as the app runs it. The study is built on "build" (not timed); "run"
 * computes every metric (computeAgreement) and answers "done" — the page times run → done.
 */
import type { AgreementInput } from '../../renderer/src/core/agreement/types';
import { computeAgreement } from '../../renderer/src/core/agreement/report';
import { syntheticStudy } from '../../tests/unit/core/agreement/synthetic';

let study: AgreementInput | null = null;

self.onmessage = (
  e: MessageEvent<{ kind: 'build'; documents: number; annotators: number; perDoc: number } | { kind: 'run' }>,
) => {
  if (e.data.kind === 'build') {
    study = syntheticStudy(e.data.documents, e.data.annotators, e.data.perDoc);
    postMessage({ kind: 'ready' });
  } else if (study) {
    const report = computeAgreement(study);
    postMessage({ kind: 'done', figures: Object.keys(report).length });
  }
};
