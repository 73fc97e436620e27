// Types for electron-binary.mjs, so the TypeScript Playwright fixtures can import it.
export declare const projectRoot: string;
export declare function executableInDist(platform?: NodeJS.Platform): string;
export type ElectronBinary =
  { ok: true; executablePath: string; distDir: string } | { ok: false; reason: string };
export declare function findElectronBinary(env?: NodeJS.ProcessEnv): ElectronBinary;
export declare function tryDownloadElectron(timeoutMs?: number): boolean;
