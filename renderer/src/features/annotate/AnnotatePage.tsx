import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';

import type { ArticleDocument } from '../../core/model/document';
import type { Guidelines } from '../../core/model/guidelines';
import { spansAt, type Span } from '../../core/model/span';
import { CodePointIndex } from '../../core/text/code-points';
import { ArticleEditor, type ArticleEditorHandle, type CodePointRange } from '../../editor/ArticleEditor';
import { describeCommand } from '../../core/commands/annotate';
import { atPageStart, focusLost, focusOnDocumentOpener } from '../../ui/focus';
import { CaretSpeech } from './CaretSpeech';
import { FindBar } from './FindBar';
import { ComparePanel } from './ComparePanel';
import { LabelPalette } from './LabelPalette';
import { useSpanHistory } from '../../session/sync/useSpanHistory';
import { usePainted } from '../../session/use-painted';
import { SessionSaveIndicator } from './SessionSaveIndicator';
import { SpanInspector } from './SpanInspector';
import { SpanLinks } from './SpanLinks';
import { SpanList } from './SpanList';
import { SuggestionsPanel } from './SuggestionsPanel';
import './suggestions.css';
import { useAnnotationSession } from './useAnnotationSession';
import { useFind } from './useFind';
import { useFindKey } from './useFindKey';
import { useLabelAction } from './useLabelAction';
import { useLinking } from './useLinking';
import { useUndoKeys } from './useUndoKeys';

const EXCERPT_MAX = 80;

export interface AnnotatePageProps {
  document: ArticleDocument;
  /** The title as stored now (it follows Document details edits; the text never changes). */
  title: string;
  /** Opens the document's details (title, source, metadata). */
  onDetails: (docId: string) => void;
  annotator: string;
  /** The annotator's spans when the caller read them with the text; otherwise they are read here. */
  initialSpans?: Span[] | undefined;
  initialScrollTop: number;
  sidebarOpen: boolean;
  onScroll: (docId: string, top: number) => void;
  onMessage: (message: string, tone?: 'info' | 'error') => void;
  /** Registers undo/redo for the host's Edit menu. */
  registerUndo?: (handlers: { undo: () => void; redo: () => void } | null) => void;
  /** A span was added (after its frame has painted): the shell moves a "to do" document on. */
  onTagged?: (docId: string) => void;
  /**
   * The user changed the spans here (an edit, undo or redo; not a re-read of what is stored): the
   * shell clears an error about an earlier try.
   */
  onEdited?: () => void;
  /** Opens another article (a link's other end). */
  onOpenDocument?: (docId: string) => void;
  /**
   * The label guidelines (the palette's hints), read once for the app session by the shell: read
   * here, every open started a live query whose read and re-render ran before its painted frame.
   */
  guidelines: Guidelines;
}

/** The annotate view of one document: the article, the label palette and the spans sidebar. */
export const AnnotatePage = memo(function AnnotatePage({
  document: doc,
  title,
  onDetails,
  annotator,
  initialSpans,
  initialScrollTop,
  sidebarOpen,
  onScroll,
  onMessage,
  registerUndo,
  onTagged,
  onEdited,
  onOpenDocument,
  guidelines,
}: AnnotatePageProps) {
  // The document's one code point index: the session and the editor get this one.
  const index = useMemo(() => new CodePointIndex(doc.text), [doc.text]);
  const session = useAnnotationSession(doc.id, annotator, index, initialSpans);
  // The session object is new on every render; its functions are stable. Callbacks below depend on
  // the functions, so a label does not re-register the editor's key commands and listeners.
  const { create, update: updateSpan, undo: undoCommand, redo: redoCommand } = session;
  const editor = useRef<ArticleEditorHandle>(null);
  const [caret, setCaret] = useState<number | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const [laidOut, setLaidOut] = useState(false);
  const spans = useMemo(() => session.spans ?? [], [session.spans]);
  // Only this view's own commands: a re-read of the stored spans (another window's change, the
  // stored state after a refused write) is no edit, and must leave the refusal's message standing.
  const shownEdits = useRef(session.edits);
  useEffect(() => {
    if (shownEdits.current === session.edits) return;
    shownEdits.current = session.edits;
    onEdited?.();
  }, [session.edits, onEdited]);

  const atCaret = useMemo(() => {
    const here = caret === null ? [] : spansAt(spans, caret);
    const pick = picked ? spans.find((s) => s.id === picked) : undefined;
    return pick && !here.includes(pick) ? [pick, ...here] : here;
  }, [spans, caret, picked]);
  const activeIds = useMemo(() => new Set(atCaret.map((s) => s.id)), [atCaret]);
  // Link suggestions are asked for the first claim at the caret.
  const claimAtCaret = atCaret.find((s) => s.label === 'claim');
  // The span L links from and Enter links to: the one exactly selected, else the first at the caret.
  const atCaretNow = useRef(atCaret);
  atCaretNow.current = atCaret;
  const spansNow = useRef(spans);
  spansNow.current = spans;
  const currentSpan = useCallback((): Span | undefined => {
    const r = editor.current?.selection();
    const exact =
      r && r.start !== r.end && spansNow.current.find((s) => s.start === r.start && s.end === r.end);
    return exact || atCaretNow.current[0];
  }, []);
  const linking = useLinking({
    docId: doc.id,
    title,
    annotator,
    current: currentSpan,
    editor,
    ready: laidOut,
    perform: session.link,
    onOpenDocument: useCallback((id: string) => onOpenDocument?.(id), [onOpenDocument]),
    onMessage,
  });
  // The compare panel (the study's annotators, every span set's owner) and the spans' merge history
  // are read and followed live from the frame after the open's: that frame shows neither.
  const painted = usePainted();
  const history = useSpanHistory(doc.id, painted);

  const excerpt = useCallback(
    (s: Span) => {
      const t = index.slice(s.start, Math.min(s.end, s.start + EXCERPT_MAX)).replace(/\s+/g, ' ');
      return s.end - s.start > EXCERPT_MAX ? `${t}…` : t;
    },
    [index],
  );

  const label = useLabelAction({
    editor,
    create,
    latest: session.latest,
    onMessage,
    onTagged,
    docId: doc.id,
  });

  const onSelection = useCallback((r: CodePointRange | null) => {
    setCaret(r && r.start === r.end ? r.start : null);
    if (r) setPicked(null);
  }, []);

  // A row of the span list (or the compare list) takes the caret to its span's start, in the
  // article, so the inspector shows it and the keyboard goes on from there.
  const pick = useCallback((s: Span) => {
    setPicked(s.id);
    editor.current?.scrollToSpan(s);
    editor.current?.select({ start: s.start, end: s.start });
    editor.current?.flashSpan(s);
  }, []);

  const find = useFind(index);
  const caretForFind = useCallback(() => editor.current?.selection()?.start ?? caret ?? 0, [caret]);
  const returnFocus = useRef<HTMLElement | null>(null);
  const { show: showFind } = find;
  useFindKey(
    useCallback(() => {
      const was = document.activeElement;
      // Reopening while open only moves the focus back into the bar.
      if (!(was instanceof HTMLElement) || !was.closest('.find-bar'))
        returnFocus.current = was as HTMLElement | null;
      showFind(caretForFind());
    }, [showFind, caretForFind]),
  );
  const { currentMatch, hide: hideFind, open: findOpen } = find;
  useEffect(() => {
    if (findOpen && currentMatch) editor.current?.reveal(currentMatch);
  }, [findOpen, currentMatch]);
  const closeFind = useCallback(() => {
    hideFind();
    // The current match stays selected, with the focus in the article: a label key labels exactly it.
    if (currentMatch) editor.current?.select(currentMatch);
    else if (returnFocus.current?.isConnected) returnFocus.current.focus();
    else editor.current?.focus();
  }, [hideFind, currentMatch]);

  const undo = useCallback(() => onMessage(undoCommand() ?? 'Nothing to undo.'), [undoCommand, onMessage]);
  const redo = useCallback(() => onMessage(redoCommand() ?? 'Nothing to redo.'), [redoCommand, onMessage]);
  useUndoKeys(undo, redo);
  useEffect(() => {
    registerUndo?.({ undo, redo });
    return () => registerUndo?.(null);
  }, [registerUndo, undo, redo]);

  const onRefused = useCallback(
    () => onMessage('The article text cannot be changed; select text and tag it instead.', 'error'),
    [onMessage],
  );
  // A new article stands at the top already; setting scrollTop, even to 0, forces a layout mid-open.
  const onReady = useCallback(() => {
    if (initialScrollTop > 0) editor.current?.setScrollTop(initialScrollTop);
    // The focus fell with the previous document's article (`]`, `n`, a library click that re-rendered),
    // or is on the library row that opened this one: a keyboard user goes on in the new text. On a
    // page just loaded it stays at the top, so the first Tab reaches the skip links.
    if ((focusLost() && !atPageStart()) || focusOnDocumentOpener()) editor.current?.focusText();
    setLaidOut(true);
  }, [initialScrollTop]);
  const handleScroll = useCallback((top: number) => onScroll(doc.id, top), [onScroll, doc.id]);

  // Every edit is said on the status line (a polite live region), so screen reader users hear it.
  const update = useCallback(
    (before: Span, after: Span, editKey?: string) => {
      const refused = updateSpan(before, after, editKey);
      if (refused) onMessage(refused, 'error');
      else onMessage(sentence(describeCommand({ kind: 'update', before, after })));
    },
    [updateSpan, onMessage],
  );
  const { remove: removeSpan } = session;
  const { linksOf } = linking;
  const remove = useCallback(
    (span: Span) => {
      // Its links go with it (and come back with undo).
      const refused = removeSpan(span, linksOf(span));
      if (refused) return onMessage(refused, 'error');
      onMessage(sentence(describeCommand({ kind: 'delete', span })));
      // Its editor is gone with it: back to the text, where the caret still is.
      editor.current?.focusText();
    },
    [removeSpan, onMessage, linksOf],
  );

  return (
    <div className={`annotate ${sidebarOpen ? '' : 'no-sidebar'}`}>
      <div className="toolbar">
        <LabelPalette onLabel={label} guidelines={guidelines} />
        <button type="button" onClick={undo} disabled={!session.canUndo} aria-keyshortcuts="Control+Z">
          Undo
        </button>
        <button type="button" onClick={redo} disabled={!session.canRedo} aria-keyshortcuts="Control+Shift+Z">
          Redo
        </button>
        <SessionSaveIndicator source={session.saveState} onError={onMessage} />
      </div>
      <div className="article-pane">
        <div className="article-head">
          <div className="article-head-column">
            <h1 className="article-title">{title}</h1>
            <button
              type="button"
              className="details-button"
              onClick={() => onDetails(doc.id)}
              aria-label={`Details of ${title}`}
            >
              Details
            </button>
          </div>
        </div>
        <CaretSpeech spans={spans} caret={caret} excerpt={excerpt} />
        {linking.prompt && (
          <p className="link-prompt" data-testid="link-prompt">
            {linking.prompt}
          </p>
        )}
        {find.open && <FindBar find={find} caret={caretForFind} onClose={closeFind} />}
        {session.spans && (
          <ArticleEditor
            ref={editor}
            index={index}
            text={doc.text}
            spans={spans}
            activeSpanIds={activeIds}
            foundMatches={find.open ? find.matches : undefined}
            foundCurrent={find.open ? find.current : -1}
            onSelection={onSelection}
            onLabelKey={label}
            onRefused={onRefused}
            onScroll={handleScroll}
            onReady={onReady}
            linked={linking.linked}
          />
        )}
      </div>
      {sidebarOpen && (
        <aside className="sidebar" aria-label="Annotations" tabIndex={-1} data-focus-spans="">
          <SpanInspector
            spans={atCaret}
            excerpt={excerpt}
            onUpdate={update}
            onDelete={remove}
            markUnsaved={session.markUnsaved}
            history={history}
            more={(s) => (
              <SpanLinks
                span={{ docId: doc.id, start: s.start, end: s.end }}
                links={linking.links}
                ends={linking.ends}
                currentDocId={doc.id}
                onGo={linking.goTo}
                onNote={linking.note}
                onDelete={linking.remove}
                markUnsaved={session.markUnsaved}
              />
            )}
          />
          {claimAtCaret && (
            <SuggestionsPanel
              key={`${claimAtCaret.start}-${claimAtCaret.end}`}
              span={{
                docId: doc.id,
                start: claimAtCaret.start,
                end: claimAtCaret.end,
                text: index.slice(claimAtCaret.start, claimAtCaret.end),
              }}
              annotator={annotator}
              onAccept={linking.accept}
              onDismiss={linking.dismiss}
            />
          )}
          {painted && (
            <ComparePanel docId={doc.id} annotator={annotator} mine={spans} excerpt={excerpt} onPick={pick} />
          )}
          <SpanList spans={spans} activeIds={activeIds} excerpt={excerpt} onPick={pick} />
        </aside>
      )}
    </div>
  );
});

/** "deleted claim" → "Deleted claim." */
const sentence = (s: string): string => `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
