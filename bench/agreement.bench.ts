/**
 * Agreement over a large corpus (issue 4: 1,000 documents × 5 annotators × 50 spans each must
 * compute in under 2 s on a 2-core machine). Run: `npx vitest bench --run bench/agreement.bench.ts`
 * (min, mean, p75 …); tests/unit/core/agreement/performance.test.ts prints the median of 3 runs.
 */
import { bench, describe } from 'vitest';

import { computeAgreement } from '../renderer/src/core/agreement/report';
import { syntheticStudy } from '../tests/unit/core/agreement/synthetic';

const large = syntheticStudy(1000, 5, 50);

describe('agreement', () => {
  bench(
    'computeAgreement 1000 docs × 5 annotators × 50 spans',
    () => {
      computeAgreement(large);
    },
    { iterations: 7, warmupIterations: 1 },
  );
});
