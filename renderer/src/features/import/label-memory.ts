import type { LabelTarget } from '../../core/formats/import-types';
import { guessLabel, isLabelTarget } from '../../core/formats/label-resolve';
import type { MarginaliaDb } from '../../db/database';
import { getSetting } from '../../db/repositories/settings';
import type { ImportSummary } from '../../session/import/import-messages';

/** One row of the mapping step: a foreign label, its spans in all files, the formats it came from. */
export interface LabelRow {
  readonly name: string;
  readonly count: number;
  readonly formats: readonly string[];
}

/** Foreign labels of the parsed files that need a decision (unknown to Marginalia), merged by name. */
export function labelRows(summaries: readonly ImportSummary[]): LabelRow[] {
  const rows = new Map<string, { count: number; formats: Set<string> }>();
  for (const s of summaries) {
    for (const l of s.labels) {
      if (l.target !== null) continue;
      const row = rows.get(l.name) ?? { count: 0, formats: new Set<string>() };
      row.count += l.count;
      row.formats.add(s.format ?? 'unknown');
      rows.set(l.name, row);
    }
  }
  return [...rows].map(([name, r]) => ({ name, count: r.count, formats: [...r.formats] }));
}

export type LabelMemory = Record<string, Record<string, LabelTarget>>;

/** The mapping last chosen per source format (an empty memory when none, or when it is damaged). */
export async function loadLabelMemory(db: MarginaliaDb): Promise<LabelMemory> {
  const stored = await getSetting(db, 'importLabelMaps');
  // Null prototypes: label names come from files, and "__proto__" must stay an ordinary key.
  const out = Object.create(null) as LabelMemory;
  if (stored === null || typeof stored !== 'object') return out;
  for (const [format, map] of Object.entries(stored)) {
    if (map === null || typeof map !== 'object') continue;
    const clean = Object.create(null) as Record<string, LabelTarget>;
    for (const [name, target] of Object.entries(map)) if (isLabelTarget(target)) clean[name] = target;
    out[format] = clean;
  }
  return out;
}

/** The first guess for a row: what the user chose last time for that tool, else `guessLabel`. */
export function firstGuess(row: LabelRow, memory: LabelMemory): LabelTarget {
  for (const f of row.formats) {
    const remembered = memory[f]?.[row.name];
    if (remembered) return remembered;
  }
  return guessLabel(row.name);
}

/** The memory with the choices under every format each label came from (saved as one setting). */
export function withChoices(
  memory: LabelMemory,
  rows: readonly LabelRow[],
  chosen: Readonly<Record<string, LabelTarget>>,
): LabelMemory {
  const next: LabelMemory = { ...memory };
  for (const row of rows) {
    const target = chosen[row.name];
    if (!target) continue;
    for (const f of row.formats) next[f] = { ...next[f], [row.name]: target };
  }
  return next;
}
