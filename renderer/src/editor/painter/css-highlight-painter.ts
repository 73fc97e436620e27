import { LABELS, type Label } from '../../core/model/labels';
import type { DomLocator, PaintSpan, Painter } from './painter';

/** Names used by the ::highlight() rules in styles.css. */
export const highlightName = (label: Label): string => `m-${label}`;
const ACTIVE = 'm-active';
const FLASH = 'm-flash';

/**
 * Paints spans with the CSS Custom Highlight API: one Highlight per label, so overlapping spans of
 * different labels each keep their colour, and the DOM and Lexical's tree are never mutated.
 * Ranges are StaticRanges (not live), which keeps painting O(spans · log lines).
 */
export class CssHighlightPainter implements Painter {
  private painted = 0;
  private flashTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly locator: DomLocator) {}

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
    const byLabel = new Map<Label, StaticRange[]>(LABELS.map((l) => [l, []]));
    let n = 0;
    for (const span of spans) {
      const r = this.range(span);
      if (r) {
        byLabel.get(span.label)?.push(r);
        n++;
      }
    }
    for (const label of LABELS) {
      CSS.highlights.set(highlightName(label), new Highlight(...(byLabel.get(label) ?? [])));
    }
    this.painted = n;
  }

  setActive(spans: readonly PaintSpan[]): void {
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
    return this.painted;
  }

  dispose(): void {
    clearTimeout(this.flashTimer);
    for (const label of LABELS) CSS.highlights.delete(highlightName(label));
    CSS.highlights.delete(ACTIVE);
    CSS.highlights.delete(FLASH);
    this.painted = 0;
  }
}
