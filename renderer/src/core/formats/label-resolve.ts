import { isLabel, LABELS, type Label } from '../model/labels';
import type { ForeignLabel, ImportOptions, LabelTarget } from './import-types';
import type { ProblemLog } from './problems';

export const LABEL_LIST = LABELS.join(', ');

const fmt = (n: number): string => n.toLocaleString('en-US');

interface Seen {
  count: number;
  target: LabelTarget | null;
  line: number | null;
  field: string;
}

/**
 * Maps each label as written in a file to a Marginalia label or `skip`: exact names, then
 * `options.labelMap`, then (when asked) a case-insensitive match, then `options.unmapped`. Counts
 * every foreign label, so an unknown one is reported once with its count instead of once per span.
 * One per file. O(1) per span.
 */
export class LabelResolver {
  private readonly map: Readonly<Record<string, LabelTarget>>;
  private readonly seen = new Map<string, Seen>();

  constructor(private readonly options: ImportOptions) {
    this.map = options.labelMap ?? {};
  }

  /** The target of `raw`, or null when it is unknown (an error, reported by `report`). */
  resolve(raw: string, line: number | null, field: string): LabelTarget | null {
    if (isLabel(raw)) return raw;
    let s = this.seen.get(raw);
    if (!s) {
      s = { count: 0, target: this.targetOf(raw), line, field };
      this.seen.set(raw, s);
    }
    s.count++;
    return s.target;
  }

  private targetOf(raw: string): LabelTarget | null {
    if (Object.prototype.hasOwnProperty.call(this.map, raw)) {
      const t = this.map[raw];
      if (t === 'skip' || isLabel(t)) return t;
    }
    if (this.options.caseInsensitiveLabels) {
      const lower = raw.toLowerCase();
      const hit = LABELS.find((l) => l === lower);
      if (hit) return hit;
    }
    const u = this.options.unmapped;
    return u === undefined || u === 'error' ? null : u;
  }

  /** Foreign labels in first-seen order. */
  labels(): ForeignLabel[] {
    return [...this.seen].map(([name, s]) => ({ name, count: s.count, target: s.target }));
  }

  /**
   * Logs one error per unknown label (where it was first seen, with its count) and returns the
   * summary line for spans left out as `skip`, if any.
   */
  report(log: ProblemLog): string[] {
    const skipped: string[] = [];
    let skippedSpans = 0;
    for (const [name, s] of this.seen) {
      if (s.target === null) {
        log.error(
          s.line,
          `${s.field}.label`,
          `The label "${name}" (${fmt(s.count)} span${s.count === 1 ? '' : 's'}) is not one of Marginalia's labels (${LABEL_LIST}); map it to one of them or to skip.`,
        );
      } else if (s.target === 'skip') {
        skippedSpans += s.count;
        skipped.push(`${name} (${fmt(s.count)})`);
      }
    }
    if (skippedSpans === 0) return [];
    return [
      `${fmt(skippedSpans)} span${skippedSpans === 1 ? ' was' : 's were'} left out because ${skipped.length === 1 ? 'its label is' : 'their labels are'} mapped to skip: ${skipped.join(', ')}.`,
    ];
  }
}

const GUESSES: readonly [RegExp, Label][] = [
  [/^(claims?|assertions?|statements?|allegations?)$/, 'claim'],
  [/^(quotes?|quotations?|quoted|citations?|speech|reported[-_ ]?speech|direct[-_ ]?quote)$/, 'quote'],
  [
    /^(figures?|numbers?|numerals?|money|monetary|percent(age)?s?|quantit(y|ies)|cardinals?|statistics?|stats?|amounts?|measures?)$/,
    'figure',
  ],
  [/^(speculations?|speculative|predictions?|forecasts?|hedges?|hedging|rumou?rs?)$/, 'speculation'],
];

/**
 * A first guess for a foreign label, for the Import dialog: `CLAIM`/`Claim` → claim,
 * `Quotation` → quote, `MONEY`/`PERCENT`/`CARDINAL` → figure …; anything else `skip`. The user
 * confirms every guess before anything is stored.
 */
export function guessLabel(raw: string): LabelTarget {
  const key = raw.trim().toLowerCase();
  for (const [re, label] of GUESSES) if (re.test(key)) return label;
  return 'skip';
}

/** True for a value that a label map may hold. */
export const isLabelTarget = (v: unknown): v is LabelTarget => v === 'skip' || isLabel(v);

/**
 * A label map from `FROM=TO[,FROM=TO…]` (the CLI's `--label-map`) or from a JSON object's text
 * (`--label-map @FILE.json`). TO must be one of the four labels or `skip`. Errors are sentences.
 */
export function parseLabelMap(
  spec: string,
  kind: 'pairs' | 'json',
): { ok: true; map: Record<string, LabelTarget> } | { ok: false; error: string } {
  const map: Record<string, LabelTarget> = Object.create(null) as Record<string, LabelTarget>;
  const bad = (from: string, to: unknown) =>
    ({
      ok: false,
      error: `The label map sends ${JSON.stringify(from)} to ${JSON.stringify(to)}; it must be one of ${LABEL_LIST} or skip.`,
    }) as const;
  if (kind === 'json') {
    let value: unknown;
    try {
      value = JSON.parse(spec);
    } catch (e) {
      return {
        ok: false,
        error: `The label map is not valid JSON (${e instanceof Error ? e.message : ''}).`,
      };
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return { ok: false, error: 'The label map must be a JSON object {"FROM": "TO", …}.' };
    }
    for (const [from, to] of Object.entries(value)) {
      if (!isLabelTarget(to)) return bad(from, to);
      map[from] = to;
    }
    return { ok: true, map };
  }
  for (const pair of spec.split(',')) {
    if (pair.trim() === '') continue;
    const eq = pair.lastIndexOf('=');
    if (eq <= 0) return { ok: false, error: `"${pair}" in the label map is not of the form FROM=TO.` };
    const from = pair.slice(0, eq);
    const to = pair.slice(eq + 1).trim();
    if (!isLabelTarget(to)) return bad(from, to);
    map[from] = to;
  }
  return { ok: true, map };
}
