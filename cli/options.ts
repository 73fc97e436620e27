import type { ImportOptions, OffsetUnit } from '../renderer/src/core/formats/import-types';
import { flag, type Args } from './args';

/** Flags shared by the commands that import. */
export const IMPORT_FLAGS = ['annotator', 'doccano-unit', 'labelstudio-unit'] as const;
export const IMPORT_SWITCHES = ['case-insensitive-labels', 'markdown-verbatim'] as const;

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
