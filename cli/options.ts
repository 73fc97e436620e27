import { readFileSync } from 'node:fs';
import type {
  ImportOffer,
  ImportOptions,
  LabelTarget,
  OffsetUnit,
} from '../renderer/src/core/formats/import-types';
import { isLabelTarget, parseLabelMap } from '../renderer/src/core/formats/label-resolve';
import { flag, opt, sw, type Args, type OptionSpec } from './args';

/**
 * Options shared by every command that imports (`validate`, `convert`, and `team add-articles`):
 * add IMPORT_OPTIONS to the command's option list, then read them with `importOptions`.
 */
export const IMPORT_OPTIONS: readonly OptionSpec[] = [
  opt('annotator', 'NAME'),
  opt('label-map', 'FROM=TO[,…]|@FILE.json'),
  opt('unmapped', 'claim|quote|figure|speculation|skip|error'),
  opt('doccano-unit', 'utf16|codepoint'),
  opt('labelstudio-unit', 'codepoint|utf16'),
  opt('w3c-unit', 'codepoint|utf16'),
  opt('predictions', 'skip|import'),
  opt('encoding', 'utf-8|windows-1252'),
  opt('read-as', 'json'),
  sw('case-insensitive-labels'),
  sw('markdown-verbatim'),
];

/** The import options for a command's usage text. */
export const IMPORT_USAGE = `Import options:
  --annotator NAME            annotator for files that name none (brat, doccano)
  --label-map FROM=TO[,…]     map the file's labels to claim|quote|figure|speculation|skip
  --label-map @FILE.json      the same map as a JSON object {"FROM": "TO", …}
  --unmapped claim|quote|figure|speculation|skip|error
                              labels the map does not name (default: error)
  --case-insensitive-labels   accept "Claim", "CLAIM" … as claim
  --doccano-unit utf16|codepoint        doccano offsets (default utf16, doccano's editor)
  --labelstudio-unit codepoint|utf16    Label Studio offsets (default codepoint, LS ≥ 1.5)
  --w3c-unit codepoint|utf16            W3C positions (default codepoint, or as the file says)
  --predictions skip|import   Label Studio predictions (import: as annotator "predictions")
  --encoding utf-8|windows-1252         how to decode text that is not UTF-8
  --read-as json              read a pretty-printed JSON file saved as .jsonl as JSON
  --markdown-verbatim         keep Markdown files as they are`;
/** Reads `--label-map @FILE` (tests pass their own reader). */
export type ReadText = (path: string) => string;
const readUtf8: ReadText = (path) => readFileSync(path, 'utf8');

function unit(args: Args, name: string): OffsetUnit | undefined | { error: string } {
  const v = flag(args, name);
  if (v === undefined || v === 'codepoint' || v === 'utf16') return v;
  return { error: `--${name} must be "codepoint" or "utf16".` };
}

function choice<T extends string>(
  args: Args,
  name: string,
  allowed: readonly T[],
): T | undefined | { error: string } {
  const v = flag(args, name);
  if (v === undefined || (allowed as readonly string[]).includes(v)) return v as T | undefined;
  return { error: `--${name} must be ${allowed.map((a) => `"${a}"`).join(' or ')}.` };
}

/** The `--label-map` value: FROM=TO pairs, or @FILE with a JSON object. */
export function labelMapOption(
  value: string | undefined,
  read: ReadText = readUtf8,
): Record<string, LabelTarget> | undefined | { error: string } {
  if (value === undefined) return undefined;
  if (value.startsWith('@')) {
    let text: string;
    try {
      text = read(value.slice(1));
    } catch (e) {
      return {
        error: `--label-map ${value}: the file cannot be read (${e instanceof Error ? e.message : String(e)}).`,
      };
    }
    const r = parseLabelMap(text, 'json');
    return r.ok ? r.map : { error: `--label-map ${value}: ${r.error}` };
  }
  const r = parseLabelMap(value, 'pairs');
  return r.ok ? r.map : { error: `--label-map: ${r.error}` };
}

const isError = (v: unknown): v is { error: string } => typeof v === 'object' && v !== null && 'error' in v;

/** ImportOptions from the command line, or a message for a bad value. */
export function importOptions(args: Args, read: ReadText = readUtf8): ImportOptions | string {
  const doccano = unit(args, 'doccano-unit');
  const ls = unit(args, 'labelstudio-unit');
  const w3c = unit(args, 'w3c-unit');
  const predictions = choice(args, 'predictions', ['skip', 'import'] as const);
  const encoding = choice(args, 'encoding', ['utf-8', 'windows-1252'] as const);
  const readAs = choice(args, 'read-as', ['json'] as const);
  const labelMap = labelMapOption(flag(args, 'label-map'), read);
  const unmappedRaw = flag(args, 'unmapped');
  for (const v of [doccano, ls, w3c, predictions, encoding, readAs, labelMap]) if (isError(v)) return v.error;
  if (unmappedRaw !== undefined && unmappedRaw !== 'error' && !isLabelTarget(unmappedRaw)) {
    return '--unmapped must be claim, quote, figure, speculation, skip or error.';
  }
  const annotator = flag(args, 'annotator');
  return {
    ...(annotator !== undefined ? { annotator } : {}),
    ...(labelMap && !isError(labelMap) ? { labelMap } : {}),
    ...(unmappedRaw !== undefined ? { unmapped: unmappedRaw as LabelTarget | 'error' } : {}),
    ...(doccano && !isError(doccano) ? { doccanoUnit: doccano } : {}),
    ...(ls && !isError(ls) ? { labelStudioUnit: ls } : {}),
    ...(w3c && !isError(w3c) ? { w3cUnit: w3c } : {}),
    ...(predictions && !isError(predictions) ? { predictions } : {}),
    ...(encoding && !isError(encoding) ? { encoding } : {}),
    ...(readAs && !isError(readAs) ? { readAs } : {}),
    ...(args.flags.has('case-insensitive-labels') ? { caseInsensitiveLabels: true } : {}),
    ...(args.flags.has('markdown-verbatim') ? { markdown: 'verbatim' as const } : {}),
  };
}

/** The CLI's words for a report's offers: which flag reads the file the other way. */
export function offerHints(offers: readonly ImportOffer[]): string[] {
  return offers.map((o) => {
    switch (o.kind) {
      case 'unit':
        return `To read the offsets as ${o.other === 'utf16' ? 'UTF-16 units' : 'code points'} instead: --${o.format === 'labelstudio' ? 'labelstudio' : o.format}-unit ${o.other}.`;
      case 'read-as-json':
        return 'To read it as JSON: --read-as json.';
      case 'encoding':
        return 'To read it as Windows-1252 (Western European) text: --encoding windows-1252.';
      case 'predictions':
        return `To import the ${o.count} prediction set(s) under the annotator "predictions": --predictions import.`;
    }
  });
}

/** The hint printed once under a report that has unknown labels. */
export const LABEL_HINT =
  'Map labels with --label-map FROM=TO[,FROM=TO…] or --label-map @map.json (TO: claim, quote, figure, speculation or skip), or give the rest one fate with --unmapped.';
