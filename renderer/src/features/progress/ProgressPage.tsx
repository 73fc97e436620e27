import { useTeamProgress } from '../../session/sync/useTeamProgress';
import { AnnotatorTable } from './AnnotatorTable';
import { DocumentProgressList } from './DocumentProgressList';
import './progress.css';

/**
 * The lead's progress dashboard (issue 15 item 5): per annotator and per document, with totals,
 * following the team's work as it is pulled. Renders only; the figures come from core/sync/progress.ts.
 */
export function ProgressPage({ onClose }: { onClose: () => void }) {
  const snapshot = useTeamProgress();
  const p = snapshot?.progress ?? null;
  return (
    <section className="progress-page review-page" aria-label="Progress">
      <header className="review-header">
        <h2>Progress</h2>
        <button type="button" onClick={onClose}>
          Back to annotating
        </button>
      </header>
      {!snapshot && <p>Connect as the project’s lead in Settings → Team to follow the team’s progress.</p>}
      {snapshot?.reading !== null && snapshot?.reading !== undefined && (
        <p role="status" className="muted">
          Reading the team’s work… {snapshot.reading} records
        </p>
      )}
      {p && (
        <>
          <p className="progress-totals" data-testid="progress-totals">
            {p.totals.documents} documents · {p.totals.assigned} assigned · {p.totals.in_progress} in progress
            · {p.totals.done} done · {p.totals.spans} spans · {p.totals.documentsDone} documents done by
            everyone assigned
          </p>
          <h3>Annotators</h3>
          <AnnotatorTable rows={p.annotators} />
          <h3>Documents</h3>
          <DocumentProgressList rows={p.documents} />
        </>
      )}
    </section>
  );
}
