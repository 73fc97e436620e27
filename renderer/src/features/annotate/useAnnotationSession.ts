import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import {
  applyCommandSorted,
  describeCommand,
  emptyHistory,
  invertCommand,
  recordCommand,
  redo as redoHistory,
  undo as undoHistory,
  type AnnotationCommand,
  type History,
} from '../../core/commands/annotate';
import type { Label } from '../../core/model/labels';
import { spanFromSelection, type Span } from '../../core/model/span';
import { CodePointIndex } from '../../core/text/code-points';
import { useServices } from '../../session/providers';
import { useReadOnly } from '../../session/read-only';
import { applyAnnotationCommand, DuplicateSpanError, listSpans } from '../../db/repositories/annotations';
import { afterNextPaint } from './after-paint';

export type SaveState =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: number } | { kind: 'error'; message: string };

export interface AnnotationSession {
  spans: readonly Span[] | undefined;
  saveState: SaveState;
  canUndo: boolean;
  canRedo: boolean;
  /** Creates a span from a code point selection; returns a message when refused. */
  create(range: { start: number; end: number }, label: Label): string | null;
  /** `editKey`: saves of one text-field edit session share it and make one undo step. */
  update(before: Span, after: Span, editKey?: string): string | null;
  /** Marks typed text that is not yet saved ("Saving…"); returns the function that clears the mark. */
  markUnsaved(): () => void;
  /** Returns a message when refused (read-only). */
  remove(span: Span): string | null;
  undo(): string | null;
  redo(): string | null;
}

/**
 * One annotator's editing session on one document. Commands apply to the screen at once and are
 * persisted strictly in order, one strict-durability transaction each; "saved" is shown only once the
 * last queued transaction has committed. A failed write is rolled back on screen and reported.
 */
export function useAnnotationSession(
  docId: string,
  annotator: string,
  text: string,
  initialSpans?: Span[],
): AnnotationSession {
  const { db } = useServices();
  const readOnly = useReadOnly();
  // Read at call time: a write failing mid-burst must stop the commands already queued behind it.
  const refusal = useRef<string | null>(null);
  refusal.current = readOnly.problem?.message ?? null;
  const index = useMemo(() => CodePointIndex.of(text), [text]);
  // The owner keys this hook's component on (docId, annotator), so initialSpans never goes stale.
  const [spans, setSpans] = useState<Span[] | undefined>(initialSpans);
  // The history is read and changed through the ref (an undo right after a label must see it); the
  // state only drives the Undo/Redo buttons, and is refreshed after the label's frame has painted.
  const history = useRef<History>(emptyHistory);
  const [historyView, setHistoryView] = useState<History>(emptyHistory);
  const showHistory = useCallback(() => {
    void afterNextPaint().then(() => setHistoryView(history.current));
  }, []);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const queue = useRef<Promise<void>>(Promise.resolve());
  const pending = useRef(0);
  // Text typed into a field and not yet handed to `update` (useDraftText) also shows "Saving…".
  const unsaved = useRef(0);
  const settled = useRef<SaveState>({ kind: 'idle' });
  const settle = useCallback(() => {
    if (pending.current === 0 && unsaved.current === 0) setSaveState(settled.current);
  }, []);
  // The history step each persisted command was recorded as (a text edit's saves share one).
  const recordedAs = useRef(new WeakMap<AnnotationCommand, AnnotationCommand>());
  const spansRef = useRef<Span[]>(initialSpans ?? []);
  const preloaded = initialSpans !== undefined;

  useEffect(() => {
    if (preloaded) return;
    let live = true;
    void listSpans(db, docId, annotator).then((loaded) => {
      if (!live) return;
      spansRef.current = loaded;
      setSpans(loaded);
    });
    return () => {
      live = false;
    };
  }, [db, docId, annotator, preloaded]);

  const run = useCallback(
    (cmd: AnnotationCommand) => {
      spansRef.current = applyCommandSorted(spansRef.current, cmd);
      setSpans(spansRef.current);
      pending.current += 1;
      setSaveState({ kind: 'saving' });
      queue.current = queue.current.then(afterNextPaint).then(async () => {
        try {
          await applyAnnotationCommand(db, docId, annotator, cmd);
          pending.current -= 1;
          settled.current = { kind: 'saved', at: Date.now() };
          settle();
        } catch (e) {
          pending.current -= 1;
          spansRef.current = applyCommandSorted(spansRef.current, invertCommand(cmd));
          setSpans(spansRef.current);
          const step = recordedAs.current.get(cmd) ?? cmd;
          history.current = {
            past: history.current.past.filter((c) => c !== step),
            future: history.current.future,
            mergeKey: null,
          };
          setHistoryView(history.current);
          // Disk full / I/O errors switch the whole app to read-only (session/read-only.tsx).
          const reason = e instanceof DuplicateSpanError ? e.message : readOnly.report(e).message;
          settled.current = { kind: 'error', message: `Not saved (${describeCommand(cmd)}): ${reason}` };
          setSaveState(settled.current);
        }
      });
    },
    [db, docId, annotator, readOnly, settle],
  );

  const perform = useCallback(
    (cmd: AnnotationCommand, editKey: string | null = null) => {
      history.current = recordCommand(history.current, cmd, editKey);
      const step = history.current.past[history.current.past.length - 1];
      if (step) recordedAs.current.set(cmd, step);
      showHistory();
      run(cmd);
    },
    [run, showHistory],
  );

  const markUnsaved = useCallback(() => {
    unsaved.current += 1;
    setSaveState({ kind: 'saving' });
    let done = false;
    return () => {
      if (done) return;
      done = true;
      unsaved.current -= 1;
      settle();
    };
  }, [settle]);

  const create = useCallback(
    (range: { start: number; end: number }, label: Label): string | null => {
      if (refusal.current) return refusal.current;
      const made = spanFromSelection(index, range.start, range.end, label, spansRef.current);
      if (!made.ok) return made.error.message;
      perform({ kind: 'create', span: { id: crypto.randomUUID(), ...made.value, label, note: '' } });
      return null;
    },
    [index, perform],
  );

  const update = useCallback(
    (before: Span, after: Span, editKey?: string): string | null => {
      if (refusal.current) return refusal.current;
      const clash = spansRef.current.find(
        (s) => s.id !== after.id && s.start === after.start && s.end === after.end && s.label === after.label,
      );
      if (clash) return `This exact ${after.label} span already exists.`;
      perform({ kind: 'update', before, after }, editKey ?? null);
      return null;
    },
    [perform],
  );

  const remove = useCallback(
    (span: Span): string | null => {
      if (refusal.current) return refusal.current;
      perform({ kind: 'delete', span });
      return null;
    },
    [perform],
  );

  const undo = useCallback((): string | null => {
    if (refusal.current) return refusal.current;
    const step = undoHistory(history.current);
    if (!step) return null;
    history.current = step.history;
    showHistory();
    run(step.command);
    return `Undid: ${describeCommand(invertCommand(step.command))}`;
  }, [run, showHistory]);

  const redo = useCallback((): string | null => {
    if (refusal.current) return refusal.current;
    const step = redoHistory(history.current);
    if (!step) return null;
    history.current = step.history;
    showHistory();
    run(step.command);
    return `Redid: ${describeCommand(step.command)}`;
  }, [run, showHistory]);

  return {
    spans,
    saveState,
    canUndo: historyView.past.length > 0,
    canRedo: historyView.future.length > 0,
    create,
    update,
    markUnsaved,
    remove,
    undo,
    redo,
  };
}
