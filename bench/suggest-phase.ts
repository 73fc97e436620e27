import { SentenceIndex } from '../renderer/src/core/links/suggest/sentence-index';
import { suggestLinks } from '../renderer/src/core/links/suggest/suggest';
import { seedDocs, seedWords, stanceItems } from '../tests/unit/core/links/seed-set';
import { syntheticLibrary } from '../tests/unit/core/links/synthetic-library';
import { percentile, summarize } from './stats';

/**
 * The suggestion index over a generated library (tests/unit/core/links/synthetic-library.ts: Zipf
 * word frequencies, the seed articles' words the most frequent, so seed claims hit the longest
 * posting lists) plus the five seed articles; shared by `npm run bench` and bench/suggest.bench.ts.
 */
export function suggestLibrary(articles: number) {
  const docs = seedDocs();
  const library = syntheticLibrary(articles, 1, seedWords(docs));
  const index = new SentenceIndex();
  const t0 = performance.now();
  for (const d of library) index.add(d.id, d.text);
  for (const d of docs) index.add(d.id, d.text);
  return { index, claims: stanceItems(docs), build_ms: performance.now() - t0 };
}

/**
 * Issue 16's figure, "suggestions for one claim over a 10,000-article library in under 300 ms":
 * `runs` rounds over the 24 labelled seed claims, each timed alone (the same core code the app's
 * suggestion worker runs; the worker adds reading a few rows per query). Node, not Chromium.
 */
export function runSuggest(quick: boolean, runs: number) {
  const articles = quick ? 1_000 : 10_000;
  const { index, claims, build_ms } = suggestLibrary(articles);
  const times: number[] = [];
  for (let r = 0; r < runs; r++)
    for (const q of claims) {
      const t = performance.now();
      suggestLinks(index, { docId: q.docId, text: q.text }, { k: 5 });
      times.push(performance.now() - t);
    }
  const s = summarize(times);
  return {
    articles: index.documents,
    sentences: index.sentences,
    queries: times.length,
    build_ms,
    ms: s.median,
    p95_ms: percentile(times, 95),
    min_ms: s.min,
    max_ms: s.max,
  };
}
