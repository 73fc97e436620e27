/**
 * Issue 20 item 1: the import hashes each text once (its document id); which hash is faster here,
 * the JS sha256 the import runs (`@noble/hashes`, synchronous, so core stays pure and the CLI shares
 * it) or the browser's `crypto.subtle.digest` (native, but one promise per text)? Both over the
 * import bench's texts in the same page, alternating, so they meet the same load.
 */
import { documentIdForText } from '../../renderer/src/core/text/text-hash';
import { article } from '../corpus';

const hex = (b: ArrayBuffer): string =>
  Array.from(new Uint8Array(b), (x) => x.toString(16).padStart(2, '0')).join('');

async function subtleIds(texts: readonly string[]): Promise<string[]> {
  const enc = new TextEncoder();
  const out: string[] = [];
  // In slices, as a worker would (all at once keeps every text's bytes alive together).
  for (let i = 0; i < texts.length; i += 1_000) {
    const part = texts.slice(i, i + 1_000);
    const digests = await Promise.all(part.map((t) => crypto.subtle.digest('SHA-256', enc.encode(t))));
    for (const d of digests) out.push(`sha256:${hex(d)}`);
  }
  return out;
}

export async function hashJob(
  lines: number,
  runs: number,
): Promise<{ js_ms: number[]; subtle_ms: number[] }> {
  const texts = Array.from({ length: lines }, (_, i) => `${article(240, 7000 + (i % 997))} #${i}`);
  const js: number[] = [];
  const subtle: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const a = texts.map(documentIdForText);
    const t1 = performance.now();
    const b = await subtleIds(texts);
    const t2 = performance.now();
    if (a.some((id, i) => id !== b[i])) throw new Error('the two hashes disagree');
    js.push(t1 - t0);
    subtle.push(t2 - t1);
  }
  return { js_ms: js, subtle_ms: subtle };
}
