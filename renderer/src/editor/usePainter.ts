import type { LexicalEditor } from 'lexical';
import { useCallback, useEffect, useMemo, useRef, type RefObject } from 'react';

import type { Span } from '../core/model/span';
import type { CodePointIndex } from '../core/text/code-points';
import { createDomLocator } from './dom-locator';
import { CssHighlightPainter } from './painter/css-highlight-painter';
import { LayeredPainter } from './painter/layered-painter';
import { MarkLayer } from './painter/mark-layer';
import type { PaintSpan } from './painter/painter';
import { WindowedPainter } from './painter/windowed-painter';
import type { TextLayout } from './text-layout';
import { hideFarChunks } from './far-chunks';
import { layOutAhead } from './lay-out-ahead';
import { watchViewport } from './viewport-window';

/** UTF-16 units painted when the screen cannot be measured: a few screens of text. */
const FIRST_WINDOW = 12_000;

/**
 * Owns the painter of one loaded article: CSS highlights for the spans near the viewport (windowed,
 * incremental; docs/performance.md, "Rendering and highlights"), the active spans, and `onReady`
 * after the first paint.
 */
export function usePainter({
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
}: {
  editor: LexicalEditor;
  layout: TextLayout;
  index: CodePointIndex;
  paragraphKeys: readonly string[] | null;
  scroller: RefObject<HTMLDivElement | null>;
  /** The canvas for underlines, boundaries and unsure/note marks (mark-layer.ts), inside the article's host. */
  marks: RefObject<HTMLCanvasElement | null>;
  spans: readonly Span[];
  activeSpanIds: ReadonlySet<string>;
  /** Find matches in code points, in text order, and the index of the current one (-1: none). */
  foundMatches: readonly { start: number; end: number }[];
  foundCurrent: number;
  onReady: () => void;
  /** Extents (`start-end`, code points) of spans that have links: marked in the text (mark-layer.ts). */
  linked?: ReadonlySet<string> | undefined;
}) {
  const painter = useRef<WindowedPainter<Span> | null>(null);
  const readyFired = useRef(false);
  // Spans are immutable values: each is converted once, when it first enters the painted window.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- a new text needs a new cache
  const converted = useMemo(() => ({ map: new WeakMap<Span, PaintSpan>() }), [index]);
  // Read through a ref so toPaint stays the same (a new toPaint rebuilds the painter).
  const linkedNow = useRef(linked);
  linkedNow.current = linked;
  const toPaint = useCallback(
    (s: Span): PaintSpan => {
      let p = converted.map.get(s);
      if (!p) {
        p = {
          id: s.id,
          label: s.label,
          start: index.toUtf16(s.start),
          end: index.toUtf16(s.end),
          note: s.note !== '',
          unsure: s.unsure === true,
          linked: linkedNow.current?.has(`${s.start}-${s.end}`) === true,
        };
        converted.map.set(s, p);
      }
      return p;
    },
    [index, converted],
  );
  // Publishes what is painted on the scroller (data-spans, data-painted, data-window) for tests and the bench.
  const publish = useCallback(() => {
    const box = scroller.current;
    const p = painter.current;
    if (!box || !p) return;
    const { lo, hi } = p.window();
    box.dataset['spans'] = String(p.total());
    box.dataset['painted'] = String(p.count());
    box.dataset['window'] = `${lo},${hi}`;
  }, [scroller]);

  useEffect(() => {
    const box = scroller.current;
    if (!paragraphKeys || !box) return;
    const locator = createDomLocator(editor, layout, paragraphKeys);
    const canvas = marks.current;
    const host = canvas?.parentElement;
    const p = new WindowedPainter<Span>(
      new LayeredPainter(
        new CssHighlightPainter(locator),
        canvas && host ? new MarkLayer(canvas, host, box, layout, locator) : null,
      ),
      toPaint,
      // Window edges are line starts (never inside a surrogate pair) or one past the text's end.
      (u) => index.toCodePoint(Math.min(u, layout.text.length)),
    );
    painter.current = p;
    const { chunkStarts, lineStarts, lines } = layout;
    const chunks = chunkStarts.map(
      (line) => editor.getElementByKey(paragraphKeys[line] as string)?.parentElement ?? null,
    );
    let firstLine = 0;
    const watch = watchViewport(box, chunks, chunkStarts, (first, last) => {
      firstLine = first;
      const end = (lineStarts[last] as number) + (lines[last] as string).length + 1;
      p.setWindow(lineStarts[first] as number, end);
      publish();
    });
    // The lines on screen now, before the open's first frame, so it shows them with their highlights.
    // Not a fixed first window: a window of text registers every span in it, and a dense short
    // article (10k characters, 10,000 spans) had all its spans registered and measured before that
    // frame (docs/performance.md). The layout this reads is the one the frame needs anyway.
    watch.refresh();
    if (p.window().hi === 0) {
      // No geometry (the scroller is not rendered): the top few screens, until the watch reports.
      const top = layout.lineOf(Math.min(layout.text.length, FIRST_WINDOW));
      p.setWindow(0, (lineStarts[top] as number) + (lines[top] as string).length + 1);
    }
    delete box.dataset['laidOut'];
    let stopFar = (): void => {};
    const stopAhead = layOutAhead(
      chunks,
      () => layout.chunkOfLine(firstLine),
      () => {
        stopFar = hideFarChunks(box, chunks);
        box.dataset['laidOut'] = 'all';
      },
    );
    return () => {
      stopAhead();
      stopFar();
      watch.stop();
      p.dispose();
      painter.current = null;
    };
  }, [editor, layout, paragraphKeys, publish, scroller, marks, toPaint, index]);

  useEffect(() => {
    if (!paragraphKeys || !painter.current) return;
    painter.current.paint(spans);
    publish();
    if (!readyFired.current) {
      readyFired.current = true;
      onReady();
    }
  }, [paragraphKeys, spans, toPaint, onReady, publish]);

  // Links added or removed: the spans are converted again, so the marks follow.
  const linkedKey = linked ? [...linked].sort().join(',') : '';
  const paintedLinks = useRef(linkedKey);
  useEffect(() => {
    if (paintedLinks.current === linkedKey) return;
    paintedLinks.current = linkedKey;
    converted.map = new WeakMap();
    painter.current?.refresh();
  }, [linkedKey, converted]);

  useEffect(() => {
    // Nothing is under the caret while text is selected, as when labelling: skip the scan of every span.
    const active = activeSpanIds.size === 0 ? [] : spans.filter((s) => activeSpanIds.has(s.id));
    painter.current?.setActive(active.map(toPaint));
  }, [paragraphKeys, spans, activeSpanIds, toPaint]);

  const found = useMemo(
    () => foundMatches.map((m) => ({ start: index.toUtf16(m.start), end: index.toUtf16(m.end) })),
    [foundMatches, index],
  );
  useEffect(() => {
    if (!paragraphKeys) return;
    painter.current?.setFound(found, found[foundCurrent] ?? null);
  }, [paragraphKeys, found, foundCurrent]);

  // A label paints its span from its key task, before React renders the page (features/annotate/
  // useLabelAction.ts); the render after the frame gives the painter the same array, which it skips.
  const paintNow = useCallback(
    (next: readonly Span[]) => {
      if (!painter.current) return;
      painter.current.paint(next);
      publish();
    },
    [publish],
  );

  return { painter, toPaint, paintNow };
}
