// Bundles main and preload with esbuild into dist/electron/*.cjs.
// One file each: the sandboxed preload can require nothing but 'electron', and a single main bundle
// keeps the packaged app free of node_modules (electron-builder ships only dist/).
import console from 'node:console';

import { build } from 'esbuild';

import { BUNDLES, SHARED_OPTIONS } from './electron-bundles.mjs';

await Promise.all(BUNDLES.map((bundle) => build({ ...SHARED_OPTIONS, ...bundle })));
console.log(`built ${BUNDLES.map((b) => b.outfile).join(' and ')}`);
