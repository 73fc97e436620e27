import { SNAP_TOGGLE_KEY, setSnapMode, useSnapMode } from './snap-mode';

/**
 * Shows how selections become spans and switches it (the W key in the article does the same). A
 * pressed button means "whole words"; mousedown is prevented so the article keeps its selection.
 */
export function SnapToggle() {
  const mode = useSnapMode();
  const words = mode === 'word';
  return (
    <button
      type="button"
      className="snap-toggle"
      aria-pressed={words}
      aria-keyshortcuts={SNAP_TOGGLE_KEY.toUpperCase()}
      title={`Selections snap to ${words ? 'whole words' : 'single characters'}; press ${SNAP_TOGGLE_KEY.toUpperCase()} in the article to switch`}
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => setSnapMode(words ? 'character' : 'word')}
    >
      <kbd aria-hidden="true">{SNAP_TOGGLE_KEY.toUpperCase()}</kbd>
      Snap to words
      <span className="snap-state" aria-hidden="true">
        {words ? 'on' : 'off: characters'}
      </span>
    </button>
  );
}
