// Types for electronegativity-rules.mjs (used by its unit test).
export interface Suppression {
  check: string;
  file: RegExp;
  reason: string;
}
export declare const SUPPRESSIONS: readonly Suppression[];
export declare function parseCsv(text: string): Record<string, string>[];
export declare const CANARY_SOURCE: string;
export declare function isCanary(finding: Record<string, string>): boolean;
