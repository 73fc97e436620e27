/// <reference lib="webworker" />
/**
 * The three ways to hash the import's texts, timed where the import hashes (a worker): the
 * `@noble/hashes` sha256 the import used until issue 20, the app's own (core/text/sha256.ts) and the
 * browser's `crypto.subtle.digest`, batched and awaited in parallel. Each run rotates the order so
 * the three meet the same load; the three must agree on every text.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { sha256Hex } from '../../renderer/src/core/text/sha256';
import { article } from '../corpus';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex(b: ArrayBuffer): string {
  const u = new Uint8Array(b);
  let s = '';
  for (let i = 0; i < u.length; i++) s += HEX[u[i]!]!;
  return s;
}

/** In slices of `batch`, each slice's digests awaited together (all at once keeps every text's bytes alive). */
async function subtle(texts: readonly string[], batch: number): Promise<string[]> {
  const enc = new TextEncoder();
  const out: string[] = [];
  for (let i = 0; i < texts.length; i += batch) {
    const part = texts.slice(i, i + batch);
    const digests = await Promise.all(part.map((t) => crypto.subtle.digest('SHA-256', enc.encode(t))));
    for (const d of digests) out.push(hex(d));
  }
  return out;
}

const ways = {
  noble: (texts: readonly string[]) => texts.map((t) => bytesToHex(sha256(utf8ToBytes(t)))),
  js: (texts: readonly string[]) => texts.map(sha256Hex),
  subtle: (texts: readonly string[]) => subtle(texts, 1_000),
} as const;
export type HashWay = keyof typeof ways;

self.onmessage = async (e: MessageEvent<{ lines: number; runs: number }>) => {
  const { lines, runs } = e.data;
  const texts = Array.from({ length: lines }, (_, i) => `${article(240, 7000 + (i % 997))} #${i}`);
  const names = Object.keys(ways) as HashWay[];
  const ms: Record<HashWay, number[]> = { noble: [], js: [], subtle: [] };
  for (let r = 0; r < runs; r++) {
    const got: string[][] = [];
    for (let k = 0; k < names.length; k++) {
      const name = names[(r + k) % names.length]!;
      const t0 = performance.now();
      got.push(await ways[name](texts));
      ms[name].push(performance.now() - t0);
    }
    if (got.some((ids) => ids.some((id, i) => id !== got[0]![i]))) throw new Error('the hashes disagree');
  }
  postMessage(ms);
};
