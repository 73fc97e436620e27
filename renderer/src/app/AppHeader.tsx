import type { NavigationMove } from '../core/model/library-navigation';
import type { DocStatus } from '../core/model/status';
import { StatusSelect } from '../features/library/StatusSelect';

export interface AppHeaderProps {
  annotator: string | null;
  status: DocStatus | undefined;
  sidebarOpen: boolean;
  reviewActive: boolean;
  onMove: (move: NavigationMove) => void;
  onStatus: (status: DocStatus) => void;
  onImport: () => void;
  onExport: () => void;
  onToggleReview: () => void;
  claimsOpen: boolean;
  onToggleClaims: () => void;
  /** The lead's progress dashboard: null hides its button (not connected as a lead). */
  progress: { open: boolean; onToggle: () => void } | null;
  onRename: () => void;
  onToggleSidebar: () => void;
  onHelp: (section: 'keys' | 'format') => void;
  onSettings: () => void;
  /** The team sync's state in words (null: no team), and how far a pull has come. */
  sync: {
    text: string;
    tone: 'ok' | 'busy' | 'offline' | 'error';
    progress: { done: number; total: number } | null;
  } | null;
}

/** The header: document navigation and status, then the app-wide actions. Renders and dispatches only. */
export function AppHeader(p: AppHeaderProps) {
  return (
    <header className="app-header">
      <span className="brand">Marginalia</span>
      {/* Annotating only: on the review pages the space stays, the controls go. */}
      <div className="doc-nav" role="group" aria-label="Document navigation" hidden={p.reviewActive}>
        <button type="button" onClick={() => p.onMove('previous')} aria-keyshortcuts="[">
          ‹ Previous
        </button>
        <button type="button" onClick={() => p.onMove('next')} aria-keyshortcuts="]">
          Next ›
        </button>
        <button type="button" onClick={() => p.onMove('next-not-done')} aria-keyshortcuts="N">
          Next not done
        </button>
        {p.status && <StatusSelect label="Status of this document" value={p.status} onChange={p.onStatus} />}
      </div>
      <button type="button" onClick={p.onImport}>
        Import…
      </button>
      <button type="button" onClick={p.onExport}>
        Export…
      </button>
      <button
        type="button"
        onClick={p.onToggleReview}
        aria-pressed={p.reviewActive && !p.progress?.open && !p.claimsOpen}
      >
        Agreement
      </button>
      <button type="button" onClick={p.onToggleClaims} aria-pressed={p.claimsOpen}>
        Claims
      </button>
      {p.progress && (
        <button type="button" onClick={p.progress.onToggle} aria-pressed={p.progress.open}>
          Progress
        </button>
      )}
      <button
        type="button"
        className="annotator"
        onClick={p.onRename}
        aria-label={`Annotator: ${p.annotator ?? 'not set'}. Change name`}
      >
        {p.annotator ?? '—'}
      </button>
      {!p.reviewActive && (
        <button type="button" onClick={p.onToggleSidebar} aria-pressed={p.sidebarOpen}>
          Sidebar
        </button>
      )}
      <button type="button" onClick={() => p.onHelp('keys')} aria-label="Keyboard shortcuts">
        ?
      </button>
      <button type="button" onClick={() => p.onHelp('format')}>
        Formats
      </button>
      {p.sync && (
        <button
          type="button"
          className={`sync-state sync-${p.sync.tone}`}
          onClick={p.onSettings}
          data-testid="sync-state"
          aria-live="polite"
          title="Team sync: open Settings → Team"
        >
          {p.sync.text}
          {p.sync.progress && p.sync.progress.total > 0 && (
            <progress
              aria-label="Pulling articles"
              max={p.sync.progress.total}
              value={p.sync.progress.done}
            />
          )}
        </button>
      )}
      <button type="button" onClick={p.onSettings}>
        Settings
      </button>
    </header>
  );
}
