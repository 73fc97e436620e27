/** Summary statistics and the printed table. Timing never fails the run: figures are reported only. */

export interface Summary {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
}

export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export function summarize(xs: readonly number[]): Summary {
  return {
    median: percentile(xs, 50),
    min: Math.min(...xs),
    max: Math.max(...xs),
    runs: xs.length,
  };
}

const round = (x: number): number => (Number.isFinite(x) ? Math.round(x * 10) / 10 : x);
export const fmt = (s: Summary): string => `${round(s.median)} (${round(s.min)}–${round(s.max)})`;

/** Rounds every number in a results object to 0.1 so results.json diffs stay readable. */
export function rounded<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' ? round(v) : v))) as T;
}

/** A plain-text table with aligned columns. */
export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i] as number))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
