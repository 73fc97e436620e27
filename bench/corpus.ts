/**
 * Seeded, deterministic synthetic corpus for `npm run bench`: news-like paragraphs with curly quotes,
 * numbers, a few emoji and other astral characters and some right-to-left words, plus spans of which
 * about 10 % nest inside or overlap another. Same seed → byte-identical articles and spans on every
 * machine, so ratios are comparable across runs. Offsets are code points, as stored by the app.
 */
import { LABELS, type Label } from '../renderer/src/core/model/labels';

export interface BenchSpan {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly label: Label;
}

/** mulberry32: tiny, fast, and identical in Node and Chromium. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the minister said government would announce new plans for energy prices after talks with ' +
  'officials in the capital on Tuesday while analysts warned that inflation could rise again ' +
  'company shares fell sharply as investors reacted to the report and its chief executive ' +
  'declined to comment on claims about job cuts across several regions of the country'
).split(' ');
const RTL = ['שלום', 'ירושלים', 'القاهرة', 'مرحبا', 'بيروت', 'תל־אביב'];
const ASTRAL = ['😀', '📈', '𝔘', '🙂', '🌍', '𝑥'];

function sentence(rand: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const n = 8 + Math.floor(rand() * 18);
  const words: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (r < 0.06) words.push(`${Math.floor(rand() * 1000)}`);
    else if (r < 0.08) words.push(`${(rand() * 10).toFixed(1)}%`);
    else if (r < 0.1) words.push(`$${1 + Math.floor(rand() * 9)}.${Math.floor(rand() * 10)}bn`);
    else if (r < 0.12) words.push(`“${pick(WORDS)} ${pick(WORDS)}”`);
    else if (r < 0.13) words.push('it’s');
    else if (r < 0.145) words.push(pick(RTL));
    else if (r < 0.15) words.push(pick(ASTRAL));
    else words.push(pick(WORDS));
  }
  const first = words[0] as string;
  words[0] = first.charAt(0).toUpperCase() + first.slice(1);
  return `${words.join(' ')}.`;
}

/** An article of exactly `codePoints` code points: one paragraph per line, 2–6 sentences each. */
export function article(codePoints: number, seed: number): string {
  const rand = prng(seed);
  const paragraphs: string[] = [];
  let length = 0;
  while (length < codePoints) {
    const k = 2 + Math.floor(rand() * 5);
    const p = Array.from({ length: k }, () => sentence(rand)).join(' ');
    paragraphs.push(p);
    length += Array.from(p).length + 1;
  }
  return Array.from(paragraphs.join('\n')).slice(0, codePoints).join('');
}

/**
 * `count` spans over a text of `length` code points: 90 % spread evenly (one per equal segment, so
 * they rarely touch), 10 % nested inside or overlapping one of those with another label. No two
 * spans share (start, end, label), as the app refuses exact duplicates.
 */
export function spans(length: number, count: number, seed: number): BenchSpan[] {
  const rand = prng(seed);
  const pick = (): Label => LABELS[Math.floor(rand() * LABELS.length)] as Label;
  const primary = count - Math.floor(count / 10);
  const seen = new Set<string>();
  const out: BenchSpan[] = [];
  const add = (start: number, end: number, label: Label): boolean => {
    const key = `${start}:${end}:${label}`;
    if (start < 0 || end > length || start >= end || seen.has(key)) return false;
    seen.add(key);
    out.push({ id: `b${out.length}`, start, end, label });
    return true;
  };
  const segment = length / primary;
  for (let i = 0; i < primary; i++) {
    const lo = Math.floor(i * segment);
    const room = Math.max(1, Math.floor((i + 1) * segment) - lo);
    const len = Math.max(1, Math.min(room, 3 + Math.floor(rand() * 40)));
    const start = lo + Math.floor(rand() * (room - len + 1));
    add(start, Math.min(length, start + len), pick());
  }
  while (out.length < count) {
    const p = out[Math.floor(rand() * primary)] as BenchSpan;
    const label = LABELS[(LABELS.indexOf(p.label) + 1 + Math.floor(rand() * 3)) % LABELS.length] as Label;
    const width = p.end - p.start;
    if (rand() < 0.5) {
      const start = p.start + Math.floor(rand() * width);
      add(start, start + 1 + Math.floor(rand() * (p.end - start)), label);
    } else {
      const start = p.start + Math.floor(rand() * width);
      add(start, p.end + 1 + Math.floor(rand() * 20), label);
    }
  }
  return out;
}

export interface BenchCase {
  readonly chars: number;
  readonly spans: number;
}

export const FULL_CASES: readonly BenchCase[] = [10_000, 100_000, 1_000_000].flatMap((chars) =>
  [100, 1_000, 10_000].map((n) => ({ chars, spans: n })),
);
export const QUICK_CASES: readonly BenchCase[] = [
  { chars: 10_000, spans: 100 },
  { chars: 100_000, spans: 1_000 },
];

export const caseTitle = (c: BenchCase): string => `Bench ${c.chars} chars, ${c.spans} spans`;
export const caseSeed = (c: BenchCase): number => c.chars * 7 + c.spans;
