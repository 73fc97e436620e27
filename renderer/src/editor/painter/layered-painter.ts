import type { MarkLayer } from './mark-layer';
import type { PaintRange, PaintSpan, Painter } from './painter';

/** The article's two layers as one painter: CSS highlights (tints) and the canvas of marks over them. */
export class LayeredPainter implements Painter {
  constructor(
    private readonly tints: Painter,
    private readonly marks: MarkLayer | null,
  ) {}

  setWindow(lo: number, hi: number): void {
    this.tints.setWindow?.(lo, hi);
    this.marks?.setWindow(lo, hi);
  }

  paint(spans: readonly PaintSpan[]): void {
    this.tints.paint(spans);
    this.marks?.paint(spans);
  }

  setActive(spans: readonly PaintSpan[]): void {
    this.tints.setActive(spans);
  }

  setFound(matches: readonly PaintRange[], current: PaintRange | null): void {
    this.tints.setFound?.(matches, current);
  }

  flash(span: PaintSpan): void {
    this.tints.flash(span);
  }

  count(): number {
    return this.tints.count();
  }

  dispose(): void {
    this.tints.dispose();
    this.marks?.dispose();
  }
}
