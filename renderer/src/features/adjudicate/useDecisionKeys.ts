import { useEffect } from 'react';

const isFormField = (t: EventTarget | null): boolean =>
  t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement;

/**
 * Keys of the disagreement view: j / Alt+→ next disagreement, k / Alt+← previous (1–4, [, ] and n
 * belong to annotating); Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z or Ctrl+Y redo. Never inside a form
 * field, where the keys type.
 */
export function useDecisionKeys(handlers: {
  next(): void;
  previous(): void;
  undo(): void;
  redo(): void;
}): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isFormField(e.target)) return;
      const key = e.key.toLowerCase();
      let act: (() => void) | null = null;
      if (e.ctrlKey || e.metaKey) {
        if (key === 'z' && !e.shiftKey) act = handlers.undo;
        else if ((key === 'z' && e.shiftKey) || key === 'y') act = handlers.redo;
      } else if (e.altKey) {
        if (e.key === 'ArrowRight') act = handlers.next;
        else if (e.key === 'ArrowLeft') act = handlers.previous;
      } else if (key === 'j') act = handlers.next;
      else if (key === 'k') act = handlers.previous;
      if (!act) return;
      e.preventDefault();
      e.stopPropagation();
      act();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [handlers]);
}
