/**
 * Link suggestions for one claim over a 10,000-article library (issue 16: under 300 ms). Run:
 * `npx vitest bench --run bench/suggest.bench.ts`; tests/unit/core/links/suggest-scale.test.ts
 * prints the median over the 24 labelled seed claims, and the time to build the index.
 */
import { bench, describe } from 'vitest';

import { SentenceIndex } from '../renderer/src/core/links/suggest/sentence-index';
import { suggestLinks } from '../renderer/src/core/links/suggest/suggest';
import { seedDocs, seedWords, stanceItems } from '../tests/unit/core/links/seed-set';
import { syntheticLibrary } from '../tests/unit/core/links/synthetic-library';

const docs = seedDocs();
const index = new SentenceIndex();
for (const d of syntheticLibrary(10_000, 1, seedWords(docs))) index.add(d.id, d.text);
for (const d of docs) index.add(d.id, d.text);
const claims = stanceItems(docs);
let next = 0;

describe('suggestions', () => {
  bench(
    'suggestLinks, one claim, 10,005 articles',
    () => {
      const q = claims[next++ % claims.length];
      if (q) suggestLinks(index, { docId: q.docId, text: q.text }, { k: 5 });
    },
    { iterations: 48, warmupIterations: 4 },
  );
});
