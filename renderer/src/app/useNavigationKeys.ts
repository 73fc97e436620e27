import { useEffect } from 'react';

import type { NavigationMove } from '../core/model/library-navigation';

const isFormField = (t: EventTarget | null): boolean =>
  t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement;

/** `[` previous, `]` next, `n` next not done (also Alt+↑ / Alt+↓), anywhere but in a form field. */
export function useNavigationKeys(onMove: (move: NavigationMove) => void, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (isFormField(e.target) || e.ctrlKey || e.metaKey) return;
      let move: NavigationMove | null = null;
      if (e.altKey && e.key === 'ArrowDown') move = 'next';
      else if (e.altKey && e.key === 'ArrowUp') move = 'previous';
      else if (!e.altKey && e.key === ']') move = 'next';
      else if (!e.altKey && e.key === '[') move = 'previous';
      else if (!e.altKey && (e.key === 'n' || e.key === 'N')) move = 'next-not-done';
      if (!move) return;
      e.preventDefault();
      e.stopPropagation();
      onMove(move);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onMove, enabled]);
}
