/**
 * Issue 20 item 1: the import hashes each text once (its document id); which hash is fastest where the
 * import runs, in a worker (bench/lab/hash.worker.ts): `@noble/hashes`, the app's own sha256 or
 * `crypto.subtle.digest` batched and awaited in parallel?
 */
import type { HashWay } from './hash.worker';

export function hashJob(lines: number, runs: number): Promise<Record<HashWay, number[]>> {
  const worker = new Worker(new URL('./hash.worker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<Record<HashWay, number[]>>) => {
      resolve(e.data);
      worker.terminate();
    };
    worker.onerror = (e) => reject(new Error(e.message));
    worker.postMessage({ lines, runs });
  });
}
