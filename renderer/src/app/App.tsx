import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState } from 'react';

import { navigate, type NavigationMove } from '../core/model/library-navigation';
import type { ArticleDocument } from '../core/model/document';
import type { DocStatus } from '../core/model/status';
import { getDocument } from '../db/repositories/documents';
import { setStatus } from '../db/repositories/progress';
import { getScrollPosition, getSetting, setScrollPosition, setSetting } from '../db/repositories/settings';
import { AnnotatePage } from '../features/annotate/AnnotatePage';
import { ExportDialog } from '../features/export/ExportDialog';
import { HelpDialog } from '../features/help/HelpDialog';
import { ImportDialog } from '../features/import/ImportDialog';
import { useFileDrop } from '../features/import/useFileDrop';
import { useImport } from '../features/import/useImport';
import { LibraryPanel } from '../features/library/LibraryPanel';
import { useLibrary } from '../features/library/useLibrary';
import { NameDialog } from '../features/onboarding/NameDialog';
import { SettingsPage } from '../features/settings';
import { StatusLine } from '../ui/StatusLine';
import { useBackupSchedule } from './backup/useBackupSchedule';
import { useDurability } from './durability';
import { useServices } from './providers';
import { ReviewViews, useReviewView } from './ReviewViews';
import { ReadOnlyBanner, useReadOnly } from './read-only';
import { useNavigationKeys } from './useNavigationKeys';

interface OpenDoc {
  doc: ArticleDocument;
  scrollTop: number;
}

/** Shell: header, library and the annotate view; state lives in the database, logic in core. */
export function App() {
  const { db, host } = useServices();
  const settings = useLiveQuery(
    async () => ({
      annotator: (await getSetting(db, 'annotator')) ?? null,
      lastDocId: (await getSetting(db, 'lastDocId')) ?? null,
      sidebarOpen: (await getSetting(db, 'sidebarOpen')) ?? true,
    }),
    [db],
  );
  const annotator = settings?.annotator ?? null;
  const entries = useLibrary(annotator ?? '');
  const [open, setOpen] = useState<OpenDoc | null>(null);
  const [renaming, setRenaming] = useState(false);
  const [message, setMessage] = useState<{ text: string; tone: 'info' | 'error' }>({
    text: '',
    tone: 'info',
  });
  const undoHandlers = useRef<{ undo: () => void; redo: () => void } | null>(null);
  const scrollTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const say = useCallback((text: string, tone: 'info' | 'error' = 'info') => setMessage({ text, tone }), []);
  const readOnly = useReadOnly();
  const { backups } = useDurability();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const sayError = useCallback((text: string) => say(text, 'error'), [say]);
  useBackupSchedule(backups, sayError);

  const openDocument = useCallback(
    async (id: string) => {
      const [doc, scrollTop] = await Promise.all([getDocument(db, id), getScrollPosition(db, id)]);
      if (!doc) return say('That document is no longer in the library.', 'error');
      setOpen({ doc, scrollTop });
      await setSetting(db, 'lastDocId', id);
    },
    [db, say],
  );

  // Reopen the last document (or the first) once the library is known.
  useEffect(() => {
    if (open || !entries || entries.length === 0 || !settings) return;
    const last =
      settings.lastDocId && entries.some((e) => e.id === settings.lastDocId) ? settings.lastDocId : null;
    void openDocument(last ?? (entries[0] as { id: string }).id);
  }, [open, entries, settings, openDocument]);

  const move = useCallback(
    (m: NavigationMove) => {
      if (!entries) return;
      const statusOf = (id: string): DocStatus => entries.find((e) => e.id === id)?.status ?? 'todo';
      const target = navigate(
        entries.map((e) => e.id),
        statusOf,
        open?.doc.id ?? null,
        m,
      );
      if (target) void openDocument(target);
      else
        say(m === 'next-not-done' ? 'Every other document is done.' : 'No more documents in that direction.');
    },
    [entries, open, openDocument, say],
  );
  const review = useReviewView(host);
  useNavigationKeys(move, annotator !== null && !review.active);

  const onStatus = useCallback(
    (id: string, status: DocStatus) => {
      if (!annotator) return;
      if (readOnly.problem) return say(readOnly.problem.message, 'error');
      void setStatus(db, id, annotator, status).then(
        () => say('Status saved.'),
        (e: unknown) => say(readOnly.report(e).message, 'error'),
      );
    },
    [db, annotator, say, readOnly],
  );

  const onScroll = useCallback(
    (docId: string, top: number) => {
      clearTimeout(scrollTimer.current);
      scrollTimer.current = setTimeout(() => void setScrollPosition(db, docId, top), 300);
    },
    [db],
  );

  const [exporting, setExporting] = useState(false);
  const [help, setHelp] = useState<'keys' | 'format' | null>(null);
  const runExport = useCallback(() => setExporting(true), []);
  const importFlow = useImport();
  const { start: startImport } = importFlow;
  const importFiles = useCallback(
    async (
      read: Promise<
        { ok: true; value: { name: string; bytes: Uint8Array }[] } | { ok: false; error: string }
      >,
    ) => {
      const files = await read;
      if (!files.ok) return say(`Could not read the files: ${files.error}`, 'error');
      await startImport(files.value);
    },
    [startImport, say],
  );
  const openImport = useCallback(() => void importFiles(host.openImportFiles()), [host, importFiles]);
  const dropping = useFileDrop(
    useCallback((files: File[]) => void importFiles(host.readDroppedFiles(files)), [host, importFiles]),
  );

  const sidebarOpen = settings?.sidebarOpen ?? true;
  useEffect(
    () =>
      host.onMenuCommand((cmd) => {
        if (cmd === 'export') runExport();
        else if (cmd === 'import') openImport();
        else if (cmd === 'open-format-docs') setHelp('format');
        else if (cmd === 'undo') undoHandlers.current?.undo();
        else if (cmd === 'redo') undoHandlers.current?.redo();
        else if (cmd === 'backup-now')
          void backups.backupNow().then(say, (e: unknown) => say(String(e), 'error'));
        else if (cmd === 'toggle-sidebar') void setSetting(db, 'sidebarOpen', !sidebarOpen);
      }),
    [host, db, runExport, openImport, sidebarOpen, backups, say],
  );

  if (!settings) return <p className="loading">Opening your library…</p>;
  const current = entries?.find((e) => e.id === open?.doc.id);

  return (
    <div className={`app${dropping ? ' dropping' : ''}`}>
      <header className="app-header">
        <span className="brand">Marginalia</span>
        <div className="doc-nav" role="group" aria-label="Document navigation">
          <button type="button" onClick={() => move('previous')} aria-keyshortcuts="[">
            ‹ Previous
          </button>
          <button type="button" onClick={() => move('next')} aria-keyshortcuts="]">
            Next ›
          </button>
          <button type="button" onClick={() => move('next-not-done')} aria-keyshortcuts="N">
            Next not done
          </button>
          {current && open && (
            <select
              aria-label="Status of this document"
              value={current.status}
              onChange={(e) => onStatus(open.doc.id, e.target.value as DocStatus)}
            >
              <option value="todo">To do</option>
              <option value="in_progress">In progress</option>
              <option value="done">Done</option>
            </select>
          )}
        </div>
        <button type="button" onClick={openImport}>
          Import…
        </button>
        <button type="button" onClick={runExport}>
          Export…
        </button>
        <button type="button" onClick={review.toggleAgreement} aria-pressed={review.active}>
          Agreement
        </button>
        <button
          type="button"
          className="annotator"
          onClick={() => setRenaming(true)}
          aria-label={`Annotator: ${annotator ?? 'not set'}. Change name`}
        >
          {annotator ?? '—'}
        </button>
        <button
          type="button"
          onClick={() => void setSetting(db, 'sidebarOpen', !sidebarOpen)}
          aria-pressed={sidebarOpen}
        >
          Sidebar
        </button>
        <button type="button" onClick={() => setHelp('keys')} aria-label="Keyboard shortcuts">
          ?
        </button>
        <button type="button" onClick={() => setHelp('format')}>
          Formats
        </button>
        <button type="button" onClick={() => setSettingsOpen(true)}>
          Settings
        </button>
      </header>
      <ReadOnlyBanner />
      <StatusLine message={message.text} tone={message.tone} />
      <main className="workspace">
        {entries && !review.active && (
          <LibraryPanel
            entries={entries}
            currentId={open?.doc.id ?? null}
            onOpen={(id) => void openDocument(id)}
            onStatus={onStatus}
          />
        )}
        {review.active ? (
          <ReviewViews review={review} adjudicator={annotator ?? 'adjudicator'} onMessage={say} />
        ) : open && annotator ? (
          <AnnotatePage
            key={`${open.doc.id}|${annotator}`}
            document={open.doc}
            annotator={annotator}
            initialScrollTop={open.scrollTop}
            sidebarOpen={sidebarOpen}
            onScroll={onScroll}
            onMessage={say}
            registerUndo={(h) => {
              undoHandlers.current = h;
            }}
          />
        ) : (
          <p className="empty">{entries?.length === 0 ? 'The library is empty.' : ''}</p>
        )}
      </main>
      <HelpDialog open={help !== null} section={help ?? 'keys'} onClose={() => setHelp(null)} />
      <ImportDialog flow={importFlow} defaultAnnotator={annotator ?? ''} />
      {annotator && (
        <ExportDialog
          open={exporting}
          onClose={() => setExporting(false)}
          annotator={annotator}
          currentDocId={open?.doc.id ?? null}
          documents={entries ?? []}
          onDone={say}
        />
      )}
      <SettingsPage open={settingsOpen} onClose={() => setSettingsOpen(false)} onMessage={say} />
      <NameDialog
        key={renaming ? 'rename' : 'first'}
        open={annotator === null || renaming}
        initial={annotator ?? ''}
        required={annotator === null}
        onClose={() => setRenaming(false)}
        onSave={(name) => {
          void setSetting(db, 'annotator', name).then(() => say(`Annotating as ${name}.`));
          setRenaming(false);
        }}
      />
    </div>
  );
}
