import { useMemo, useState } from 'react';

import { LABEL_DISPLAYS } from '../../core/model/label-display';
import type { DocStatus } from '../../core/model/status';
import { LabelMark } from '../../ui/LabelMark';
import { VirtualList } from '../../ui/VirtualList';
import { StatusSelect } from './StatusSelect';
import type { LibraryEntry } from '../../session/library/useLibrary';
import './library.css';

const ROW_HEIGHT = 84;

const formatLength = (n: number): string => (n >= 1000 ? `${(n / 1000).toFixed(1)}k chars` : `${n} chars`);

/** The document list: title, length, per-label counts and the annotator's status for each. */
export function LibraryPanel({
  entries,
  currentId,
  onOpen,
  onStatus,
}: {
  entries: readonly LibraryEntry[];
  currentId: string | null;
  onOpen: (id: string) => void;
  onStatus: (id: string, status: DocStatus) => void;
}) {
  const [filter, setFilter] = useState('');
  const done = entries.filter((e) => e.status === 'done').length;
  const shown = useMemo(() => {
    const q = filter.trim().toLocaleLowerCase();
    return q ? entries.filter((e) => e.title.toLocaleLowerCase().includes(q)) : entries;
  }, [entries, filter]);
  const currentIndex = shown.findIndex((e) => e.id === currentId);
  return (
    <nav className="library" aria-label="Library">
      <h2>
        Library{' '}
        <span className="muted">
          {done}/{entries.length} done
        </span>
      </h2>
      {entries.length > 20 && (
        <input
          className="library-filter"
          type="search"
          placeholder="Filter by title"
          aria-label="Filter documents by title"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      )}
      <VirtualList
        label="Documents"
        count={shown.length}
        rowHeight={ROW_HEIGHT}
        scrollToIndex={currentIndex}
        renderRow={(i) => {
          const e = shown[i] as LibraryEntry;
          return {
            key: e.id,
            className: e.id === currentId ? 'current' : undefined,
            current: e.id === currentId,
            content: (
              <>
                <button type="button" className="doc-title" onClick={() => onOpen(e.id)} title={e.title}>
                  {e.title}
                </button>
                <div className="doc-meta">
                  <span>{formatLength(e.length)}</span>
                  {LABEL_DISPLAYS.map(({ label, title, letter }) => (
                    <span
                      key={label}
                      className="count"
                      title={`${title} spans`}
                      aria-label={`${e.counts[label]} ${label}`}
                    >
                      <LabelMark name={label} letter={letter} />
                      {e.counts[label]}
                    </span>
                  ))}
                  <StatusSelect
                    label={`Status of ${e.title}`}
                    value={e.status}
                    onChange={(s) => onStatus(e.id, s)}
                  />
                </div>
              </>
            ),
          };
        }}
      />
      <p className="hint">
        <kbd>[</kbd> previous · <kbd>]</kbd> next · <kbd>N</kbd> next not done
      </p>
    </nav>
  );
}
