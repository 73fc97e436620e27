import { useEffect, useRef } from 'react';

import type { FindState } from './useFind';

/**
 * Find in the article (Ctrl+F): Enter and Shift+Enter step through the matches (the page scrolls the
 * current one into view), Esc closes. Closing leaves the current match selected in the article, with
 * the focus there, so a label key (1–4) labels exactly it.
 */
export function FindBar({
  find,
  caret,
  onClose,
}: {
  find: FindState;
  /** Where the search starts (code points): the caret or selection start. */
  caret: () => number;
  onClose: (select: boolean) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [find.opened]);
  const count = find.matches.length;
  const where =
    find.query.trim() === ''
      ? ''
      : count === 0
        ? 'No matches'
        : `${find.current + 1} of ${count}${find.truncated ? '+' : ''}`;
  return (
    <div className="find-bar" role="search" aria-label="Find in article">
      <input
        ref={input}
        type="search"
        aria-label="Find in article"
        placeholder="Find in article"
        value={find.query}
        onChange={(e) => find.setQuery(e.target.value, caret())}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            find.step(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onClose(true);
          }
        }}
      />
      <span className="find-count" role="status" aria-live="polite">
        {where}
      </span>
      <button
        type="button"
        aria-label="Previous match"
        aria-keyshortcuts="Shift+Enter"
        disabled={count === 0}
        onClick={() => find.step(-1)}
      >
        ↑
      </button>
      <button
        type="button"
        aria-label="Next match"
        aria-keyshortcuts="Enter"
        disabled={count === 0}
        onClick={() => find.step(1)}
      >
        ↓
      </button>
      <button type="button" aria-label="Close find" aria-keyshortcuts="Escape" onClick={() => onClose(true)}>
        ×
      </button>
    </div>
  );
}
