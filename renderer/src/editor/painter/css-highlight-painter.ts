import { LABELS, type Label } from '../../core/model/labels';
import { mixedSegments } from '../../core/model/overlaps';
import type { DomLocator, PaintRange, PaintSpan, Painter } from './painter';

/** Names used by the ::highlight() rules in styles.css. */
export const highlightName = (label: Label): string => `m-${label}`;
const MIXED = 'm-mixed';
const ACTIVE = 'm-active';
const FLASH = 'm-flash';
const FOUND = 'm-found';
const FOUND_NOW = 'm-found-current';
/** Paint order, bottom to top: label tints, the neutral tint where labels mix, caret, flash, find. */
const PRIORITY = { mixed: 1, active: 2, flash: 3, found: 4, foundNow: 5 } as const;

interface Painted {
  readonly span: PaintSpan;
  readonly range: StaticRange;
}

/**
 * Paints spans with the CSS Custom Highlight API: one Highlight per label, so overlapping spans of
 * different labels each keep their colour, and the DOM and Lexical's tree are never mutated.
 * Ranges are StaticRanges (not live), located through an index: O(log lines) per span.
 *
 * `paint` is incremental: the Highlights stay registered and only ranges of spans that appeared,
 * moved or changed label are added or deleted. Labelling one span with 10,000 present then costs one
 * range instead of 10,000 (measured: see docs/performance.md, "Rendering and highlights").
 */
export class CssHighlightPainter implements Painter {
  private readonly highlights = new Map<Label, Highlight>();
  private painted = new Map<string, Painted>();
  private flashTimer: ReturnType<typeof setTimeout> | undefined;
  private activeCount = 0;
  private readonly mixed = new Highlight();
  private mixedKey = '';
  private foundKey = '';

  constructor(private readonly locator: DomLocator) {
    for (const label of LABELS) {
      const h = new Highlight();
      this.highlights.set(label, h);
      CSS.highlights.set(highlightName(label), h);
    }
    this.mixed.priority = PRIORITY.mixed;
    CSS.highlights.set(MIXED, this.mixed);
  }

  private range(span: PaintSpan): StaticRange | null {
    const a = this.locator.locate(span.start, 'start');
    const b = this.locator.locate(span.end, 'end');
    if (!a || !b) return null;
    return new StaticRange({
      startContainer: a.node,
      startOffset: a.offset,
      endContainer: b.node,
      endOffset: b.offset,
    });
  }

  paint(spans: readonly PaintSpan[]): void {
    const next = new Map<string, Painted>();
    for (const span of spans) {
      const old = this.painted.get(span.id);
      if (
        old &&
        old.span.start === span.start &&
        old.span.end === span.end &&
        old.span.label === span.label
      ) {
        next.set(span.id, old);
        this.painted.delete(span.id);
        continue;
      }
      const range = this.range(span);
      if (!range) continue;
      if (old) {
        this.highlights.get(old.span.label)?.delete(old.range);
        this.painted.delete(span.id);
      }
      this.highlights.get(span.label)?.add(range);
      next.set(span.id, { span, range });
    }
    // What is left was removed (deleted spans, or spans whose range could not be located any more).
    for (const gone of this.painted.values()) this.highlights.get(gone.span.label)?.delete(gone.range);
    this.painted = next;
    this.paintMixed(spans);
  }

  /**
   * Where spans of different labels overlap, their translucent tints would blend into a hue that names
   * no label: a neutral tint covers them there and the underlines (mark-layer.ts) tell the labels apart.
   * Touched only when the stretches change, since any change to a Highlight rebuilds every marker.
   */
  private paintMixed(spans: readonly PaintSpan[]): void {
    const segments = mixedSegments(spans);
    const key = segments.join(';');
    if (key === this.mixedKey) return;
    this.mixedKey = key;
    this.mixed.clear();
    for (const [start, end] of segments) {
      const r = this.range({ id: '', label: 'claim', start, end });
      if (r) this.mixed.add(r);
    }
  }

  setActive(spans: readonly PaintSpan[]): void {
    // Any change to the registry makes Chromium rebuild every highlight marker: leave "none" alone.
    if (spans.length === 0 && this.activeCount === 0) return;
    this.activeCount = spans.length;
    const ranges = spans.map((s) => this.range(s)).filter((r): r is StaticRange => r !== null);
    const h = new Highlight(...ranges);
    h.priority = PRIORITY.active;
    CSS.highlights.set(ACTIVE, h);
  }

  setFound(matches: readonly PaintRange[], current: PaintRange | null): void {
    const key = `${matches.map((m) => `${m.start},${m.end}`).join(';')}|${current?.start},${current?.end}`;
    if (key === this.foundKey) return;
    this.foundKey = key;
    if (matches.length === 0 && !current) {
      CSS.highlights.delete(FOUND);
      CSS.highlights.delete(FOUND_NOW);
      return;
    }
    const rangeOf = (m: PaintRange) => this.range({ id: '', label: 'claim', start: m.start, end: m.end });
    const all = new Highlight(...matches.map(rangeOf).filter((r): r is StaticRange => r !== null));
    all.priority = PRIORITY.found;
    CSS.highlights.set(FOUND, all);
    const now = current ? rangeOf(current) : null;
    const h = new Highlight(...(now ? [now] : []));
    h.priority = PRIORITY.foundNow;
    CSS.highlights.set(FOUND_NOW, h);
  }

  flash(span: PaintSpan): void {
    const r = this.range(span);
    if (!r) return;
    const h = new Highlight(r);
    h.priority = PRIORITY.flash;
    CSS.highlights.set(FLASH, h);
    clearTimeout(this.flashTimer);
    this.flashTimer = setTimeout(() => CSS.highlights.delete(FLASH), 1200);
  }

  count(): number {
    return this.painted.size;
  }

  dispose(): void {
    clearTimeout(this.flashTimer);
    for (const label of LABELS) CSS.highlights.delete(highlightName(label));
    CSS.highlights.delete(MIXED);
    CSS.highlights.delete(ACTIVE);
    CSS.highlights.delete(FLASH);
    CSS.highlights.delete(FOUND);
    CSS.highlights.delete(FOUND_NOW);
    this.foundKey = '';
    this.painted = new Map();
    this.activeCount = 0;
    this.mixedKey = '';
  }
}
