#!/usr/bin/env node
// Entry of `npx marginalia`. The CLI is TypeScript (cli/main.ts, built on renderer/src/core), so on
// first run — and whenever a source file is newer than the bundle — it is bundled with esbuild into
// node_modules/.cache/marginalia-cli/ and imported from there: no separate build step for users.
import { mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import process from 'node:process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cacheDir = join(root, 'node_modules', '.cache', 'marginalia-cli');
const bundle = join(cacheDir, 'main.mjs');
const sources = [
  join(root, 'cli'),
  join(root, 'renderer', 'src', 'core'),
  join(root, 'renderer', 'src', 'couch'),
];

/** Newest modification time of any .ts file under `dir` (0 when absent). */
function newest(dir) {
  let max = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) max = Math.max(max, newest(p));
    else if (e.name.endsWith('.ts')) max = Math.max(max, statSync(p).mtimeMs);
  }
  return max;
}

function bundleTime() {
  try {
    return statSync(bundle).mtimeMs;
  } catch {
    return -1;
  }
}

if (bundleTime() < Math.max(...sources.map(newest))) {
  const { build } = await import('esbuild');
  mkdirSync(cacheDir, { recursive: true });
  // Built to a private name, then renamed: a concurrent run never imports a half-written bundle.
  const tmp = join(cacheDir, `main.${process.pid}.mjs`);
  await build({
    entryPoints: [join(root, 'cli', 'main.ts')],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  renameSync(tmp, bundle);
}

const { main } = await import(pathToFileURL(bundle).href);
process.exitCode = await main(process.argv.slice(2));
