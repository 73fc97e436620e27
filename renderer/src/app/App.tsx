import { useCallback, useEffect, useRef, useState } from 'react';

import { statusAfterLabel } from '../core/model/status';
import { AnnotatePage } from '../features/annotate/AnnotatePage';
import { DocumentDetailsDialog } from '../features/details/DocumentDetailsDialog';
import { ExportDialog } from '../features/export/ExportDialog';
import { HelpDialog } from '../features/help/HelpDialog';
import { ImportDialog } from '../features/import/ImportDialog';
import { LibraryLoading, LibraryPanel } from '../features/library/LibraryPanel';
import { NameDialog } from '../features/onboarding/NameDialog';
import { SettingsPage } from '../features/settings';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { StatusLine } from '../ui/StatusLine';
import { AppHeader } from './AppHeader';
import { useBackupSchedule } from '../session/backup/useBackupSchedule';
import { useDurability } from '../session/durability';
import { clearStaleError, say, useMessage } from './messages';
import { useServices } from '../session/providers';
import { linkFlowHolder } from '../session/links/link-flow-store';
import type { LinkEndpoint } from '../core/links/link';
import { ReviewViews, useReviewView } from './ReviewViews';
import { ReadOnlyBanner } from '../session/read-only';
import { useImportEntry } from './useImportEntry';
import { useGuidelines } from '../session/guidelines';
import { useLibrarySession } from '../session/library/useLibrarySession';
import { useNavigationKeys } from './useNavigationKeys';
import { ViewFailed } from './ViewFailed';
import { syncBadge } from './sync-badge';
import { useTeamSync } from '../session/sync/TeamSyncProvider';
import { SkipLinks, useHelpKey } from './SkipLinks';

function AppStatusLine() {
  const message = useMessage();
  return <StatusLine message={message.text} tone={message.tone} />;
}

/** Shell: composes the header, library, annotate or review views and the dialogs; no logic of its own. */
export function App() {
  const { host, stores } = useServices();
  const sayError = useCallback((text: string) => say(text, 'error'), []);
  const session = useLibrarySession(say);
  const guidelines = useGuidelines();
  const { annotator, entries, open } = session;
  const review = useReviewView(host);
  // The document whose details are open (from the annotate view or a library row).
  const [details, setDetails] = useState<string | null>(null);
  useNavigationKeys(session.move, annotator !== null && !review.active && details === null);
  const { backups } = useDurability();
  useBackupSchedule(backups, sayError);
  const importEntry = useImportEntry(say);
  const [renaming, setRenaming] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [help, setHelp] = useState<'keys' | 'format' | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const team = useTeamSync();
  // What sync refused (an article whose text does not hash to its id) is said on the status line.
  const lastProblem = team.problems[team.problems.length - 1];
  useEffect(() => {
    if (lastProblem) say(lastProblem, 'error');
  }, [lastProblem]);
  useHelpKey(useCallback(() => setHelp('keys'), []));
  const undoHandlers = useRef<{ undo: () => void; redo: () => void } | null>(null);
  const registerUndo = useCallback((h: { undo: () => void; redo: () => void } | null) => {
    undoHandlers.current = h;
  }, []);

  // The first span moves a "to do" document to "in progress" (read through a ref: the callback stays
  // stable, so the memoised annotate page does not re-render when the library changes).
  const current = useRef(session.current);
  current.current = session.current;
  const { changeStatus } = session;
  const onTagged = useCallback(
    (docId: string) => {
      const entry = current.current;
      const next = entry?.id === docId ? statusAfterLabel(entry.status) : null;
      if (next) changeStatus(docId, next);
    },
    [changeStatus],
  );

  const { openImport } = importEntry;
  const { openDocument: openDoc } = session;
  const openDocument = useCallback((id: string) => void openDoc(id), [openDoc]);
  const { toggleSidebar } = session;
  // A mention in the Claims view: the annotate view opens that article and shows the span.
  const { close: closeReview } = review;
  const openSpan = useCallback(
    (end: LinkEndpoint) => {
      linkFlowHolder(stores).goTo(end);
      closeReview();
      void openDoc(end.docId);
    },
    [stores, closeReview, openDoc],
  );
  useEffect(
    () =>
      host.onMenuCommand((cmd) => {
        if (cmd === 'export') setExporting(true);
        else if (cmd === 'import') openImport();
        else if (cmd === 'open-format-docs') setHelp('format');
        else if (cmd === 'undo') undoHandlers.current?.undo();
        else if (cmd === 'redo') undoHandlers.current?.redo();
        else if (cmd === 'backup-now')
          void backups.backupNow().then(say, (e: unknown) => say(String(e), 'error'));
        else if (cmd === 'toggle-sidebar') toggleSidebar();
      }),
    [host, openImport, toggleSidebar, backups],
  );

  // Each view fails on its own (issue 14): Settings, export and restore stay reachable.
  const failed = (what: string) => (error: Error) => (
    <ViewFailed what={what} error={error} onSettings={() => setSettingsOpen(true)} onMessage={say} />
  );

  if (!session.loaded) return <p className="loading">Opening your library…</p>;

  return (
    <div className={`app${importEntry.dropping ? ' dropping' : ''}`}>
      <SkipLinks />
      <AppHeader
        annotator={annotator}
        status={open ? session.current?.status : undefined}
        sidebarOpen={session.sidebarOpen}
        reviewActive={review.active}
        onMove={session.move}
        onStatus={(status) => open && session.changeStatus(open.doc.id, status)}
        onImport={openImport}
        onExport={() => setExporting(true)}
        onToggleReview={review.toggleAgreement}
        claimsOpen={review.claimsOpen}
        onToggleClaims={review.toggleClaims}
        progress={
          team.config?.role === 'lead' ? { open: review.progressOpen, onToggle: review.toggleProgress } : null
        }
        onRename={() => setRenaming(true)}
        onToggleSidebar={toggleSidebar}
        onHelp={setHelp}
        onSettings={() => setSettingsOpen(true)}
        sync={syncBadge(team.state)}
      />
      <ReadOnlyBanner />
      <AppStatusLine />
      <main className="workspace">
        {!entries && !review.active && <LibraryLoading />}
        {entries && !review.active && (
          <ErrorBoundary fallback={failed('The library')} resetKey={entries}>
            <LibraryPanel
              entries={entries}
              complete={session.complete}
              currentId={open?.doc.id ?? null}
              onOpen={openDocument}
              onStatus={session.changeStatus}
              onDetails={setDetails}
            />
          </ErrorBoundary>
        )}
        {review.active ? (
          <ErrorBoundary fallback={failed('This view')}>
            <ReviewViews
              review={review}
              adjudicator={annotator ?? 'adjudicator'}
              onMessage={say}
              onOpenSpan={openSpan}
            />
          </ErrorBoundary>
        ) : open && annotator ? (
          <ErrorBoundary
            key={`${open.doc.id}|${annotator}|${open.restores}`}
            fallback={failed(`The document “${open.doc.title}”`)}
          >
            <AnnotatePage
              key={`${open.doc.id}|${annotator}|${open.restores}`}
              document={open.doc}
              title={session.current?.title ?? open.doc.title}
              onDetails={setDetails}
              annotator={annotator}
              initialSpans={open.spans?.annotator === annotator ? open.spans.spans : undefined}
              initialScrollTop={open.scrollTop}
              sidebarOpen={session.sidebarOpen}
              onScroll={session.rememberScroll}
              onMessage={say}
              registerUndo={registerUndo}
              onTagged={onTagged}
              onEdited={clearStaleError}
              onOpenDocument={openDocument}
              guidelines={guidelines}
            />
          </ErrorBoundary>
        ) : (
          <p className="empty">{entries?.length === 0 ? 'The library is empty.' : ''}</p>
        )}
      </main>
      {details !== null && (
        <ErrorBoundary fallback={failed('Document details')}>
          <DocumentDetailsDialog
            key={details}
            docId={details}
            length={entries?.find((e) => e.id === details)?.length}
            onClose={() => setDetails(null)}
            onMessage={say}
          />
        </ErrorBoundary>
      )}
      <HelpDialog open={help !== null} section={help ?? 'keys'} onClose={() => setHelp(null)} />
      <ImportDialog flow={importEntry.flow} defaultAnnotator={annotator ?? ''} />
      {annotator && (
        <ErrorBoundary fallback={failed('Export')} resetKey={exporting}>
          <ExportDialog
            open={exporting}
            onClose={() => setExporting(false)}
            annotator={annotator}
            currentDocId={open?.doc.id ?? null}
            documents={entries ?? []}
            onDone={say}
          />
        </ErrorBoundary>
      )}
      <ErrorBoundary fallback={failed('Settings')} resetKey={settingsOpen}>
        <SettingsPage open={settingsOpen} onClose={() => setSettingsOpen(false)} onMessage={say} />
      </ErrorBoundary>
      <NameDialog
        key={renaming ? 'rename' : 'first'}
        open={annotator === null || renaming}
        initial={annotator ?? ''}
        required={annotator === null}
        onClose={() => setRenaming(false)}
        onSave={(name) => {
          session.rename(name);
          setRenaming(false);
        }}
      />
    </div>
  );
}
