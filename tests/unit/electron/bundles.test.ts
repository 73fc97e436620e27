import { builtinModules } from 'node:module';

import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

import { BUNDLES, SHARED_OPTIONS } from '../../../scripts/electron-bundles.mjs';

async function requiresOf(outfile: string): Promise<string[]> {
  const bundle = BUNDLES.find((b) => b.outfile === outfile);
  if (!bundle) throw new Error(`no bundle ${outfile}`);
  const result = await build({
    ...SHARED_OPTIONS,
    ...bundle,
    write: false,
    sourcemap: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles.find((f) => f.path.endsWith('.cjs'))?.text ?? '';
  return [...new Set([...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1] ?? ''))].sort();
}

describe('Electron bundles', () => {
  it('the sandboxed preload requires nothing but electron', async () => {
    expect(await requiresOf('dist/electron/preload.cjs')).toEqual(['electron']);
  });

  it('main requires only electron and Node built-ins (no node_modules ship)', async () => {
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    for (const id of await requiresOf('dist/electron/main.cjs')) {
      expect(id === 'electron' || builtins.has(id), id).toBe(true);
    }
  });
});
