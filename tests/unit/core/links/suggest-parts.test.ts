import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { bm25TopK, type Bm25View } from '../../../../renderer/src/core/links/suggest/bm25';
import {
  contradictionCues,
  cueSignature,
  agreementCues,
} from '../../../../renderer/src/core/links/suggest/cues';
import { SentenceIndex } from '../../../../renderer/src/core/links/suggest/sentence-index';
import { splitSentences } from '../../../../renderer/src/core/links/suggest/sentences';
import { suggestLinks } from '../../../../renderer/src/core/links/suggest/suggest';
import { Analyzer, contentTerms, stem } from '../../../../renderer/src/core/links/suggest/terms';
import { CodePointIndex } from '../../../../renderer/src/core/text/code-points';

const cues = (text: string): number => cueSignature(new Analyzer().words(text));

describe('sentences', () => {
  it('splits at sentence ends and lines, keeps abbreviations and decimals, counts code points', () => {
    const text =
      '🙂 U.S.-based firm grew 3.5 percent. “Quote” follows!\nTitle line\n\nScale AI remains vital.✅ Meta’s deal stays.';
    const index = new CodePointIndex(text);
    const got = splitSentences(text, index).map((s) => index.slice(s.start, s.end));
    expect(got).toEqual([
      '🙂 U.S.-based firm grew 3.5 percent.',
      '“Quote” follows!',
      'Title line',
      'Scale AI remains vital.',
      '✅ Meta’s deal stays.',
    ]);
    expect(splitSentences(text, index)[0]).toEqual({ start: 0, end: 35 });
  });
});

describe('terms and cues', () => {
  it('joins inflections and splits n’t', () => {
    expect(['continue', 'continued', 'continues', 'continuing'].map(stem)).toEqual(Array(4).fill('continu'));
    expect(['end', 'ended', 'ending', 'ends'].map(stem)).toEqual(Array(4).fill('end'));
    expect(['cutting', 'ties', 'companies', 'winding'].map(stem)).toEqual(['cut', 'tie', 'company', 'wind']);
    expect(new Analyzer().words('doesn’t won’t OpenAI’s').map((w) => w.norm)).toEqual([
      'does',
      'not',
      'will',
      'not',
      'openai',
    ]);
    const a = new Analyzer();
    expect(contentTerms(a.words('The deal and the deals'))).toEqual(contentTerms(a.words('deal deal')));
  });

  it('finds contradiction cues: antonyms, negated cues, and a lone negation', () => {
    expect(
      contradictionCues(
        cues('OpenAI will continue working with Scale AI'),
        cues('OpenAI is winding down its work with Scale AI'),
      ),
    ).toEqual(['continue ↔ end']);
    expect(contradictionCues(cues('They keep the contract'), cues('They cut ties'))).toEqual([
      'continue ↔ end',
    ]);
    expect(contradictionCues(cues('OpenAI will continue'), cues('OpenAI will not continue'))).toEqual([
      'continue ↔ end',
    ]);
    expect(
      contradictionCues(cues('OpenAI will work with Scale'), cues('OpenAI will not work with Scale')),
    ).toEqual(['negation']);
    expect(contradictionCues(cues('The partnership ended'), cues('OpenAI terminated the deal'))).toEqual([]);
    expect(agreementCues(cues('The partnership ended'), cues('OpenAI terminated the deal'))).toEqual([
      'continue ↔ end',
    ]);
    expect(
      contradictionCues(cues('OpenAI no longer works with Scale'), cues('OpenAI keeps working with Scale')),
    ).toEqual(['continue ↔ end']);
  });
});

/** Plain BM25 over every posting, for checking the pruned search. */
function exhaustive(view: Bm25View, terms: readonly number[], k: number): { s: number; score: number }[] {
  const scores = new Map<number, number>();
  const q = new Map<number, number>();
  for (const t of terms) q.set(t, (q.get(t) ?? 0) + 1);
  for (const [t, n] of q) {
    const p = view.postings(t);
    const df = view.df(t);
    if (!p || df <= 0) continue;
    const idf = n * Math.log(1 + (view.sentences - df + 0.5) / (df + 0.5));
    for (let j = 0; j < p.sentence.length; j++) {
      const s = p.sentence.data[j] as number;
      if (view.docSkip[view.sentDoc[s] as number]) continue;
      const tf = p.tf.data[j] as number;
      const gain =
        (idf * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * (view.sentLen[s] as number)) / view.avgLength));
      scores.set(s, (scores.get(s) ?? 0) + gain);
    }
  }
  return [...scores]
    .map(([s, score]) => ({ s, score }))
    .sort((x, y) => y.score - x.score || x.s - y.s)
    .slice(0, k);
}

describe('BM25 with MaxScore pruning', () => {
  it('returns exactly what scoring every posting returns', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 12 }), {
          minLength: 1,
          maxLength: 60,
        }),
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 8 }),
        (sentences, query, k) => {
          // Zipf-like: small term numbers are frequent, as everyday words are.
          const terms = sentences.map((s) => s.map((t) => (t % 3 === 0 ? 0 : t)));
          const postings: { sentence: { data: Int32Array; length: number }; tf: { data: Uint16Array } }[] =
            [];
          const df: number[] = [];
          terms.forEach((list, s) => {
            const counts = new Map<number, number>();
            for (const t of list) counts.set(t, (counts.get(t) ?? 0) + 1);
            for (const [t, tf] of [...counts].sort((a, b) => a[0] - b[0])) {
              const p = (postings[t] ??= {
                sentence: { data: new Int32Array(64), length: 0 },
                tf: { data: new Uint16Array(64) },
              });
              p.tf.data[p.sentence.length] = tf;
              p.sentence.data[p.sentence.length++] = s;
              df[t] = (df[t] ?? 0) + 1;
            }
          });
          const view: Bm25View = {
            postings: (t) => postings[t],
            df: (t) => df[t] ?? 0,
            sentences: terms.length,
            avgLength: terms.reduce((n, l) => n + l.length, 0) / terms.length,
            sentDoc: Int32Array.from(terms, (_, s) => s % 4),
            sentLen: Uint16Array.from(terms, (l) => l.length),
            docSkip: Uint8Array.from([0, 0, 1, 0]),
          };
          const acc = new Float64Array(terms.length);
          const got = bm25TopK(view, query, k, acc);
          const want = exhaustive(view, query, k);
          expect(got.map((h) => h.s)).toEqual(want.map((h) => h.s));
          got.forEach((h, i) => expect(h.score).toBeCloseTo(want[i]?.score as number, 9));
          expect(acc.every((x) => x === 0)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('SentenceIndex and suggestLinks', () => {
  const A = 'OpenAI will continue working with Scale AI after the Meta deal. The weather was fine.';
  const B = 'OpenAI is winding down its work with Scale AI after the Meta deal. Cats sleep a lot today.';
  const C = 'OpenAI keeps working with Scale AI after the Meta deal, a spokesperson said. Stocks rose.';

  it('proposes contradicts for the opposite claim and same_claim for the same one, never the claim’s own article', () => {
    const index = new SentenceIndex();
    index.add('a', A);
    index.add('b', B);
    index.add('c', C);
    const out = suggestLinks(
      index,
      { docId: 'a', text: 'OpenAI will continue working with Scale AI' },
      { k: 5 },
    );
    const byDoc = [...out].sort((x, y) => (x.docId < y.docId ? -1 : 1));
    expect(byDoc.map((s) => [s.docId, s.relation, s.cues])).toEqual([
      ['b', 'contradicts', ['continue ↔ end']],
      ['c', 'same_claim', ['continue ↔ end']],
    ]);
    const c = byDoc[1];
    expect(c && [...C].slice(c.start, c.end).join('')).toBe(
      'OpenAI keeps working with Scale AI after the Meta deal, a spokesperson said.',
    );
  });

  it('stands a claim span in for its sentence, leaves out skipped targets and removed articles', () => {
    const index = new SentenceIndex();
    index.add('a', A);
    index.add('b', B);
    index.add('c', C);
    const spansOf = (id: string) => (id === 'b' ? [{ start: 0, end: 26, label: 'claim' }] : []);
    const out = suggestLinks(
      index,
      { docId: 'a', text: 'OpenAI will continue working with Scale AI' },
      { spansOf, skip: (s) => s.docId === 'c' },
    );
    expect(out).toMatchObject([{ docId: 'b', start: 0, end: 26, isSpan: true, relation: 'contradicts' }]);
    index.remove('b', B);
    expect(index.has('b')).toBe(false);
    expect(suggestLinks(index, { docId: 'a', text: 'winding down Scale AI' }).map((s) => s.docId)).toEqual([
      'c',
    ]);
    index.add('b', B);
    expect(index.documents).toBe(3);
    expect(suggestLinks(index, { docId: 'a', text: 'winding down Scale AI' })[0]?.docId).toBe('b');
  });
});
