import { assignLanes } from '../../core/model/overlaps';
import type { TextLayout } from '../text-layout';
import { drawMarks, type Box, type SpanMarks } from './mark-draw';
import type { DomLocator, PaintSpan } from './painter';

/** Lanes drawn; deeper spans share the last (their boundary ticks still show). */
export const MAX_LANES = 4;
/** How far a span's marks reach above and below its line's paragraph (rings, "?", four lanes), CSS px. */
const REACH = 16;
/** Changed spans redrawn alone, by the lines they are on; more than this redraws the canvas. */
const FEW = 16;

/**
 * Draws, on one canvas over the article, what CSS highlights cannot show cheaply: an underline per
 * span in its label's line style, stacked in lanes where spans overlap (as INCEpTION stacks boxes),
 * a tick at each span's start and end, a "?" after unsure spans, a corner mark on spans with a
 * note and two rings on spans with links. Colour and line style come from label-display, the one definition.
 *
 * Why a canvas and not `text-decoration` in `::highlight()`: Chromium treats highlight decorations as
 * visual overflow and re-computes the ink overflow of every highlighted text node on each marker
 * rebuild (every label, every scroll step), which took the scroll p95 frame from 13 to 19 ms
 * (docs/performance.md). Redrawing a canvas changes no DOM and no style, so it adds no layout and no
 * highlight-marker rebuild to a label's frame. Span boxes are measured once per span and line (in the
 * article's coordinates) and measured again only when the article's size changes.
 *
 * The canvas covers the screen and one viewport above and below, and moves only when the screen nears
 * its edge, so scrolling rarely resizes or moves it.
 */
export class MarkLayer {
  private spans: readonly PaintSpan[] = [];
  /** Per span and line: its boxes, x from the host's left, y from the top of the line's paragraph. */
  private boxes = new WeakMap<PaintSpan, Map<number, readonly Box[]>>();
  private top = 0;
  private height = 0;
  private width = 0;
  private window: { lo: number; hi: number } = { lo: 0, hi: 0 };
  private readonly resized: ResizeObserver;
  /** The host's width when the boxes were measured: only a new width re-wraps the text. */
  private measuredWidth = -1;
  /** The pending draw of the canvas beyond the screen (a frame, then a task). */
  private rest = 0;
  private restTimer: ReturnType<typeof setTimeout> | 0 = 0;
  /** The lane of every span as last drawn (null: nothing drawn yet). */
  private lanes: Map<PaintSpan, number> | null = null;
  /** The window of the last full draw: another window redraws everything. */
  private drawnWindow = '';
  /** The canvas covers only the band of its first draw (`place`). */
  private band = false;
  /**
   * The last full draw: its band (host y), window and lines, and the top (host y) of each line it
   * measured. A resize that moves none of them needs no redraw.
   */
  private lastDraw: {
    from: number;
    to: number;
    window: string;
    lines: [number, number];
    tops: Map<number, number>;
  } | null = null;
  /**
   * The one Range every box is measured with. A Range per span and line left ~2,000 live ranges on
   * a dense screen, each one updated by every later DOM mutation until collected.
   */
  private readonly range = document.createRange();

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly host: HTMLElement,
    private readonly scroller: HTMLElement,
    private readonly layout: TextLayout,
    private readonly locator: DomLocator,
  ) {
    this.resized = new ResizeObserver(() => {
      // A new height (chunks laid out above or below, as in the open's frame) moves paragraphs, not
      // the text inside them: the boxes stay, their paragraphs' tops are read again when drawing.
      // Measuring every box again held the open's frame of a dense article for ~25 ms. Nothing drawn
      // moved (as at `observe`'s first report, in the open's frame): the canvas already shows it.
      if (host.clientWidth !== this.measuredWidth) this.boxes = new WeakMap();
      else if (this.unmoved()) return;
      this.draw(true);
    });
    this.resized.observe(host);
  }

  /** The UTF-16 window the painter shows; lines outside it are never measured. */
  setWindow(lo: number, hi: number): void {
    this.window = { lo, hi };
  }

  paint(spans: readonly PaintSpan[]): void {
    const same = spans.length === this.spans.length && spans.every((s, i) => s === this.spans[i]);
    this.spans = spans;
    if (!same && this.redrawChanged()) return;
    this.draw(!same);
    // The canvas now shows these spans as this window cuts them (a wider window with the same spans
    // draws nothing new).
    this.drawnWindow = `${this.window.lo},${this.window.hi}`;
  }

  /** Spans drawn (tests). */
  drawn(): number {
    return this.spans.length;
  }

  dispose(): void {
    this.resized.disconnect();
    if (this.rest) cancelAnimationFrame(this.rest);
    if (this.restTimer) clearTimeout(this.restTimer);
    this.spans = [];
    this.canvas.getContext('2d')?.clearRect(0, 0, this.canvas.width, this.canvas.height);
  }

  /**
   * Places the canvas over the screen ± a viewport when the screen nears its edge; true if it moved.
   * Its first placement covers only the band the open's frame draws (the screen ± a quarter
   * viewport): a canvas is allocated, cleared and copied to the compositor whole, so a canvas three
   * viewports tall cost the open's frame twice what the band does (docs/performance.md). The pass
   * after that frame grows it (`grow`).
   */
  private place(grow = false): boolean {
    const hostRect = this.host.getBoundingClientRect();
    const view = this.scroller.getBoundingClientRect();
    const vh = view.height;
    // Clamped: the canvas never goes above the host's top, so near the top of an article a margin
    // above it can never be covered, and counting it made every draw a move (a full redraw).
    const seeTop = Math.max(0, view.top - hostRect.top - vh / 4);
    const seeBottom = view.bottom - hostRect.top + vh / 4;
    const width = Math.round(hostRect.width);
    const covered = width === this.width && seeTop >= this.top && seeBottom <= this.top + this.height;
    if (covered && !(grow && this.band)) return false;
    this.band = this.width === 0 && !grow;
    this.width = width;
    this.top = this.band ? Math.floor(seeTop) : Math.max(0, Math.floor(view.top - hostRect.top - vh));
    this.height = this.band ? Math.ceil(seeBottom) - this.top : Math.ceil(3 * vh);
    const dpr = window.devicePixelRatio || 1;
    const c = this.canvas;
    // Setting a canvas's size, even to the same value, reallocates and clears it: only when it changed.
    const w = Math.round(width * dpr);
    const h = Math.round(this.height * dpr);
    if (c.width !== w || c.height !== h) {
      c.width = w;
      c.height = h;
      c.style.width = `${width}px`;
      c.style.height = `${this.height}px`;
    }
    c.style.top = `${this.top}px`;
    return true;
  }

  /**
   * A label, an edit or a delete changes a few spans and nothing else: clears and redraws only the
   * lines of those spans and of any span whose lane they moved, with whatever else reaches into them.
   * Redrawing the whole canvas put every mark on screen (hundreds of strokes, then a full rasterisation)
   * into the label's key task and frame. False when the whole canvas must be drawn.
   */
  private redrawChanged(): boolean {
    const { lanes: before, layout } = this;
    const { lo, hi } = this.window;
    if (!before || this.drawnWindow !== `${lo},${hi}` || this.host.clientWidth !== this.measuredWidth)
      return false;
    if (this.place()) return false;
    const lanes = assignLanes(this.spans);
    const changed: PaintSpan[] = [];
    const now = new Set<PaintSpan>();
    this.spans.forEach((s, i) => {
      now.add(s);
      if (before.get(s) !== lanes[i]) changed.push(s);
    });
    for (const s of before.keys()) if (!now.has(s)) changed.push(s);
    if (changed.length > FEW) return false;
    const origin = this.host.getBoundingClientRect();
    let from = Infinity;
    let to = -Infinity;
    for (const s of changed) {
      const first = this.lineRect(layout.lineOf(Math.max(s.start, lo)));
      const last = this.lineRect(layout.lineOf(Math.max(s.start, Math.min(s.end, hi) - 1)));
      if (!first || !last) return false;
      from = Math.min(from, first.top - origin.top - REACH);
      to = Math.max(to, last.bottom - origin.top + REACH);
    }
    // On whole device pixels, so the clip leaves no half-cleared row at the band's edges.
    const dpr = window.devicePixelRatio || 1;
    if (changed.length > 0)
      this.drawBetween(Math.floor(from * dpr) / dpr, Math.ceil(to * dpr) / dpr, origin, true);
    return true;
  }

  /**
   * True when the canvas stays and the last full draw would draw the same: the same lines meet its
   * band and each line it measured stands where it stood. False (nothing changed) after a move.
   */
  private unmoved(): boolean {
    const d = this.lastDraw;
    if (!d || d.window !== `${this.window.lo},${this.window.hi}` || this.place()) return false;
    const origin = this.host.getBoundingClientRect();
    const lines = this.linesBetween(d.from + origin.top, d.to + origin.top);
    if (!lines || lines[0] !== d.lines[0] || lines[1] !== d.lines[1]) return false;
    for (const [line, top] of d.tops) if ((this.lineRect(line)?.top ?? 0) - origin.top !== top) return false;
    return true;
  }

  private draw(changed: boolean): void {
    const moved = this.place();
    if (!changed && !moved) return;
    // The screen (± a quarter viewport, as the tints) first, the rest of the canvas after the frame:
    // a dense short article has its every span under the canvas (10k characters, 10,000 spans), and
    // measuring them all (a Range per span and line) held its open's first frame for ~200 ms.
    const view = this.scroller.getBoundingClientRect();
    const origin = this.host.getBoundingClientRect();
    if (this.host.clientWidth !== this.measuredWidth) {
      this.measuredWidth = this.host.clientWidth;
      this.boxes = new WeakMap();
    }
    const margin = view.height / 4;
    this.drawBetween(view.top - origin.top - margin, view.bottom - origin.top + margin, origin);
    if (this.rest) cancelAnimationFrame(this.rest);
    this.rest = requestAnimationFrame(() => {
      this.rest = 0;
      this.restTimer = setTimeout(() => {
        this.restTimer = 0;
        this.place(true);
        this.drawBetween(this.top, this.top + this.height, this.host.getBoundingClientRect());
      }, 0);
    });
  }

  /**
   * Clears the canvas and draws the spans' marks between host-relative y `from` and `to`; `band`:
   * clears and draws only there (clipped), redrawing the spans whose marks reach into it.
   */
  private drawBetween(from: number, to: number, origin: DOMRect, band = false): void {
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    const lanes = assignLanes(this.spans);
    this.lanes = new Map(this.spans.map((s, i) => [s, lanes[i] as number]));
    if (!band && this.restTimer) clearTimeout(this.restTimer);
    if (!band) this.restTimer = 0;
    const dpr = window.devicePixelRatio || 1;
    ctx.setTransform(dpr, 0, 0, dpr, 0, -this.top * dpr);
    ctx.save();
    if (band) {
      ctx.beginPath();
      ctx.rect(0, from, this.width, to - from);
      ctx.clip();
      ctx.clearRect(0, from, this.width, to - from);
    } else ctx.clearRect(0, this.top, this.width, this.height);
    const reach = band ? 2 * REACH : 0;
    const top = Math.max(from - reach, this.top);
    const bottom = Math.min(to + reach, this.top + this.height);
    const lines = this.linesBetween(top + origin.top, bottom + origin.top);
    const tops = lines ? this.drawLines(ctx, lines, top, bottom, lanes, origin) : null;
    ctx.restore();
    if (band) return;
    const shown = `${this.window.lo},${this.window.hi}`;
    this.lastDraw = lines && tops ? { from: top, to: bottom, window: shown, lines, tops } : null;
  }

  /**
   * Draws the marks of the spans on `lines` whose boxes meet host-relative y [top, bottom]; returns
   * the host-relative top of every line it measured.
   */
  private drawLines(
    ctx: CanvasRenderingContext2D,
    lines: [number, number],
    top: number,
    bottom: number,
    lanes: readonly number[],
    origin: DOMRect,
  ): Map<number, number> {
    const tops = new Map<number, number>();
    const lineTop = (line: number): number => {
      let y = tops.get(line);
      if (y === undefined) tops.set(line, (y = (this.lineRect(line)?.top ?? 0) - origin.top));
      return y;
    };
    const { lo, hi } = this.window;
    const { layout } = this;
    const items: SpanMarks[] = [];
    this.spans.forEach((s, i) => {
      const first = layout.lineOf(Math.max(s.start, lo));
      const last = layout.lineOf(Math.max(s.start, Math.min(s.end, hi) - 1));
      if (last < lines[0] || first > lines[1]) return;
      const a = Math.max(first, lines[0]);
      const z = Math.min(last, lines[1]);
      const all = this.measure(s, a, z, origin, lineTop);
      const boxes = all.filter((b) => b.bottom >= top && b.top <= bottom);
      if (boxes.length === 0) return;
      // A tick only where the span really starts or ends, not where the window or canvas cuts it.
      const ends = {
        start: s.start >= lo && a === first && boxes[0] === all[0],
        end: s.end <= hi && z === last && boxes[boxes.length - 1] === all[all.length - 1],
      };
      items.push({ span: s, boxes, lane: Math.min(lanes[i] as number, MAX_LANES - 1), ends });
    });
    drawMarks(ctx, items);
    return tops;
  }

  /**
   * The window's first and last line whose paragraph meets client y [top, bottom] (binary search over
   * paragraph rectangles, O(log lines) reads), or null when none does. Lines are stacked top to bottom.
   */
  private linesBetween(top: number, bottom: number): [number, number] | null {
    const { layout } = this;
    const lo = layout.lineOf(this.window.lo);
    const hi = layout.lineOf(Math.max(this.window.lo, Math.min(this.window.hi, layout.text.length)));
    const rect = (line: number): DOMRect | null => this.lineRect(line);
    const search = (past: (line: number) => boolean): number => {
      let a = lo;
      let b = hi + 1;
      while (a < b) {
        const mid = (a + b) >>> 1;
        if (past(mid)) b = mid;
        else a = mid + 1;
      }
      return a;
    };
    const first = search((l) => (rect(l)?.bottom ?? -Infinity) >= top);
    const last = search((l) => (rect(l)?.top ?? Infinity) > bottom) - 1;
    return first <= last ? [first, last] : null;
  }

  /** The client rectangle of the element holding line `line`'s text (null: not in the DOM). */
  private lineRect(line: number): DOMRect | null {
    const at = this.locator.locate(this.layout.lineStarts[line] as number, 'start');
    if (!at) return null;
    const el = at.node.nodeType === Node.TEXT_NODE ? at.node.parentElement : (at.node as Element);
    return el?.getBoundingClientRect() ?? null;
  }

  /** The span's line boxes on lines [first, last], in the host's coordinates. */
  private measure(
    span: PaintSpan,
    first: number,
    last: number,
    origin: DOMRect,
    lineTop: (line: number) => number,
  ): Box[] {
    let byLine = this.boxes.get(span);
    if (!byLine) this.boxes.set(span, (byLine = new Map()));
    const out: Box[] = [];
    for (let line = first; line <= last; line++) {
      let boxes = byLine.get(line);
      if (!boxes) {
        boxes = this.measureLine(span, line, origin, lineTop(line));
        byLine.set(line, boxes);
      }
      const y = lineTop(line);
      for (const b of boxes) out.push({ left: b.left, right: b.right, top: b.top + y, bottom: b.bottom + y });
    }
    return out;
  }

  /** The span's boxes on one line: x from the host's left, y from the line's top (`top`, host's). */
  private measureLine(span: PaintSpan, line: number, origin: DOMRect, top: number): Box[] {
    const lineStart = this.layout.lineStarts[line] as number;
    const lineEnd = lineStart + (this.layout.lines[line] as string).length;
    const a = Math.max(span.start, lineStart);
    const b = Math.min(span.end, lineEnd);
    if (b <= a) return [];
    // One text node holds the whole line (dom-locator.ts), so both ends are offsets in it.
    const at = this.locator.locate(lineStart, 'start');
    if (!at || at.node.nodeType !== Node.TEXT_NODE) return [];
    const { range } = this;
    range.setStart(at.node, a - lineStart);
    range.setEnd(at.node, b - lineStart);
    const boxes: Box[] = [];
    for (const r of range.getClientRects()) {
      if (r.width === 0) continue;
      boxes.push({
        left: r.left - origin.left,
        right: r.right - origin.left,
        top: r.top - origin.top - top,
        bottom: r.bottom - origin.top - top,
      });
    }
    return boxes;
  }
}
