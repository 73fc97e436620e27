import { confirmRestoreText, type RestorePlan } from '../../core/backup/restore-summary';
import { when } from './useRestoreFlow';

/** The question before a restore: what the backup holds, what it replaces, and its date. */
export function RestoreConfirm({
  plan,
  busy,
  onConfirm,
  onCancel,
  onSaveRaw,
}: {
  plan: RestorePlan;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** Offered when the current data cannot be backed up first (`plan.copyProblem`). */
  onSaveRaw: () => void;
}) {
  return (
    <div
      className="restore-confirm"
      role="alertdialog"
      aria-labelledby="restore-confirm-title"
      aria-describedby="restore-confirm-text"
    >
      <h4 id="restore-confirm-title">Replace your data with this backup?</h4>
      <p id="restore-confirm-text" data-testid="restore-confirm-text">
        {confirmRestoreText(plan, when)}
      </p>
      <p className="detail">From: {plan.name}</p>
      {/* Focus goes to Cancel: Enter on an unexpected dialog must not replace everything. */}
      <button type="button" disabled={busy} onClick={onCancel} autoFocus>
        Cancel
      </button>{' '}
      {plan.copyProblem !== null && (
        <>
          <button type="button" disabled={busy} onClick={onSaveRaw}>
            Save raw data
          </button>{' '}
        </>
      )}
      <button type="button" className="danger" disabled={busy} onClick={onConfirm}>
        {plan.copyProblem === null ? 'Replace with this backup' : 'Replace without a copy'}
      </button>
    </div>
  );
}
