import type { ImportOptions, OffsetUnit } from '../renderer/src/core/formats/import-types';
import { flag, opt, sw, type Args, type OptionSpec } from './args';

/** Options shared by the commands that import (validate, convert). */
export const IMPORT_OPTIONS: readonly OptionSpec[] = [
  opt('annotator', 'NAME'),
  opt('doccano-unit', 'codepoint|utf16'),
  opt('labelstudio-unit', 'codepoint|utf16'),
  sw('case-insensitive-labels'),
  sw('markdown-verbatim'),
];

function unit(v: string | undefined, name: string): OffsetUnit | undefined | string {
  if (v === undefined) return undefined;
  if (v === 'codepoint' || v === 'utf16') return v;
  return `--${name} must be "codepoint" or "utf16".`;
}

/** ImportOptions from the command line, or a message for a bad value. */
export function importOptions(args: Args): ImportOptions | string {
  const doccano = unit(flag(args, 'doccano-unit'), 'doccano-unit');
  const ls = unit(flag(args, 'labelstudio-unit'), 'labelstudio-unit');
  if (typeof doccano === 'string' && doccano !== 'codepoint' && doccano !== 'utf16') return doccano;
  if (typeof ls === 'string' && ls !== 'codepoint' && ls !== 'utf16') return ls;
  const annotator = flag(args, 'annotator');
  return {
    ...(annotator !== undefined ? { annotator } : {}),
    ...(doccano !== undefined ? { doccanoUnit: doccano as OffsetUnit } : {}),
    ...(ls !== undefined ? { labelStudioUnit: ls as OffsetUnit } : {}),
    ...(args.flags.has('case-insensitive-labels') ? { caseInsensitiveLabels: true } : {}),
    ...(args.flags.has('markdown-verbatim') ? { markdown: 'verbatim' as const } : {}),
  };
}
