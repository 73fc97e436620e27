import { useCallback, useDeferredValue, useMemo, useState } from 'react';

import type { CodePointIndex } from '../../core/text/code-points';
import { findAll, firstFrom, stepMatch, type Match } from '../../core/text/find';

export interface FindState {
  readonly open: boolean;
  /** Counts the times the bar was asked for (Ctrl+F again moves the focus back into it). */
  readonly opened: number;
  readonly query: string;
  readonly matches: readonly Match[];
  readonly truncated: boolean;
  /** Index of the current match, -1 when none. */
  readonly current: number;
  readonly currentMatch: Match | null;
  show(from: number): void;
  hide(): void;
  setQuery(query: string, from: number): void;
  step(direction: 1 | -1): void;
}

/**
 * The find bar's state: the query, its matches in the article (core/text/find.ts) and which one is
 * current. The search follows the typed query through `useDeferredValue`, so typing in a long article
 * stays responsive while the matches catch up.
 */
export function useFind(index: CodePointIndex): FindState {
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(0);
  const [query, setQueryState] = useState('');
  const [from, setFrom] = useState(0);
  const [picked, setPicked] = useState<number | null>(null);
  const deferred = useDeferredValue(query);
  const result = useMemo(() => findAll(index, deferred), [index, deferred]);
  const { matches, truncated } = result;
  const current = matches.length === 0 ? -1 : (picked ?? firstFrom(matches, from));
  const show = useCallback((at: number) => {
    setFrom(at);
    setPicked(null);
    setOpen(true);
    setOpened((n) => n + 1);
  }, []);
  const hide = useCallback(() => setOpen(false), []);
  const setQuery = useCallback((q: string, at: number) => {
    setQueryState(q);
    setFrom(at);
    setPicked(null);
  }, []);
  const step = useCallback(
    (direction: 1 | -1) => {
      const next = stepMatch(current, matches.length, direction);
      setPicked(next < 0 ? null : next);
    },
    [current, matches],
  );
  return {
    open,
    opened,
    query,
    matches,
    truncated,
    current,
    currentMatch: matches[current] ?? null,
    show,
    hide,
    setQuery,
    step,
  };
}
