/**
 * Builds the app and the bench lab page into a private folder and serves both from one origin with
 * `vite preview` on the bench's own port, so the lab can write the app's IndexedDB and other engineers'
 * builds and servers (dist/, port 4173) are left alone.
 */
import { join, resolve } from 'node:path';

import { build, preview, type PreviewServer } from 'vite';

export interface Served {
  readonly url: string;
  close(): Promise<void>;
}

export async function buildAndServe(root: string, port: number): Promise<Served> {
  const out = join(root, 'node_modules', '.cache', 'marginalia-bench', 'site');
  await build({
    configFile: resolve(root, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: out, emptyOutDir: true, sourcemap: false, minify: process.env['BENCH_MINIFY'] !== '0' },
  });
  await build({
    configFile: false,
    root: resolve(root, 'bench', 'lab'),
    base: './',
    logLevel: 'warn',
    build: {
      outDir: join(out, 'bench-lab'),
      emptyOutDir: true,
      target: 'chrome120',
      minify: process.env['BENCH_MINIFY'] !== '0',
    },
    worker: { format: 'es' },
  });
  const server: PreviewServer = await preview({
    configFile: false,
    root: join(out, '..'),
    logLevel: 'warn',
    build: { outDir: 'site' },
    preview: { host: '127.0.0.1', port, strictPort: true },
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => server.close(),
  };
}
