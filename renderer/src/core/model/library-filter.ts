import type { DocStatus } from './status';

/** What the library filter asks: every part optional, all given parts must hold. */
export interface LibraryQuery {
  /** Matched case-insensitively against the title, and against the article text when searched. */
  readonly words: string;
  readonly status: DocStatus | null;
  /** Documents this annotator worked on (spans or a status). */
  readonly annotator: string | null;
}

export const EMPTY_QUERY: LibraryQuery = { words: '', status: null, annotator: null };

export function isActive(q: LibraryQuery): boolean {
  return q.words.trim() !== '' || q.status !== null || q.annotator !== null;
}

/** The needle of a words query (trimmed, lower case), or null when there is none. */
export function needle(q: LibraryQuery): string | null {
  const n = q.words.trim().toLocaleLowerCase();
  return n === '' ? null : n;
}

/** Text search starts at this many characters: one letter matches nearly every article. */
export const TEXT_SEARCH_MIN = 3;

/**
 * The entries the query selects, in library order. `inText`: ids of documents whose text contains
 * the words (null while that search has not answered: title matches only); `ofAnnotator`: ids the
 * chosen annotator worked on (null while unknown: nothing matches yet rather than everything);
 * `titleMatches`: which titles hold the words (a TitleIndex's mask), else each title is lower-cased
 * here. O(n).
 */
export function filterLibrary<
  T extends { readonly id: string; readonly title: string; readonly status: DocStatus },
>(
  entries: readonly T[],
  q: LibraryQuery,
  inText: ReadonlySet<string> | null,
  ofAnnotator: ReadonlySet<string> | null,
  titleMatches?: Uint8Array | null,
): T[] {
  if (!isActive(q)) return [...entries];
  const n = needle(q);
  const inTitle = (e: T, i: number): boolean =>
    titleMatches ? titleMatches[i] === 1 : e.title.toLocaleLowerCase().includes(n as string);
  return entries.filter(
    (e, i) =>
      (n === null || inTitle(e, i) || (inText?.has(e.id) ?? false)) &&
      (q.status === null || e.status === q.status) &&
      (q.annotator === null || (ofAnnotator?.has(e.id) ?? false)),
  );
}

/**
 * The row to bring into view: while filtering, the first match (typing shows what matched, not the
 * open article further down); otherwise the open document.
 */
export function libraryScrollTarget(
  shown: readonly { readonly id: string }[],
  currentId: string | null,
  filtering: boolean,
): number {
  if (filtering) return shown.length > 0 ? 0 : -1;
  return shown.findIndex((e) => e.id === currentId);
}

/** Whether one article text contains the needle (lower case), case-insensitively. */
export function textContains(text: string, lowerNeedle: string): boolean {
  return text.toLocaleLowerCase().includes(lowerNeedle);
}
