import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';

import type { Label } from '../core/model/labels';
import type { Span } from '../core/model/span';
import { CodePointIndex } from '../core/text/code-points';
import { snapToWords } from '../core/text/words';
import { createDomLocator } from './dom-locator';
import { selectionCollapser } from './selection-collapser';
import { ChunkNode } from './nodes/ChunkNode';
import { LabelKeysPlugin } from './plugins/LabelKeysPlugin';
import { $loadArticle, LoadTextPlugin } from './plugins/LoadTextPlugin';
import { ReadOnlyGuardPlugin } from './plugins/ReadOnlyGuardPlugin';
import {
  readDomSelection,
  readSelection,
  SelectionPlugin,
  type Utf16Selection,
} from './plugins/SelectionPlugin';
import { WordSnapPlugin } from './plugins/WordSnapPlugin';
import { SnapToggle } from './SnapToggle';
import { snapMode } from './snap-mode';
import { TextLayout } from './text-layout';
import { usePainter } from './usePainter';

const NO_MATCHES: readonly CodePointRange[] = [];

/** A selection or caret in code points (start ≤ end). */
export interface CodePointRange {
  readonly start: number;
  readonly end: number;
}

export interface ArticleEditorHandle {
  /**
   * The current selection in code points, or null when there is none; in word mode (snap-mode.ts) a
   * selection is widened to whole words.
   */
  selection(): CodePointRange | null;
  scrollToSpan(span: Span): void;
  /** Scrolls a stretch of text into view if it is not on screen (find matches). */
  reveal(range: CodePointRange): void;
  /**
   * Focuses the article with exactly this stretch selected; `selection()` then returns it unsnapped
   * (a find match is labelled exactly as found, even in word mode).
   */
  select(range: CodePointRange): void;
  flashSpan(span: Span): void;
  scrollTop(): number;
  setScrollTop(top: number): void;
  focus(): void;
  /** Focuses the article where its selection is, without scrolling (keyboard users land back in the text). */
  focusText(): void;
  /**
   * Returns what collapses the current selection to its end (after tagging, so the next drag starts a
   * new selection), if it is still this selection then: the label's frame paints before it.
   */
  selectionCollapser(): (() => void) | null;
  /** Paints these spans now, before the next render gives them (a label, from its key task). */
  paint(spans: readonly Span[]): void;
  /** Highlights currently painted (tests, benchmark). */
  paintedCount(): number;
}

export interface ArticleEditorProps {
  ref?: Ref<ArticleEditorHandle>;
  text: string;
  /** The code point index of `text`, built once by the view that opened the document. */
  index: CodePointIndex;
  spans: readonly Span[];
  activeSpanIds: ReadonlySet<string>;
  /** Find matches (code points, text order) and the index of the current one, -1 for none. */
  foundMatches?: readonly CodePointRange[];
  foundCurrent?: number;
  /** Selection or caret moved (code points); null when the editor has no selection. */
  onSelection: (range: CodePointRange | null) => void;
  onLabelKey: (label: Label) => void;
  /** An edit was attempted and refused. */
  onRefused: () => void;
  onScroll: (top: number) => void;
  /** Text loaded and highlights painted. */
  onReady: () => void;
  /** Extents (`start-end`, code points) of spans that have links, marked in the text. */
  linked?: ReadonlySet<string>;
}

/**
 * The article view: a Lexical editor over immutable text. Keyed by the caller on the document id, so
 * a new document gets a fresh editor.
 */
export function ArticleEditor(props: ArticleEditorProps) {
  const layout = useMemo(() => new TextLayout(props.text), [props.text]);
  // The composer reads its config once, when it creates the editor: the text it starts with.
  const initialConfig = useMemo(
    () => ({
      namespace: 'marginalia-article',
      editable: true,
      theme: { paragraph: 'm-paragraph' },
      nodes: [ChunkNode],
      editorState: () => {
        $loadArticle(layout);
      },
      onError: (error: Error) => {
        throw error;
      },
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a later text is loaded by LoadTextPlugin
    [],
  );
  return (
    <LexicalComposer initialConfig={initialConfig}>
      <EditorBody {...props} layout={layout} />
    </LexicalComposer>
  );
}

function EditorBody({
  ref,
  layout,
  index: given,
  spans,
  activeSpanIds,
  foundMatches = NO_MATCHES,
  foundCurrent = -1,
  onSelection,
  onLabelKey,
  onRefused,
  onScroll,
  onReady,
  linked,
}: Omit<ArticleEditorProps, 'text'> & { layout: TextLayout }) {
  const [editor] = useLexicalComposerContext();
  const { text } = layout;
  // A later text (LoadTextPlugin) arrives with its own index; until then the layout's text is the
  // given index's.
  const index = useMemo(() => (given.text === text ? given : new CodePointIndex(text)), [given, text]);
  const [paragraphKeys, setParagraphKeys] = useState<string[] | null>(null);
  const paragraphIndex = useMemo(() => new Map((paragraphKeys ?? []).map((k, i) => [k, i])), [paragraphKeys]);
  const scroller = useRef<HTMLDivElement>(null);
  const marks = useRef<HTMLCanvasElement>(null);
  const [generation, setGeneration] = useState(0);
  const rebuild = useCallback(() => setGeneration((g) => g + 1), []);
  const { painter, toPaint, paintNow } = usePainter({
    editor,
    layout,
    index,
    paragraphKeys,
    scroller,
    marks,
    spans,
    activeSpanIds,
    foundMatches,
    foundCurrent,
    onReady,
    linked,
  });
  /** The stretch `select` set, returned as is by `selection()` while it is still the selection. */
  const exact = useRef<CodePointRange | null>(null);

  const toCodePoints = useCallback(
    (sel: Utf16Selection | null): CodePointRange | null => {
      if (!sel) return null;
      const lo = Math.min(sel.anchor, sel.focus);
      const hi = Math.max(sel.anchor, sel.focus);
      return { start: index.toCodePoint(lo, 'floor'), end: index.toCodePoint(hi, 'ceil') };
    },
    [index],
  );

  const currentSelection = useCallback(
    () =>
      readDomSelection(editor, layout, paragraphIndex) ??
      readSelection(editor.getEditorState(), layout, paragraphIndex),
    [editor, layout, paragraphIndex],
  );
  const locator = useMemo(
    () => (paragraphKeys ? createDomLocator(editor, layout, paragraphKeys) : null),
    [editor, layout, paragraphKeys],
  );

  useImperativeHandle(
    ref,
    () => ({
      selection: () => {
        const r = toCodePoints(currentSelection());
        if (!r || r.start === r.end || snapMode() !== 'word') return r;
        const e = exact.current;
        if (e && e.start === r.start && e.end === r.end) return r;
        return snapToWords(index, r.start, r.end);
      },
      reveal: (range) => {
        const box = scroller.current;
        const at = locator?.locate(index.toUtf16(range.start), 'start');
        if (!box || !at) return;
        const r = document.createRange();
        r.setStart(at.node, at.offset);
        const rect = r.getBoundingClientRect();
        const boxRect = box.getBoundingClientRect();
        if (rect.top >= boxRect.top && rect.bottom <= boxRect.bottom) return;
        box.scrollTop += rect.top - boxRect.top - box.clientHeight / 3;
      },
      select: (range) => {
        const root = editor.getRootElement();
        const a = locator?.locate(index.toUtf16(range.start), 'start');
        const b = locator?.locate(index.toUtf16(range.end), 'end');
        const sel = window.getSelection();
        if (!root || !a || !b || !sel) return;
        exact.current = range;
        root.focus({ preventScroll: true });
        sel.setBaseAndExtent(a.node, a.offset, b.node, b.offset);
      },
      scrollToSpan: (span) => {
        const box = scroller.current;
        const at = createDomLocator(editor, layout, paragraphKeys ?? []).locate(
          index.toUtf16(span.start),
          'start',
        );
        if (!box || !at) return;
        const range = document.createRange();
        range.setStart(at.node, at.offset);
        const rect = range.getBoundingClientRect();
        const boxRect = box.getBoundingClientRect();
        box.scrollTop += rect.top - boxRect.top - box.clientHeight / 3;
      },
      flashSpan: (span) => painter.current?.flash(toPaint(span)),
      scrollTop: () => scroller.current?.scrollTop ?? 0,
      setScrollTop: (top) => {
        if (scroller.current) scroller.current.scrollTop = top;
      },
      focus: () => editor.focus(),
      focusText: () => editor.getRootElement()?.focus({ preventScroll: true }),
      selectionCollapser,
      paint: paintNow,
      paintedCount: () => painter.current?.count() ?? 0,
    }),
    [
      editor,
      layout,
      paragraphKeys,
      index,
      toCodePoints,
      toPaint,
      painter,
      currentSelection,
      locator,
      paintNow,
    ],
  );

  // "plaintext-only", not "true": the article is plain text, and React, before every commit anywhere
  // in the app, walks the whole DOM of a focused contentEditable="true" element to save its selection
  // (getSelectionInformation) — ~2–3 ms per label with a 1M-character article. Caret, selection and
  // IME behave the same; every edit is refused by ReadOnlyGuardPlugin either way.
  useEffect(
    () => editor.registerRootListener((root) => root?.setAttribute('contenteditable', 'plaintext-only')),
    [editor],
  );

  const handleSelection = useCallback(
    (sel: Utf16Selection | null) => onSelection(toCodePoints(sel)),
    [onSelection, toCodePoints],
  );

  return (
    <>
      <div className="article-bar">
        <SnapToggle />
      </div>
      <div className="article-scroller" ref={scroller} onScroll={(e) => onScroll(e.currentTarget.scrollTop)}>
        <div className="article-host">
          <ContentEditable
            className="article"
            data-focus-home=""
            aria-label="Article text"
            aria-readonly="true"
            aria-multiline="true"
            spellCheck={false}
            data-testid="article"
            // Focusable as any contentEditable; said explicitly because "plaintext-only" is not
            // recognised as focusable by checkers (axe: scrollable-region-focusable on the scroller).
            tabIndex={0}
          />
          <canvas className="article-marks" ref={marks} aria-hidden="true" data-testid="article-marks" />
        </div>
        <LoadTextPlugin layout={layout} generation={generation} onLoaded={setParagraphKeys} />
        <ReadOnlyGuardPlugin layout={layout} onRefused={onRefused} onCorrupted={rebuild} />
        {paragraphKeys && (
          <SelectionPlugin layout={layout} paragraphIndex={paragraphIndex} onSelection={handleSelection} />
        )}
        <LabelKeysPlugin onLabelKey={onLabelKey} />
        <WordSnapPlugin index={index} locator={locator} readSelection={currentSelection} />
      </div>
    </>
  );
}
