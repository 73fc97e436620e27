import { isLabel, LABELS, type Label } from '../model/labels';
import type { ImportOptions } from './import-types';

/**
 * Maps a label as written in a file to a Marginalia label: exact names, then `options.labelMap`,
 * then (when asked) a case-insensitive match. Anything else is null — an error, never a guess.
 */
export function makeLabelResolver(options: ImportOptions): (raw: string) => Label | null {
  const map = options.labelMap ?? {};
  return (raw) => {
    if (isLabel(raw)) return raw;
    if (Object.prototype.hasOwnProperty.call(map, raw)) {
      const mapped = map[raw];
      return isLabel(mapped) ? mapped : null;
    }
    if (options.caseInsensitiveLabels) {
      const lower = raw.toLowerCase();
      return LABELS.find((l) => l === lower) ?? null;
    }
    return null;
  };
}

export const LABEL_LIST = LABELS.join(', ');
