import { useCallback, useEffect, useRef, useState } from 'react';

/** How long typing may pause before the text is saved (issue 19: at most ~500 ms after the last key). */
export const DRAFT_SAVE_DELAY_MS = 400;

export interface DraftText {
  readonly value: string;
  onChange(text: string): void;
  /** Saves now and ends the edit session (blur, Enter): the next keys start a new undo step. */
  commit(): void;
}

export interface DraftTextOptions {
  /** The stored value; followed whenever nothing typed is waiting to be saved. */
  readonly stored: string;
  /**
   * Persists `after`; `editKey` is the same for every save of one edit session (one undo step).
   * `before` is the text as last saved (or as stored when the session began), so a write can tell a
   * change made elsewhere meanwhile. Returning false refuses the text (invalid): it stays on screen,
   * and `before` stays the last text saved.
   */
  readonly save: (before: string, after: string, editKey: string) => boolean | void;
  /** Marks unsaved typing for the save indicator; returns the function that clears the mark. */
  readonly markUnsaved: () => () => void;
}

/**
 * A free-text field that holds user data, saved while the user types: DRAFT_SAVE_DELAY_MS after the
 * last key, on blur or Enter (`commit`), on unmount (the document or the span at the caret changes)
 * and when the page is hidden or unloaded (`visibilitychange`, `pagehide`), so closing or reloading
 * never loses what was typed. Issue 19: the note used to be saved only on blur or Enter.
 */
export function useDraftText({ stored, save, markUnsaved }: DraftTextOptions): DraftText {
  const [value, setValue] = useState(stored);
  const live = useRef({
    text: stored,
    saved: stored,
    timer: undefined as ReturnType<typeof setTimeout> | undefined,
    unmark: null as (() => void) | null,
    editKey: null as string | null,
  });
  const saveRef = useRef(save);
  saveRef.current = save;

  const flush = useCallback(() => {
    const d = live.current;
    clearTimeout(d.timer);
    d.timer = undefined;
    if (d.text !== d.saved) {
      d.editKey ??= crypto.randomUUID();
      if (saveRef.current(d.saved, d.text, d.editKey) !== false) d.saved = d.text;
    }
    d.unmark?.();
    d.unmark = null;
  }, []);

  const onChange = useCallback(
    (text: string) => {
      const d = live.current;
      setValue(text);
      d.text = text;
      d.unmark ??= markUnsaved();
      clearTimeout(d.timer);
      d.timer = setTimeout(flush, DRAFT_SAVE_DELAY_MS);
    },
    [flush, markUnsaved],
  );

  const commit = useCallback(() => {
    flush();
    live.current.editKey = null;
  }, [flush]);

  // Follow the stored value (undo, redo, another window) unless typed text is waiting to be saved.
  useEffect(() => {
    const d = live.current;
    if (d.unmark !== null || stored === d.saved) return;
    d.text = stored;
    d.saved = stored;
    d.editKey = null;
    setValue(stored);
  }, [stored]);

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', flush);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  return { value, onChange, commit };
}
