import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState } from 'react';

import type { ArticleDocument } from '../../core/model/document';
import { navigateRead, type NavigationMove } from '../../core/model/library-navigation';
import { STATUS_TITLES, type DocStatus } from '../../core/model/status';
import type { Span } from '../../core/model/span';
import { listSpans } from '../../db/repositories/annotations';
import { getDocument, listDocuments } from '../../db/repositories/documents';
import { firstDocumentId } from '../../db/repositories/library-page';
import { getScrollPosition, getSetting } from '../../db/repositories/settings';
import { useTeamSync } from '../sync/TeamSyncProvider';
import { useLibrary } from './useLibrary';
import { userWrites } from '../commands/stores';
import { useServices } from '../providers';
import { useDurability } from '../durability';
import { useReadOnly } from '../read-only';
import { afterNextPaint } from '../after-paint';

export interface OpenDoc {
  doc: ArticleDocument;
  scrollTop: number;
  /** The spans of `annotator` on the document, read together with its text (one render, one paint). */
  spans: { annotator: string; spans: Span[] } | null;
  /** How many restores happened before it was read: views key on it, so a restore remounts them. */
  restores: number;
}

type Say = (text: string, tone?: 'info' | 'error') => void;

/**
 * Who is annotating, the library, the open document and moving between documents. The last open
 * document and each document's scroll position live in the settings table, so a reload or restart
 * comes back exactly where the annotator was.
 */
export function useLibrarySession(say: Say) {
  const { db, stores } = useServices();
  const readOnly = useReadOnly();
  const { backups } = useDurability();
  // Read per call: a restore forgets the session's stores, this one included.
  const writes = useCallback(
    () => userWrites(stores, db, readOnly.gate, backups),
    [stores, db, readOnly, backups],
  );
  const settings = useLiveQuery(
    async () => ({
      annotator: (await getSetting(db, 'annotator')) ?? null,
      lastDocId: (await getSetting(db, 'lastDocId')) ?? null,
      sidebarOpen: (await getSetting(db, 'sidebarOpen')) ?? true,
    }),
    [db],
  );
  const annotator = settings?.annotator ?? null;
  // The library is read only once the start-up article has painted (or there is none): with
  // 100,000 articles, reading the library first kept the window blank for seconds (issue 20).
  const [libraryWanted, setLibraryWanted] = useState(false);
  const library = useLibrary(annotator ?? '', useTeamSync().libraryScope, libraryWanted);
  const entries = library?.entries;
  const complete = library?.complete ?? false;
  const [open, setOpen] = useState<OpenDoc | null>(null);
  const scrollTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Where the annotator was (last document, scroll, sidebar) is saved in passing, through the gate
  // like every write: refused in silence while read-only. Such a write failing is no loss, but a
  // full disk found that way puts the app in read-only mode at once, with its plain message, before
  // any annotation is attempted (the queue reports it; issue 14).

  // Opens are numbered and only the newest is shown: a quick second choice (or the annotator's
  // click while the start-up reopen is still reading) must not be overtaken by a slower first read.
  const opening = useRef(0);
  const restores = useRef(0);
  /** Resolves true when the document was shown (or a newer open overtook it), false when it is gone. */
  const openDocument = useCallback(
    async (id: string, quietIfGone = false): Promise<boolean> => {
      const mine = ++opening.current;
      const [doc, scrollTop, spans] = await Promise.all([
        getDocument(db, id),
        getScrollPosition(db, id),
        annotator ? listSpans(db, id, annotator) : null,
      ]);
      if (mine !== opening.current) return true;
      if (!doc) {
        if (!quietIfGone) say('That document is no longer in the library.', 'error');
        return false;
      }
      setOpen({
        doc,
        scrollTop,
        spans: annotator && spans ? { annotator, spans } : null,
        restores: restores.current,
      });
      // After the open's frame: the write's commit re-reads the settings (a live query) and
      // re-renders the shell, which landed between the open and its painted frame.
      await afterNextPaint();
      await writes().remember('lastDocId', id);
      return true;
    },
    [db, say, annotator, writes],
  );

  // Start-up: the last document (else the first in library order) is read by key and painted, then
  // the library is read. Nothing here waits for, or reads, the list of documents.
  const started = useRef(false);
  useEffect(() => {
    if (!settings || started.current) return;
    started.current = true;
    void (async () => {
      try {
        const last = settings.lastDocId;
        const shown = last !== null && (await openDocument(last, true));
        if (!shown) {
          const first = await firstDocumentId(db);
          if (first !== null) await openDocument(first, true);
        }
        await afterNextPaint();
      } finally {
        setLibraryWanted(true);
      }
    })();
  }, [settings, db, openDocument]);

  // After a restore the open document is read again, so every view shows the restored data at once
  // (issue 19 item 3); when the backup does not hold it, the backup's first document opens.
  const shownId = useRef<string | null>(null);
  shownId.current = open?.doc.id ?? null;
  useEffect(
    () =>
      backups.onRestored(() => {
        restores.current++;
        // Undo must never replay a command made on the data the restore replaced.
        stores.clear();
        const id = shownId.current;
        void (async () => {
          const docs = await listDocuments(db);
          const target = docs.find((d) => d.id === id) ?? docs[0];
          if (target) await openDocument(target.id);
          else setOpen(null);
        })();
      }),
    [backups, db, stores, openDocument],
  );

  // When the open document leaves the library (connecting to a team shows the team's articles
  // only), or nothing is open once documents arrive (an import into an empty library), open the first.
  useEffect(() => {
    // Only the whole library tells that a document left it (the first entries may not hold it).
    if (!entries || entries.length === 0 || !complete) return;
    const first = (entries[0] as { id: string }).id;
    if (open && !entries.some((e) => e.id === open.doc.id)) {
      void openDocument(first);
      return;
    }
    if (!open && opening.current === 0) void openDocument(first);
  }, [open, entries, complete, openDocument]);

  const move = useCallback(
    (m: NavigationMove) => {
      if (!entries) return;
      const statusOf = (id: string): DocStatus => entries.find((e) => e.id === id)?.status ?? 'todo';
      const ids = entries.map((e) => e.id);
      const target = navigateRead(ids, statusOf, open?.doc.id ?? null, m, complete);
      if (target) void openDocument(target);
      else if (!complete) say('The library is still being read.');
      else
        say(m === 'next-not-done' ? 'Every other document is done.' : 'No more documents in that direction.');
    },
    [entries, complete, open, openDocument, say],
  );

  const changeStatus = useCallback(
    (id: string, status: DocStatus) => {
      if (!annotator) return;
      void writes()
        .status(id, annotator, status)
        .then((failed) => (failed ? say(failed, 'error') : say(`Status saved: ${STATUS_TITLES[status]}.`)));
    },
    [writes, annotator, say],
  );

  const rememberScroll = useCallback(
    (docId: string, top: number) => {
      clearTimeout(scrollTimer.current);
      scrollTimer.current = setTimeout(() => void writes().rememberScroll(docId, top), 300);
    },
    [writes],
  );

  const sidebarOpen = settings?.sidebarOpen ?? true;
  const toggleSidebar = useCallback(
    () => void writes().remember('sidebarOpen', !sidebarOpen),
    [writes, sidebarOpen],
  );
  const rename = useCallback(
    (name: string) =>
      void writes()
        .annotatorName(name)
        .then((failed) => (failed ? say(failed, 'error') : say(`Annotating as ${name}.`))),
    [writes, say],
  );

  return {
    loaded: settings !== undefined,
    annotator,
    entries,
    /** False while only the library's first entries are read (the rest follows). */
    complete,
    open,
    current: entries?.find((e) => e.id === open?.doc.id),
    sidebarOpen,
    openDocument,
    move,
    changeStatus,
    rememberScroll,
    toggleSidebar,
    rename,
  };
}
