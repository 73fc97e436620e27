/**
 * Link suggestions for one claim over a 10,000-article library (issue 16: under 300 ms). Run:
 * `npx vitest bench --run bench/suggest.bench.ts`. The library is generated (tests/unit/core/links/
 * synthetic-library.ts: ~30 sentences of ~18 words per article, Zipf word frequencies, the seed
 * articles' words as the most frequent ones, so a seed claim's terms have the longest posting lists)
 * plus the five seed articles; each iteration asks for one of the 24 labelled seed claims in turn.
 * The time to build the index is printed once.
 */
import { bench, describe } from 'vitest';

import { suggestLinks } from '../renderer/src/core/links/suggest/suggest';
import { suggestLibrary } from './suggest-phase';

const { index, claims, build_ms } = suggestLibrary(10_000);
console.log(
  `index of ${index.documents} articles, ${index.sentences} sentences: ${build_ms.toFixed(0)} ms wall`,
);
let next = 0;

describe('suggestions', () => {
  bench(
    'suggestLinks, one seed claim, 10,005 articles',
    () => {
      const q = claims[next++ % claims.length];
      if (q) suggestLinks(index, { docId: q.docId, text: q.text }, { k: 5 });
    },
    { iterations: 96, warmupIterations: 24 },
  );
});
