import { err, ok, type Result } from '../result';
import { LABELS, type Label } from './labels';

/** A label's guideline: a short definition and a few examples, shown where the label is chosen. */
export interface LabelGuideline {
  readonly definition: string;
  readonly examples: readonly string[];
}

export type Guidelines = Readonly<Record<Label, LabelGuideline>>;

export const DEFINITION_MAX = 400;
export const EXAMPLE_MAX = 200;
export const EXAMPLES_MAX = 5;

/** What a project starts with; the lead edits them (Help → Guidelines). */
export const DEFAULT_GUIDELINES: Guidelines = {
  claim: {
    definition: 'A statement presented as fact that could be checked true or false.',
    examples: ['OpenAI has begun winding down its contracts with Scale AI.'],
  },
  quote: {
    definition: 'Words attributed to a named or described speaker, direct or reported.',
    examples: ['“nothing has changed about our commitment,” Droege said.'],
  },
  figure: {
    definition: 'A number, amount, date or statistic, with its unit.',
    examples: ['$14.8 billion', 'a 49% stake'],
  },
  speculation: {
    definition: 'A forecast, guess or hedged statement about what may be or may happen.',
    examples: ['Prices may rise next year.'],
  },
};

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Checks guidelines read from storage, a backup or a form: every label present with a definition
 * (non-empty, at most DEFINITION_MAX characters) and up to EXAMPLES_MAX non-empty examples; the
 * error names the label and the problem. Text is trimmed; empty examples are dropped.
 */
export function parseGuidelines(x: unknown): Result<Guidelines> {
  if (!isObject(x)) return err('The guidelines are not an object with one entry per label.');
  const out: Partial<Record<Label, LabelGuideline>> = {};
  for (const label of LABELS) {
    const g = x[label];
    if (!isObject(g)) return err(`The guideline of ${label} is missing.`);
    const definition = typeof g['definition'] === 'string' ? g['definition'].trim() : null;
    if (!definition) return err(`The guideline of ${label} needs a definition.`);
    if (definition.length > DEFINITION_MAX)
      return err(`The definition of ${label} is longer than ${DEFINITION_MAX} characters.`);
    const raw = g['examples'] ?? [];
    if (!Array.isArray(raw) || !raw.every((e) => typeof e === 'string'))
      return err(`The examples of ${label} are not a list of texts.`);
    const examples = (raw as string[]).map((e) => e.trim()).filter((e) => e !== '');
    if (examples.length > EXAMPLES_MAX) return err(`${label} has more than ${EXAMPLES_MAX} examples.`);
    const long = examples.find((e) => e.length > EXAMPLE_MAX);
    if (long !== undefined) return err(`An example of ${label} is longer than ${EXAMPLE_MAX} characters.`);
    out[label] = { definition, examples };
  }
  const extra = Object.keys(x).find((k) => !(LABELS as readonly string[]).includes(k));
  if (extra !== undefined) return err(`The guidelines name a label this Marginalia does not have: ${extra}.`);
  return ok(out as Guidelines);
}

/** Stored guidelines, or the defaults when none (or malformed ones, which are never shown). */
export function guidelinesOrDefault(x: unknown): Guidelines {
  if (x === undefined) return DEFAULT_GUIDELINES;
  const r = parseGuidelines(x);
  return r.ok ? r.value : DEFAULT_GUIDELINES;
}

/** The hover text of a label's button: what it is for, its key, its definition and examples. */
export function guidelineHint(label: Label, key: string, g: LabelGuideline): string {
  const examples = g.examples.map((e) => `  e.g. ${e}`).join('\n');
  return `Tag the selection as ${label} (key ${key})\n${g.definition}${examples ? `\n${examples}` : ''}`;
}

/** Plain JSON for an export's or a backup's `meta.guidelines` (label order, fixed keys). */
export function guidelinesMeta(g: Guidelines): Record<string, { definition: string; examples: string[] }> {
  const out: Record<string, { definition: string; examples: string[] }> = {};
  for (const label of LABELS)
    out[label] = { definition: g[label].definition, examples: [...g[label].examples] };
  return out;
}
