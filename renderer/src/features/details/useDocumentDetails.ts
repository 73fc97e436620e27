import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';

import {
  checkDetailsEdit,
  describeDetailsEdit,
  invertDetailsEdit,
  sameDetails,
  sameValue,
  type DetailsEdit,
  type DetailsError,
  type DocumentDetails,
} from '../../core/model/document-details';
import type { Result } from '../../core/result';
import { readDocumentDetails } from '../../db/repositories/document-details';
import type { StepOutcome } from '../../session/commands/command-store';
import { followDatabase } from '../../session/commands/follow';
import { documentDetailsStore } from '../../session/commands/stores';
import type { SaveState } from '../../session/commands/write-queue';
import { useServices } from '../../session/providers';
import { useReadOnly } from '../../session/read-only';

export interface DocumentDetailsSession {
  /** undefined until read. */
  details: DocumentDetails | undefined;
  saveState: SaveState;
  canUndo: boolean;
  canRedo: boolean;
  /**
   * Checks and queues an edit made from the details as they are now; `editKey` groups the saves of
   * one text field's edit session into one undo step. Returns the refusal (naming the field), or null.
   */
  change(make: MakeEdit, editKey?: string): DetailsError | null;
  markUnsaved(): () => void;
  undo(): string;
  redo(): string;
}

/** Builds an edit from the details as they are now (or refuses it). */
export type MakeEdit = (now: DocumentDetails) => DetailsEdit | Result<DetailsEdit, DetailsError>;

const said = (o: StepOutcome<DetailsEdit>, verb: 'Undid' | 'Redid'): string => {
  if (!o) return verb === 'Undid' ? 'Nothing to undo.' : 'Nothing to redo.';
  if (!o.ok) return o.message;
  return `${verb}: ${describeDetailsEdit(verb === 'Undid' ? invertDetailsEdit(o.command) : o.command)}`;
};

/**
 * One document's title, source and metadata, edited through its command store (one persisted queue,
 * read-only gate, undo per edit session, kept for the app session) and following the database, so
 * another window's edit shows here at once.
 */
export function useDocumentDetails(docId: string): DocumentDetailsSession {
  const { db, stores } = useServices();
  const { gate } = useReadOnly();
  const store = useMemo(() => documentDetailsStore(stores, db, gate, docId), [stores, db, gate, docId]);
  useEffect(() => {
    let live = true;
    void readDocumentDetails(db, docId).then((d) => live && store.load(d));
    return () => {
      live = false;
    };
  }, [db, docId, store]);
  useEffect(
    () =>
      followDatabase(db, store, {
        tables: ['documents'],
        read: () => readDocumentDetails(db, docId),
        same: (shown, fresh) => shown !== undefined && fresh !== undefined && sameDetails(shown, fresh),
      }),
    [db, store, docId],
  );
  const view = useSyncExternalStore(store.subscribe, store.getView);
  const saveState = useSyncExternalStore(store.queue.subscribe, store.queue.getSaveState);

  const change = useCallback(
    (make: MakeEdit, editKey?: string): DetailsError | null => {
      const now = store.getState();
      if (!now) return { field: '', message: 'This document is no longer in the library.' };
      const made = make(now);
      if ('ok' in made && !made.ok) return made.error;
      const edit = 'ok' in made ? made.value : made;
      if (sameValue(edit.before, edit.after)) return null;
      const checked = checkDetailsEdit(edit);
      if (!checked.ok) return checked.error;
      const refused = store.perform(checked.value, editKey ?? null);
      return refused === null ? null : { field: '', message: refused };
    },
    [store],
  );

  return {
    details: view.state,
    saveState,
    canUndo: view.canUndo,
    canRedo: view.canRedo,
    change,
    markUnsaved: useCallback(() => store.queue.markUnsaved(), [store]),
    undo: useCallback(() => said(store.undo(), 'Undid'), [store]),
    redo: useCallback(() => said(store.redo(), 'Redid'), [store]),
  };
}
