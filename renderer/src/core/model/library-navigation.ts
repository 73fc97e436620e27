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
