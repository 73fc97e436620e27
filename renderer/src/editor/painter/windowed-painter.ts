import { firstAbove } from '../../core/sorted';
import type { PaintRange, PaintSpan, Painter } from './painter';

/** What the windowed painter needs of a span: its offsets, in the units of `toOwnUnits`. */
export interface Placed {
  readonly start: number;
  readonly end: number;
}

/**
 * Keeps every span but hands the inner painter only those that intersect a window of the text
 * (UTF-16 [lo, hi): the paragraphs on screen plus a margin, reported by viewport-window.ts).
 *
 * Why: Chromium re-validates every registered highlight range whenever a highlight or the DOM
 * changes, so with 10,000 registered ranges one label cost 40–180 ms; with the few hundred in the
 * window it costs a few ms (measured: docs/performance.md, "Rendering and highlights").
 *
 * Spans stay in their own units (code points) and are converted for painting (`toPaint`) only when
 * they are in the window: converting all 10,000 on every label cost ~0.7 ms of the label's frame.
 */
export class WindowedPainter<S extends Placed> {
  private spans: readonly S[] = [];
  /** The array last given to `paint` (`spans` is it, or its sorted copy). */
  private given: readonly S[] | null = null;
  /** prefixMaxEnd[i] = max end of spans[0..i], so the first span that can reach `lo` is a binary search. */
  private prefixMaxEnd = new Float64Array(0);
  private lo = 0;
  private hi = 0;
  private matches: readonly PaintRange[] = [];
  private current: PaintRange | null = null;

  constructor(
    private readonly inner: Painter,
    private readonly toPaint: (span: S) => PaintSpan,
    /** A UTF-16 offset at a line start in the spans' units. Monotonic, so windows map exactly. */
    private readonly toOwnUnits: (utf16: number) => number,
  ) {}

  /** Sets the window and repaints what entered or left it (incremental in the inner painter). */
  setWindow(lo: number, hi: number): void {
    if (lo === this.lo && hi === this.hi) return;
    this.lo = lo;
    this.hi = hi;
    this.inner.setWindow?.(lo, hi);
    this.inner.paint(this.inWindow());
    if (this.matches.length > 0) this.paintFound();
  }

  /**
   * Find matches (UTF-16, in text order, not overlapping): those in the window are painted, as spans
   * are (a search for "e" in a long article has tens of thousands), and the current one always.
   */
  setFound(matches: readonly PaintRange[], current: PaintRange | null): void {
    this.matches = matches;
    this.current = current;
    this.paintFound();
  }

  private paintFound(): void {
    const { matches, lo, hi } = this;
    // Matches do not overlap, so their ends ascend too: the first one ending after lo is a binary search.
    let a = 0;
    let b = matches.length;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if ((matches[mid] as PaintRange).end <= lo) a = mid + 1;
      else b = mid;
    }
    let z = a;
    while (z < matches.length && (matches[z] as PaintRange).start < hi) z++;
    this.inner.setFound?.(matches.slice(a, z), this.current);
  }

  window(): { lo: number; hi: number } {
    return { lo: this.lo, hi: this.hi };
  }

  /**
   * Paints these spans; the same array again (the render that follows a label painted from its key
   * task) costs nothing. `refresh` repaints the same spans after their conversion changed.
   */
  paint(spans: readonly S[]): void {
    if (spans === this.given) return;
    this.given = spans;
    let sorted = true;
    for (let i = 1; i < spans.length && sorted; i++)
      sorted = (spans[i - 1] as S).start <= (spans[i] as S).start;
    this.spans = sorted ? spans : [...spans].sort((a, b) => a.start - b.start);
    // A typed array filled by a loop: `map` into a number[] took ~0.4–0.8 ms with 10,000 spans, on
    // every label (a plain loop into a Float64Array, ~0.05 ms).
    const prefix = new Float64Array(this.spans.length);
    let max = -1;
    for (let i = 0; i < prefix.length; i++) {
      const end = (this.spans[i] as S).end;
      if (end > max) max = end;
      prefix[i] = max;
    }
    this.prefixMaxEnd = prefix;
    this.inner.paint(this.inWindow());
  }

  /** Paints the window again: `toPaint` now converts some spans differently (their links changed). */
  refresh(): void {
    this.inner.paint(this.inWindow());
  }

  /** Spans with start < hi and end > lo, in start order. O(log n + candidates). */
  private inWindow(): PaintSpan[] {
    const { spans, prefixMaxEnd } = this;
    const lo = this.toOwnUnits(this.lo);
    const hi = this.toOwnUnits(this.hi);
    const out: PaintSpan[] = [];
    for (let i = firstAbove(prefixMaxEnd, lo); i < spans.length; i++) {
      const s = spans[i] as S;
      if (s.start >= hi) break;
      if (s.end > lo) out.push(this.toPaint(s));
    }
    return out;
  }

  setActive(spans: readonly PaintSpan[]): void {
    this.inner.setActive(spans);
  }

  flash(span: PaintSpan): void {
    this.inner.flash(span);
  }

  /** Ranges registered with the browser (the spans in the window). */
  count(): number {
    return this.inner.count();
  }

  total(): number {
    return this.spans.length;
  }

  dispose(): void {
    this.inner.dispose();
  }
}
