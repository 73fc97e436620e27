import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';

import {
  describeDocumentCommand,
  invertDocumentCommand,
  type DocumentCommand,
} from '../../core/commands/document-command';
import type { LinkCommand } from '../../core/links/commands';
import type { Link } from '../../core/links/link';
import type { Label } from '../../core/model/labels';
import { duplicateInSorted, duplicateSpanMessage, spanFromSelection, type Span } from '../../core/model/span';
import { sameSpans } from '../../core/model/span-merge';
import type { CodePointIndex } from '../../core/text/code-points';
import { listSpans } from '../../db/repositories/annotations';
import type { StepOutcome } from '../../session/commands/command-store';
import { followDatabase } from '../../session/commands/follow';
import { annotationStore } from '../../session/commands/stores';
import type { SaveState } from '../../session/commands/write-queue';
import { useServices } from '../../session/providers';
import { useReadOnly } from '../../session/read-only';

export type { SaveState };

/** The session's save state, for the one component that shows it (SessionSaveIndicator). */
export interface SaveStateSource {
  subscribe(listener: () => void): () => void;
  getSaveState(): SaveState;
}

export interface AnnotationSession {
  spans: readonly Span[] | undefined;
  /**
   * Subscribed to by the save indicator alone: "Saving…" on a label then re-renders that indicator,
   * not the page, in the label's key task.
   */
  saveState: SaveStateSource;
  canUndo: boolean;
  canRedo: boolean;
  /** Commands this view has run (label, edit, delete, undo, redo); a re-read of the stored spans is none. */
  edits: number;
  /**
   * Creates a span from a code point selection; returns a message when refused. `spans` and every
   * render follow after the next paint: the caller paints the new highlight itself from `latest()`.
   */
  create(range: { start: number; end: number }, label: Label): string | null;
  /** The spans with every command applied, including one not yet shown (`create`). */
  latest(): readonly Span[];
  /** `editKey`: saves of one text-field edit session share it and make one undo step. */
  update(before: Span, after: Span, editKey?: string): string | null;
  /** Marks typed text that is not yet saved ("Saving…"); returns the function that clears the mark. */
  markUnsaved(): () => void;
  /** Returns a message when refused (read-only). `links`: the span's links, which go with it. */
  remove(span: Span, links?: readonly Link[]): string | null;
  /** A link command in this view's history (create, note, delete); a message when refused. */
  link(cmd: LinkCommand, editKey?: string): string | null;
  undo(): string | null;
  redo(): string | null;
}

const said = (o: StepOutcome<DocumentCommand>, verb: 'Undid' | 'Redid'): string | null => {
  if (!o) return null;
  if (!o.ok) return o.message;
  return `${verb}: ${describeDocumentCommand(verb === 'Undid' ? invertDocumentCommand(o.command) : o.command)}`;
};

/**
 * One annotator's editing session on one document: a thin view of its command store
 * (session/commands), which applies each command at once, persists them in order, rolls a failed
 * one back and keeps the undo history for the whole app session.
 */
export function useAnnotationSession(
  docId: string,
  annotator: string,
  /** The opened document's code point index (built once by the view that opened it). */
  index: CodePointIndex,
  initialSpans?: Span[],
): AnnotationSession {
  const { db, stores } = useServices();
  const { gate } = useReadOnly();
  // The owner keys this hook's component on (docId, annotator): the store and initialSpans are
  // read once per mount, before the first render reads the view.
  const store = useMemo(() => {
    const s = annotationStore(stores, db, gate, docId, annotator);
    if (initialSpans) s.load(initialSpans);
    return s;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- initialSpans: see above
  }, [stores, db, gate, docId, annotator]);
  const preloaded = initialSpans !== undefined;
  useEffect(() => {
    if (preloaded) return;
    let live = true;
    void listSpans(db, docId, annotator).then((loaded) => live && store.load(loaded));
    return () => {
      live = false;
    };
  }, [db, docId, annotator, preloaded, store]);

  // Every committed change to the spans (another window, a sync, a conflict) shows here.
  useEffect(
    () =>
      followDatabase(db, store, {
        tables: ['spans'],
        read: () => listSpans(db, docId, annotator),
        same: (shown, fresh) => shown !== undefined && fresh !== undefined && sameSpans(shown, fresh),
      }),
    [db, store, docId, annotator],
  );

  const view = useSyncExternalStore(store.subscribe, store.getView);

  const create = useCallback(
    (range: { start: number; end: number }, label: Label): string | null => {
      const refused = gate.refusal();
      if (refused) return refused;
      const made = spanFromSelection(index, range.start, range.end, label, store.getState() ?? []);
      if (!made.ok) return made.error.message;
      return store.perform(
        { kind: 'create', span: { id: crypto.randomUUID(), ...made.value, label, note: '' } },
        null,
        'later',
      );
    },
    [index, store, gate],
  );

  const update = useCallback(
    (before: Span, after: Span, editKey?: string): string | null => {
      const refused = gate.refusal();
      if (refused) return refused;
      if (duplicateInSorted(store.getState() ?? [], after)) return duplicateSpanMessage(after.label);
      return store.perform({ kind: 'update', before, after }, editKey ?? null);
    },
    [store, gate],
  );

  return {
    spans: view.state,
    saveState: store.queue,
    latest: useCallback(() => store.getState() ?? [], [store]),
    canUndo: view.canUndo,
    canRedo: view.canRedo,
    edits: view.edits,
    create,
    update,
    markUnsaved: useCallback(() => store.queue.markUnsaved(), [store]),
    remove: useCallback(
      (span: Span, links?: readonly Link[]) =>
        store.perform(links && links.length > 0 ? { kind: 'delete', span, links } : { kind: 'delete', span }),
      [store],
    ),
    link: useCallback((cmd: LinkCommand, editKey?: string) => store.perform(cmd, editKey ?? null), [store]),
    undo: useCallback(() => said(store.undo(), 'Undid'), [store]),
    redo: useCallback(() => said(store.redo(), 'Redid'), [store]),
  };
}
