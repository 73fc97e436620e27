// Entry of `npm run bench`: Node 20 cannot run TypeScript, so bundle bench/run.ts with esbuild (a dev
// dependency already) into node_modules/.cache and run it. Dependencies stay external.
// BENCH_ENTRY=import-cpu.ts runs another script of bench/ the same way.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { build } from 'esbuild';

const entry = process.env['BENCH_ENTRY'] ?? 'run.ts';
const out = join(process.cwd(), 'node_modules', '.cache', 'marginalia-bench', entry.replace(/\.ts$/, '.mjs'));
mkdirSync(join(out, '..'), { recursive: true });
await build({
  entryPoints: [join(process.cwd(), 'bench', entry)],
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
await import(pathToFileURL(out).href);
