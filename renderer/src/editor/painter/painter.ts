import type { Label } from '../../core/model/labels';

/** A span as the painter needs it: UTF-16 offsets into the stored text. */
export interface PaintSpan {
  readonly id: string;
  readonly label: Label;
  readonly start: number;
  readonly end: number;
  /** The span carries a note / is marked unsure: shown in the text (mark-layer.ts). */
  readonly note?: boolean;
  readonly unsure?: boolean;
  /** The span has links to other spans (issue 16): a ring before its start (mark-layer.ts). */
  readonly linked?: boolean;
}

/** A stretch of the stored text in UTF-16 offsets (a find match). */
export interface PaintRange {
  readonly start: number;
  readonly end: number;
}

/** Finds the DOM text node and offset showing a stored-text UTF-16 offset. */
export interface DomLocator {
  locate(u: number, edge: 'start' | 'end'): { node: Node; offset: number } | null;
}

/**
 * Projects spans onto the rendered article without touching the editor's tree (Recogito's painter
 * idea). Implementations are swappable; the benchmark (npm run bench) decides which ships.
 */
export interface Painter {
  /** The UTF-16 window the next `paint` covers (WindowedPainter); painters that measure may clip to it. */
  setWindow?(lo: number, hi: number): void;
  /** Replaces all highlights. */
  paint(spans: readonly PaintSpan[]): void;
  /** Marks the spans under the caret or chosen in the sidebar. */
  setActive(spans: readonly PaintSpan[]): void;
  /** Marks find matches (all of them in the window, and the current one). */
  setFound?(matches: readonly PaintRange[], current: PaintRange | null): void;
  /** Briefly emphasises one span (after "scroll to"). */
  flash(span: PaintSpan): void;
  /** Number of ranges currently painted (for tests and the benchmark). */
  count(): number;
  dispose(): void;
}
