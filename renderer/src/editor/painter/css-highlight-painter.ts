import { LABELS, type Label } from '../../core/model/labels';
import type { DomLocator, PaintSpan, Painter } from './painter';

/** Names used by the ::highlight() rules in styles.css. */
export const highlightName = (label: Label): string => `m-${label}`;
const ACTIVE = 'm-active';
const FLASH = 'm-flash';

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
 * range instead of 10,000 (measured: see docs/architecture.md, "Rendering and highlights").
 */
export class CssHighlightPainter implements Painter {
  private readonly highlights = new Map<Label, Highlight>();
  private painted = new Map<string, Painted>();
  private flashTimer: ReturnType<typeof setTimeout> | undefined;
  private activeCount = 0;

  constructor(private readonly locator: DomLocator) {
    for (const label of LABELS) {
      const h = new Highlight();
      this.highlights.set(label, h);
      CSS.highlights.set(highlightName(label), h);
    }
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
  }

  setActive(spans: readonly PaintSpan[]): void {
    // Any change to the registry makes Chromium rebuild every highlight marker: leave "none" alone.
    if (spans.length === 0 && this.activeCount === 0) return;
    this.activeCount = spans.length;
    const ranges = spans.map((s) => this.range(s)).filter((r): r is StaticRange => r !== null);
    const h = new Highlight(...ranges);
    h.priority = 1;
    CSS.highlights.set(ACTIVE, h);
  }

  flash(span: PaintSpan): void {
    const r = this.range(span);
    if (!r) return;
    const h = new Highlight(r);
    h.priority = 2;
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
    CSS.highlights.delete(ACTIVE);
    CSS.highlights.delete(FLASH);
    this.painted = new Map();
    this.activeCount = 0;
  }
}
