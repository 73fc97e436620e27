// Types for electron-bundles.mjs (used by its unit test).
import type { BuildOptions } from 'esbuild';

export declare const BUNDLES: readonly { entryPoints: string[]; outfile: string }[];
export declare const SHARED_OPTIONS: BuildOptions;
