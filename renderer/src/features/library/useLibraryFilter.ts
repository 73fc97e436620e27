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

/** Text search waits for a pause in typing this long. */
const TEXT_SEARCH_DELAY_MS = 250;

/**
 * The library filter: title matches at once, article-text matches when the text search answers
 * (searched on demand, debounced, the previous search stopped), status, and annotator (live).
 */
export function useLibraryFilter(entries: readonly LibraryEntry[]) {
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

  const annotators = useLiveQuery(() => libraryAnnotators(db), [db]) ?? [];
  const ofAnnotator = useLiveQuery(
    async () => (query.annotator ? documentsOfAnnotator(db, query.annotator) : null),
    [db, query.annotator],
  );

  // Built at the first words typed, and kept while the titles stay the same (a label changes an
  // entry's counts, not its title): a keystroke then only scans one string (~5 ms at 100,000).
  const built = useRef<TitleIndex | null>(null);
  const filtering = n !== null;
  const index = useMemo(() => {
    if (!filtering) return null;
    const titles = entries.map((e) => e.title);
    built.current = built.current ? built.current.reuseFor(titles) : TitleIndex.of(titles);
    return built.current;
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
