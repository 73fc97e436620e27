import type { SaveState } from './useAnnotationSession';

/** "Saved" appears only after the last transaction committed (see useAnnotationSession). */
export function SaveIndicator({ state }: { state: SaveState }) {
  const text =
    state.kind === 'saving'
      ? 'Saving…'
      : state.kind === 'saved'
        ? 'Saved'
        : state.kind === 'error'
          ? 'Not saved'
          : 'No changes yet';
  return (
    <span
      className={`save-indicator save-${state.kind}`}
      data-testid="save-state"
      role="status"
      title={state.kind === 'error' ? state.message : undefined}
    >
      {text}
    </span>
  );
}
