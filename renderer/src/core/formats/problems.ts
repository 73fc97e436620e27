import type { ImportProblem } from './import-types';

/** How many errors and warnings a report lists; the rest are counted. */
export const MAX_LISTED = 100;

/**
 * Collects the problems of one file. Listing stops at 100 of each kind so a million-line file of
 * errors cannot exhaust memory; counting does not stop, so the report says how many were left out.
 */
export class ProblemLog {
  private readonly errorList: ImportProblem[] = [];
  private readonly warningList: ImportProblem[] = [];
  errorCount = 0;
  warningCount = 0;

  error(line: number | null, field: string | null, message: string): void {
    this.errorCount++;
    if (this.errorList.length < MAX_LISTED) this.errorList.push({ line, field, message });
  }

  warn(line: number | null, field: string | null, message: string): void {
    this.warningCount++;
    if (this.warningList.length < MAX_LISTED) this.warningList.push({ line, field, message });
  }

  get hasErrors(): boolean {
    return this.errorCount > 0;
  }

  /** Errors as listed, plus one closing entry naming how many more there were. */
  errors(): ImportProblem[] {
    return withOverflow(this.errorList, this.errorCount, 'problem');
  }

  warnings(): ImportProblem[] {
    return withOverflow(this.warningList, this.warningCount, 'warning');
  }
}

function withOverflow(list: ImportProblem[], count: number, noun: string): ImportProblem[] {
  const more = count - list.length;
  if (more <= 0) return list;
  return [
    ...list,
    {
      line: null,
      field: null,
      message: `…and ${more.toLocaleString('en-US')} more ${noun}${more === 1 ? '' : 's'} not listed.`,
    },
  ];
}

/** `spans[2].start` from a path such as `['spans', 2, 'start']`. */
export function fieldPath(path: readonly PropertyKey[]): string | null {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out === '' ? null : out;
}
