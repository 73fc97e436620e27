// The benchmark's seeded generator (mulberry32), so benchmarks and tests see the same corpus every run.
import { prng } from '../../../../bench/corpus';
import { LABELS } from '../../../../renderer/src/core/model/labels';
import type { AgreementInput, AgreementSpan } from '../../../../renderer/src/core/agreement/types';

const WORDS = [
  'the',
  'minister',
  'said',
  '42',
  'per',
  'cent',
  'could',
  'rise',
  'Zürich',
  'naïve',
  '“quote”',
  'ﬁnance',
  '😀',
];

/**
 * A news-like corpus: `documents` texts of 2–5k code points, `annotators` annotators with `spans`
 * spans each per document, drawn around shared "true" spans with boundary and label noise, so
 * overlap matching, nesting and every coefficient get realistic work.
 */
export function syntheticStudy(
  documents: number,
  annotators: number,
  spans: number,
  seed = 1,
): AgreementInput {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const names = Array.from({ length: annotators }, (_, i) => `annotator-${i + 1}`);
  const docs: { id: string; text: string }[] = [];
  const out: AgreementSpan[] = [];
  for (let d = 0; d < documents; d++) {
    const target = 2000 + Math.floor(rand() * 3000);
    const parts: string[] = [];
    let length = 0;
    while (length < target) {
      const w = pick(WORDS);
      parts.push(w);
      length += [...w].length + 1;
    }
    const text = parts.join(rand() < 0.5 ? ' ' : '\n');
    const cpLength = [...text].length;
    const id = `doc-${d}`;
    docs.push({ id, text });
    const truth = Array.from({ length: spans }, () => {
      const start = Math.floor(rand() * (cpLength - 60));
      return { start, end: start + 5 + Math.floor(rand() * 50), label: pick(LABELS) };
    });
    for (const annotator of names) {
      for (const t of truth) {
        const jitter = (): number => (rand() < 0.3 ? Math.floor(rand() * 7) - 3 : 0);
        const start = Math.max(0, t.start + jitter());
        const end = Math.min(cpLength, Math.max(start + 1, t.end + jitter()));
        out.push({ annotator, doc: id, start, end, label: rand() < 0.1 ? pick(LABELS) : t.label });
      }
    }
  }
  return { documents: docs, annotators: names, spans: out };
}
