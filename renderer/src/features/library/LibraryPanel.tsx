import { useMemo } from 'react';

import { libraryScrollTarget } from '../../core/model/library-filter';
import { STATUS_TITLES, STATUSES, type DocStatus } from '../../core/model/status';
import { VirtualList } from '../../ui/VirtualList';
import { LibraryRow } from './LibraryRow';
import { useLibraryFilter } from './useLibraryFilter';
import type { LibraryEntry } from '../../session/library/useLibrary';
import './library.css';

const ROW_HEIGHT = 84;
/** A lead's rows carry one more line: each annotator's status. */
const TEAM_ROW_HEIGHT = 104;
/**
 * Rows mounted beyond each edge of the list: two 600 px jumps (a scrollbar drag or a fast wheel
 * between two renders) still land on rows, never on a blank frame (issue 20). ~30 extra rows.
 */
const OVERSCAN_PX = 1200;

/** Stands where the library will be while it is read (start-up shows the last article first). */
export function LibraryLoading() {
  return (
    <nav className="library" aria-label="Library" aria-busy="true">
      <h2>Library</h2>
      <p className="muted library-loading" role="status">
        Loading the library…
      </p>
    </nav>
  );
}

/** The document list: title, length, per-label counts and the annotator's status for each. */
export function LibraryPanel({
  entries,
  complete = true,
  currentId,
  onOpen,
  onStatus,
  onDetails,
}: {
  entries: readonly LibraryEntry[];
  /** False while only the first entries are read: counts and matches are so far, the rest follows. */
  complete?: boolean;
  currentId: string | null;
  onOpen: (id: string) => void;
  onStatus: (id: string, status: DocStatus) => void;
  /** Opens a document's details (title, source, metadata). */
  onDetails: (id: string) => void;
}) {
  const { query, setQuery, shown, active, searching, annotators } = useLibraryFilter(entries, complete);
  // Once per library, not per keystroke: each is a pass over every entry.
  const done = useMemo(() => entries.filter((e) => e.status === 'done').length, [entries]);
  const team = useMemo(() => entries.some((e) => e.team), [entries]);
  const target = libraryScrollTarget(shown, currentId, active);
  // A new query starts the list at its top, so the first match is what shows.
  const listKey = JSON.stringify(query);
  return (
    <nav className="library" aria-label="Library">
      <h2>
        Library{' '}
        <span className="muted">{complete ? `${done}/${entries.length} done` : 'reading the rest…'}</span>
      </h2>
      <div className="library-filter" role="search" aria-label="Filter the library">
        <input
          type="search"
          placeholder="Filter by title or text"
          aria-label="Filter documents by title or text"
          value={query.words}
          onChange={(e) => setQuery({ ...query, words: e.target.value })}
        />
        <div className="library-filter-row">
          <select
            aria-label="Filter by status"
            value={query.status ?? ''}
            onChange={(e) => setQuery({ ...query, status: (e.target.value || null) as DocStatus | null })}
          >
            <option value="">Any status</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_TITLES[s]}
              </option>
            ))}
          </select>
          <select
            aria-label="Filter by annotator"
            value={query.annotator ?? ''}
            onChange={(e) => setQuery({ ...query, annotator: e.target.value || null })}
          >
            <option value="">Any annotator</option>
            {annotators.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        {active && (
          <p className="muted" role="status" data-testid="library-matches">
            {complete ? `${shown.length} of ${entries.length} match` : `${shown.length} match so far`}
            {searching ? ' · searching texts…' : ''}
          </p>
        )}
      </div>
      <VirtualList
        key={listKey}
        label="Documents"
        count={shown.length}
        rowHeight={team ? TEAM_ROW_HEIGHT : ROW_HEIGHT}
        scrollToIndex={target}
        overscanPx={OVERSCAN_PX}
        renderRow={(i) => {
          const e = shown[i] as LibraryEntry;
          return {
            key: e.id,
            className: e.id === currentId ? 'current' : undefined,
            current: e.id === currentId,
            content: <LibraryRow entry={e} onOpen={onOpen} onStatus={onStatus} onDetails={onDetails} />,
          };
        }}
      />
      <p className="hint">
        <kbd>[</kbd> previous · <kbd>]</kbd> next · <kbd>N</kbd> next not done
      </p>
    </nav>
  );
}
