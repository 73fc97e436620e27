import { CodePointIndex } from '../../text/code-points';
import { bm25TopK } from './bm25';
import { cueSignature } from './cues';
import { splitSentences } from './sentences';
import { Analyzer, contentTerms } from './terms';
/** A growable typed array (doubling), so millions of postings cost a few bytes each. */
class Grow<T extends Int32Array | Uint16Array | Uint32Array | Uint8Array> {
  length = 0;
  constructor(
    public data: T,
    private readonly make: (n: number) => T,
  ) {}
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = this.make(Math.max(8, this.data.length * 2));
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

const int32 = (n: number): Int32Array => new Int32Array(n);
const uint8 = (n: number): Uint8Array => new Uint8Array(n);
const uint16 = (n: number): Uint16Array => new Uint16Array(n);
const uint32 = (n: number): Uint32Array => new Uint32Array(n);

/** Sentences with fewer content terms are not indexed ("Introduction", "Read More"). */
export const MIN_TERMS = 3;

/** One scored sentence of a query. */
export interface SentenceHit {
  readonly docId: string;
  readonly start: number;
  readonly end: number;
  readonly score: number;
  /** Its cue signature (cues.ts). */
  readonly cues: number;
}

/**
 * BM25 over the sentences of a library, built incrementally: `add` indexes one article (split into
 * sentences, each a bag of stemmed content terms), `remove` takes one out. Postings are per term,
 * in typed arrays (sentence number and term frequency); per sentence the index keeps its document,
 * extent, length in terms and cue signature — not its text. Scores use k1 = 1.2, b = 0.75 and
 * idf = ln(1 + (N − df + 0.5) / (df + 0.5)), N and df counted in live sentences.
 */
export class SentenceIndex {
  private readonly analyzer = new Analyzer();
  /** Per term number (the analyzer's): the sentences it occurs in and how often. */
  private readonly postings: { sentence: Grow<Int32Array>; tf: Grow<Uint16Array> }[] = [];
  /** Live sentences per term (postings of removed documents stay, skipped). */
  private readonly df: number[] = [];
  private readonly sentDoc = new Grow(int32(0), int32);
  private readonly sentStart = new Grow(int32(0), int32);
  private readonly sentEnd = new Grow(int32(0), int32);
  private readonly sentLen = new Grow(uint16(0), uint16);
  private readonly sentCues = new Grow(uint32(0), uint32);
  private readonly docIds: string[] = [];
  /** Per document number: 1 when removed, 2 while excluded from the current search. */
  private readonly docSkip = new Grow(uint8(0), uint8);
  private readonly docNumber = new Map<string, number>();
  private liveSentences = 0;
  private totalLength = 0;
  /** Score accumulator, one cell per sentence, reused by every search (cells reset after use). */
  private acc = new Float64Array(0);

  get documents(): number {
    return this.docNumber.size;
  }

  get sentences(): number {
    return this.liveSentences;
  }

  has(docId: string): boolean {
    return this.docNumber.has(docId);
  }

  /** Each indexed sentence of a text: extent (code points), terms and cue signature. */
  private *analyse(text: string): Generator<{ start: number; end: number; terms: number[]; cues: number }> {
    const index = new CodePointIndex(text);
    for (const s of splitSentences(text, index)) {
      const words = this.analyzer.words(index.slice(s.start, s.end));
      const terms = contentTerms(words);
      if (terms.length >= MIN_TERMS) yield { start: s.start, end: s.end, terms, cues: cueSignature(words) };
    }
  }

  /**
   * Indexes one article. An id already indexed is left alone (ids are hashes of the text, so the
   * same id is the same text). O(text).
   */
  add(docId: string, text: string): void {
    if (this.docNumber.has(docId)) return;
    const d = this.docIds.length;
    this.docIds.push(docId);
    this.docSkip.push(0);
    this.docNumber.set(docId, d);
    for (const s of this.analyse(text)) {
      const n = this.sentDoc.length;
      this.sentDoc.push(d);
      this.sentStart.push(s.start);
      this.sentEnd.push(s.end);
      this.sentLen.push(Math.min(s.terms.length, 0xffff));
      this.sentCues.push(s.cues);
      this.liveSentences++;
      this.totalLength += s.terms.length;
      // Runs of equal term numbers in the sorted terms are the term frequencies.
      const sorted = s.terms.sort((a, b) => a - b);
      for (let i = 0; i < sorted.length;) {
        const id = sorted[i] as number;
        let j = i + 1;
        while (j < sorted.length && sorted[j] === id) j++;
        while (this.postings.length <= id) {
          this.postings.push({ sentence: new Grow(int32(4), int32), tf: new Grow(uint16(4), uint16) });
          this.df.push(0);
        }
        const p = this.postings[id] as (typeof this.postings)[number];
        p.sentence.push(n);
        p.tf.push(Math.min(j - i, 0xffff));
        this.df[id] = (this.df[id] as number) + 1;
        i = j;
      }
    }
  }

  /**
   * Takes an article out of the results. Its postings stay and are skipped (re-adding the same id
   * indexes it afresh); N, df and the average length are corrected at once. O(its text).
   */
  remove(docId: string, text: string): void {
    const d = this.docNumber.get(docId);
    if (d === undefined) return;
    this.docNumber.delete(docId);
    this.docSkip.data[d] = 1;
    for (const s of this.analyse(text)) {
      this.liveSentences--;
      this.totalLength -= s.terms.length;
      for (const id of new Set(s.terms)) this.df[id] = (this.df[id] as number) - 1;
    }
  }

  /** The terms and cue signature of a query text, as sentences are analysed. */
  analyseQuery(text: string): { terms: number[]; cues: number } {
    const words = this.analyzer.words(text);
    return { terms: contentTerms(words), cues: cueSignature(words) };
  }

  /**
   * The `k` best sentences for `terms` by BM25 (bm25.ts), skipping the documents in `exclude`.
   */
  search(terms: readonly number[], k: number, exclude: readonly string[] = []): SentenceHit[] {
    const N = this.liveSentences;
    if (N === 0 || k <= 0) return [];
    if (this.acc.length < this.sentDoc.length) this.acc = new Float64Array(this.sentDoc.data.length);
    const skip = this.docSkip.data;
    const excluded = exclude.map((id) => this.docNumber.get(id)).filter((d) => d !== undefined);
    for (const d of excluded) skip[d] = 2;
    let best: { s: number; score: number }[];
    try {
      best = bm25TopK(
        {
          postings: (id) => this.postings[id],
          df: (id) => this.df[id] ?? 0,
          sentences: N,
          avgLength: this.totalLength / N,
          sentDoc: this.sentDoc.data,
          sentLen: this.sentLen.data,
          docSkip: skip,
        },
        terms,
        k,
        this.acc,
      );
    } finally {
      for (const d of excluded) skip[d] = 0;
    }
    const docOf = this.sentDoc.data;
    return best.map(({ s, score }) => ({
      docId: this.docIds[docOf[s] as number] as string,
      start: this.sentStart.data[s] as number,
      end: this.sentEnd.data[s] as number,
      score,
      cues: this.sentCues.data[s] as number,
    }));
  }
}
