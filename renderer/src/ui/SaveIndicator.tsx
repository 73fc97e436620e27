/** A write queue's save state (session/commands/write-queue.ts), as far as it is shown. */
export type SaveState =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

const WORDS: Readonly<Record<SaveState['kind'], string>> = {
  idle: 'No changes yet',
  saving: 'Saving…',
  saved: 'Saved',
  error: 'Not saved',
};

/**
 * "Saved" appears only after the last transaction committed (session/commands/write-queue.ts).
 * All four states are in the page at once, stacked, and only the current one is coloured (the
 * others are transparent and hidden from assistive technology; styles.css): switching to "Saving…"
 * in the frame that paints a new highlight then changes no text and needs no layout, which cost
 * ~2 ms of that frame on a long article. Read the state from the accessible name (aria-label), not
 * the text.
 */
export function SaveIndicator({ state }: { state: SaveState }) {
  return (
    <span
      className={`save-indicator save-${state.kind}`}
      data-testid="save-state"
      role="status"
      aria-label={WORDS[state.kind]}
      title={state.kind === 'error' ? state.message : undefined}
    >
      {(Object.keys(WORDS) as SaveState['kind'][]).map((k) => (
        <span key={k} className={k === state.kind ? 'shown' : undefined} aria-hidden={k !== state.kind}>
          {WORDS[k]}
        </span>
      ))}
    </span>
  );
}
