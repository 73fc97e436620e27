/**
 * Words for link suggestions: lowercased, possessives dropped, "n't" split off as "not", and a light
 * English suffix stripper so "continue", "continued", "continues" and "continuing" are one term
 * ("continu"), as are "end" / "ended" / "ending". No model, no locale data: the same everywhere.
 */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Function words left out of similarity (not out of the cues: "not", "no", "will" matter there). */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if then than that this these those there here of in on at to for from by with ' +
    'as into onto over under about after before since until while during between among through ' +
    'is are was were be been being am do does did done have has had having it its they them ' +
    'their theirs he him his she her hers we us our ours you your yours i me my mine who whom whose ' +
    'which what when where why how also just very so such too more most other some any each every ' +
    'all both either neither not no nor only own same can could would should will shall may might ' +
    'must s t says said say according reportedly report reported'
  ).split(' '),
);

const VOWEL = /[aeiouy]/;

/** Undoes consonant doubling left by a suffix ("cutt" → "cut", "stopp" → "stop"), except l, s, z. */
function undouble(w: string): string {
  const n = w.length;
  if (n >= 3 && w[n - 1] === w[n - 2] && !'aeiouylsz'.includes(w[n - 1] as string)) return w.slice(0, -1);
  return w;
}

/**
 * A light stemmer (a few of Porter's step-1 rules and a final "e"): enough to join inflections of
 * the cue verbs and of most content words; over-stemming only merges terms, which BM25 tolerates.
 * O(length).
 */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.endsWith('ied') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ed') && w.length > 4 && VOWEL.test(w.slice(0, -2))) w = undouble(w.slice(0, -2));
  else if (w.endsWith('ing') && w.length > 5 && VOWEL.test(w.slice(0, -3))) w = undouble(w.slice(0, -3));
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}

/**
 * One word of a text: as normalised (for negators), stemmed (for cues), and its term number for
 * similarity (the stem's, numbered by the analyzer), −1 for a stop word.
 */
export interface Word {
  readonly norm: string;
  readonly stem: string;
  readonly term: number;
}

function analyseWord(raw: string, termOf: (stem: string) => number): readonly Word[] {
  const word = (norm: string): Word => {
    const st = stem(norm);
    return { norm, stem: st, term: STOP_WORDS.has(norm) ? -1 : termOf(st) };
  };
  let w = raw.toLowerCase().replace(/’/g, "'");
  if (w.endsWith("n't")) {
    const base = w.slice(0, -3);
    return [
      word(base === 'wo' ? 'will' : base === 'ca' ? 'can' : base === 'sha' ? 'shall' : base),
      word('not'),
    ];
  }
  if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.endsWith("'")) w = w.slice(0, -1);
  return [word(w)];
}

/**
 * Splits texts into words, remembering every distinct word form it has analysed: a library repeats
 * its words, so after the first articles almost every word is one map lookup instead of a lowercase,
 * a replace and a stem. The memory is bounded (cleared past `limit` forms).
 */
export class Analyzer {
  private readonly seen = new Map<string, readonly Word[]>();
  private readonly termIds = new Map<string, number>();
  private readonly termOf = (st: string): number => {
    let id = this.termIds.get(st);
    if (id === undefined) {
      id = this.termIds.size;
      this.termIds.set(st, id);
    }
    return id;
  };
  constructor(private readonly limit = 400_000) {}

  /** Distinct terms numbered so far (term numbers are 0 … terms − 1 and never change). */
  get terms(): number {
    return this.termIds.size;
  }

  /** Every word of `text` in order, stop words included. O(n). */
  words(text: string): Word[] {
    const out: Word[] = [];
    WORD.lastIndex = 0;
    for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
      const raw = m[0];
      let ws = this.seen.get(raw);
      if (ws === undefined) {
        if (this.seen.size >= this.limit) this.seen.clear();
        ws = analyseWord(raw, this.termOf);
        this.seen.set(raw, ws);
      }
      for (const w of ws) out.push(w);
    }
    return out;
  }
}

/** The similarity terms of words (term numbers of the words that are not stop words), in order. */
export function contentTerms(ws: readonly Word[]): number[] {
  const out: number[] = [];
  for (const w of ws) if (w.term >= 0) out.push(w.term);
  return out;
}
