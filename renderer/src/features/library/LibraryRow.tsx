import { memo } from 'react';

import { LABEL_DISPLAYS } from '../../core/model/label-display';
import { STATUS_TITLES, type DocStatus } from '../../core/model/status';
import { LabelMark } from '../../ui/LabelMark';
import { StatusSelect } from './StatusSelect';
import type { LibraryEntry } from '../../session/library/useLibrary';

const formatLength = (n: number): string => (n >= 1000 ? `${(n / 1000).toFixed(1)}k chars` : `${n} chars`);

/**
 * One document's row: title, length, per-label counts, status. Memoised on the entry (a label or a
 * status replaces only its own entry): a scroll re-renders the list within its frame, and rebuilding
 * every mounted row (~50 with the overscan, each with its counts and status menu) is what made those
 * frames long; now only the rows that come into the mounted range render.
 */
export const LibraryRow = memo(function LibraryRow({
  entry: e,
  onOpen,
  onStatus,
  onDetails,
}: {
  entry: LibraryEntry;
  onOpen: (id: string) => void;
  onStatus: (id: string, status: DocStatus) => void;
  onDetails: (id: string) => void;
}) {
  return (
    <>
      <button
        type="button"
        className="doc-title"
        onClick={() => onOpen(e.id)}
        title={e.title}
        data-opens-document=""
      >
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
        <StatusSelect label={`Status of ${e.title}`} value={e.status} onChange={(s) => onStatus(e.id, s)} />
        <button
          type="button"
          className="doc-details"
          onClick={() => onDetails(e.id)}
          aria-label={`Details of ${e.title}`}
          title="Title, source and metadata"
        >
          Details
        </button>
      </div>
      {e.team && (
        <div className="doc-team" data-testid="team-status">
          {e.team.length === 0
            ? 'Not assigned'
            : e.team.map((t) => `${t.annotator}: ${STATUS_TITLES[t.status]}`).join(' · ')}
        </div>
      )}
    </>
  );
});
