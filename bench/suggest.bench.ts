/**
 * Link suggestions for one claim over a 10,000-article library (issue 16: under 300 ms). Run:
 * `npx vitest bench --run bench/suggest.bench.ts`. The library is generated (tests/unit/core/links/
 * synthetic-library.ts: ~30 sentences of ~18 words per article, Zipf word frequencies, the seed
 * articles' words as the most frequent ones, so a seed claim's terms have the longest posting lists)
 * plus the five seed articles; each iteration asks for one of the 24 labelled seed claims in turn.
 * The time to build the index is printed once.
 */
import { bench, describe } from 'vitest';

import { SentenceIndex } from '../renderer/src/core/links/suggest/sentence-index';
import { suggestLinks } from '../renderer/src/core/links/suggest/suggest';
import { seedDocs, seedWords, stanceItems } from '../tests/unit/core/links/seed-set';
import { syntheticLibrary } from '../tests/unit/core/links/synthetic-library';

const docs = seedDocs();
const library = syntheticLibrary(10_000, 1, seedWords(docs));
const index = new SentenceIndex();
const cpu = process.cpuUsage();
const t0 = performance.now();
for (const d of library) index.add(d.id, d.text);
for (const d of docs) index.add(d.id, d.text);
const used = process.cpuUsage(cpu);
console.log(
  `index of ${index.documents} articles, ${index.sentences} sentences: ${(performance.now() - t0).toFixed(0)} ms wall, ` +
    `${((used.user + used.system) / 1000).toFixed(0)} ms CPU`,
);
const claims = stanceItems(docs);
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
