import type { DocStatus } from './status';

export type NavigationMove = 'next' | 'previous' | 'next-not-done';

/**
 * The document a navigation key leads to, in library order: previous/next stop at the ends;
 * "next not done" searches forward from the current document and wraps around. Returns null when
 * there is nowhere to go. O(n).
 */
export function navigate(
  ids: readonly string[],
  statusOf: (id: string) => DocStatus,
  current: string | null,
  move: NavigationMove,
): string | null {
  if (ids.length === 0) return null;
  const at = current === null ? -1 : ids.indexOf(current);
  switch (move) {
    case 'next':
      return at + 1 < ids.length ? (ids[at + 1] ?? null) : null;
    case 'previous':
      return at > 0 ? (ids[at - 1] ?? null) : null;
    case 'next-not-done':
      for (let k = 1; k <= ids.length; k++) {
        const id = ids[(Math.max(at, -1) + k + ids.length) % ids.length] as string;
        if (id !== current && statusOf(id) !== 'done') return id;
      }
      return null;
  }
}

/**
 * `navigate` over a library of which only the first entries are read yet (`complete` false): a
 * move from a document not among them, past their end or wrapping round waits for the rest (null).
 */
export function navigateRead(
  ids: readonly string[],
  statusOf: (id: string) => DocStatus,
  current: string | null,
  move: NavigationMove,
  complete: boolean,
): string | null {
  if (complete) return navigate(ids, statusOf, current, move);
  const at = current === null ? -1 : ids.indexOf(current);
  if (at < 0) return null;
  const target = navigate(ids, statusOf, current, move);
  if (target === null) return null;
  return move === 'previous' || ids.indexOf(target) > at ? target : null;
}
