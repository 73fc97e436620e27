import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';

import {
  EMPTY_QUERY,
  filterLibrary,
  isActive,
  needle,
  type LibraryQuery,
} from '../../core/model/library-filter';
import { TitleIndex } from '../../core/model/title-index';
import { libraryAnnotators } from '../../db/corpus/search';
import { documentsOfAnnotator, findInTexts } from '../../db/repositories/library-search';
import type { LibraryEntry } from '../../session/library/useLibrary';
import { useServices } from '../../session/providers';

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Text search waits for a pause in typing this long. */
const TEXT_SEARCH_DELAY_MS = 250;

/**
 * The library filter: title matches at once, article-text matches when the text search answers
 * (searched on demand, debounced, the previous search stopped), status, and annotator (live).
 */
export function useLibraryFilter(entries: readonly LibraryEntry[], complete = true) {
  const { db } = useServices();
  const [query, setQuery] = useState<LibraryQuery>(EMPTY_QUERY);
  const [inText, setInText] = useState<{ needle: string; ids: ReadonlySet<string> } | null>(null);
  const [searching, setSearching] = useState(false);
  const n = needle(query);

  useEffect(() => {
    const stop = new AbortController();
    setSearching(n !== null);
    const timer = setTimeout(() => {
      findInTexts(db, { ...EMPTY_QUERY, words: n ?? '' }, stop.signal).then(
        (ids) => {
          if (stop.signal.aborted) return;
          setInText(ids && n !== null ? { needle: n, ids } : null);
          setSearching(false);
        },
        () => undefined, // replaced by a newer search
      );
    }, TEXT_SEARCH_DELAY_MS);
    return () => {
      clearTimeout(timer);
      stop.abort();
    };
  }, [db, n]);

  // Once the whole library is read: before, this walk over every batch head ran beside the
  // library's own and read them all a second time (the heads are kept once the library's walk ends).
  const annotators = useLiveQuery(async () => (complete ? libraryAnnotators(db) : []), [db, complete]) ?? [];
  const ofAnnotator = useLiveQuery(
    async () => (query.annotator ? documentsOfAnnotator(db, query.annotator) : null),
    [db, query.annotator],
  );

  // Built behind, a chunk per task, once the whole library is read, and kept while the titles stay
  // the same (a label changes an entry's counts, not its title): the first words typed find it
  // ready (at 1,000,000 titles building it on the first keystroke took 618 ms), and a keystroke
  // only scans its strings (13 ms at 1,000,000). Words typed before it is ready build it at once.
  const built = useRef<{ index: TitleIndex; of: readonly LibraryEntry[] } | null>(null);
  // Whether the index holds these entries' titles: O(n), so asked once per entries array.
  const fits = (): boolean => {
    const b = built.current;
    if (!b || (b.of !== entries && !b.index.holds(entries.length, (i) => (entries[i] as LibraryEntry).title)))
      return false;
    b.of = entries;
    return true;
  };
  useEffect(() => {
    if (!complete || fits()) return;
    let stopped = false;
    void TitleIndex.build(
      entries.map((e) => e.title),
      nextTask,
      () => stopped,
    ).then((index) => {
      if (index) built.current = { index, of: entries };
    });
    return () => void (stopped = true);
    // fits reads `entries`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [entries, complete]);
  const filtering = n !== null;
  const index = useMemo(() => {
    if (!filtering) return null;
    if (!fits()) built.current = { index: TitleIndex.of(entries.map((e) => e.title)), of: entries };
    return (built.current as { index: TitleIndex }).index;
    // fits reads `entries`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [entries, filtering]);
  const titleMatches = useMemo(() => (index && n !== null ? index.matches(n) : null), [index, n]);
  const shown = useMemo(
    () =>
      filterLibrary(
        entries,
        query,
        inText && inText.needle === n ? inText.ids : null,
        ofAnnotator ?? null,
        titleMatches,
      ),
    [entries, query, inText, n, ofAnnotator, titleMatches],
  );
  return { query, setQuery, shown, active: isActive(query), searching, annotators };
}
