// esbuild options for the two Electron bundles, shared by build-electron.mjs and the unit test that
// checks what the bundles may require.
export const BUNDLES = [
  { entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs' },
  { entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs' },
];

export const SHARED_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // Electron 45 ships Node 22.
  target: 'node22',
  // Provided by the Electron runtime; everything else (zod, the contract) is bundled in.
  external: ['electron'],
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
};
