import { useEffect } from 'react';

const isTextField = (t: EventTarget | null): boolean =>
  t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement;

// A dialog (Document details) has its own undo; the document's spans are not what it shows.
const inDialog = (t: EventTarget | null): boolean => t instanceof Element && t.closest('dialog') !== null;

/**
 * Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z and Ctrl+Y redo — everywhere except inside a form field,
 * where the field's own text undo applies, and inside a dialog.
 */
export function useUndoKeys(onUndo: () => void, onRedo: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || isTextField(e.target) || inDialog(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) onUndo();
      else if ((key === 'z' && e.shiftKey) || (key === 'y' && !e.shiftKey)) onRedo();
      else return;
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onUndo, onRedo]);
}
