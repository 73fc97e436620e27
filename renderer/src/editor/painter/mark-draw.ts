import { labelDisplay, type LabelLine } from '../../core/model/label-display';
import type { Label } from '../../core/model/labels';
import type { PaintSpan } from './painter';

/** Gap between stacked underlines, and the first one's distance below the text's box (CSS px). */
export const LANE_GAP = 3.5;
const FIRST_LANE = 1.5;

export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** One span's marks to draw: its boxes on the canvas, its lane, and which of its ends are really there. */
export interface SpanMarks {
  readonly span: PaintSpan;
  readonly boxes: readonly Box[];
  readonly lane: number;
  readonly ends: { readonly start: boolean; readonly end: boolean };
}

/** The part of a 2D canvas context the marks use (a recording stand-in in the unit tests). */
export type MarkContext = Pick<
  CanvasRenderingContext2D,
  | 'beginPath'
  | 'moveTo'
  | 'lineTo'
  | 'arc'
  | 'closePath'
  | 'stroke'
  | 'fill'
  | 'fillText'
  | 'setLineDash'
  | 'strokeStyle'
  | 'fillStyle'
  | 'lineWidth'
  | 'font'
  | 'textBaseline'
>;

const DASH: Record<LabelLine, number[]> = { solid: [], dashed: [5, 3], dotted: [2, 2.5], double: [] };

/**
 * Draws the spans' underlines, boundary ticks, note corners, link rings and "?" marks, one path per
 * label and kind of mark rather than a path per span: a dense article has thousands of spans on
 * screen (10k characters, 10,000 spans: ~2,500), and a `stroke()` each made the canvas replay
 * thousands of draw operations in the open's frame (docs/performance.md). Subpaths keep each span's
 * geometry; a dash pattern restarts at every subpath, so dashed and dotted lines look as before.
 */
export function drawMarks(ctx: MarkContext, items: readonly SpanMarks[]): void {
  const byLabel = new Map<Label, SpanMarks[]>();
  for (const item of items) {
    if (item.boxes.length === 0) continue;
    const list = byLabel.get(item.span.label);
    if (list) list.push(item);
    else byLabel.set(item.span.label, [item]);
  }
  for (const [label, list] of byLabel) {
    const d = labelDisplay(label);
    ctx.strokeStyle = d.colour;
    ctx.fillStyle = d.colour;
    underlines(ctx, list, d.line);
    ctx.setLineDash([]);
    ticks(ctx, list);
    notes(ctx, list);
    rings(ctx, list);
    for (const { span, boxes, ends } of list) {
      if (!span.unsure || !ends.end) continue;
      const tail = boxes[boxes.length - 1] as Box;
      ctx.font = 'bold 11px system-ui, sans-serif';
      ctx.textBaseline = 'top';
      ctx.fillText('?', tail.right + 1, tail.top - 5);
    }
  }
}

const offsetOf = (lane: number): number => FIRST_LANE + lane * LANE_GAP;

function segment(ctx: MarkContext, x0: number, y0: number, x1: number, y1: number): void {
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
}

/** Every underline of one label: one path (double lines are two thin rules). */
function underlines(ctx: MarkContext, list: readonly SpanMarks[], style: LabelLine): void {
  ctx.beginPath();
  for (const { boxes, lane } of list) {
    const offset = offsetOf(lane);
    for (const b of boxes) {
      const y = b.bottom + offset;
      if (style === 'double') {
        segment(ctx, b.left, y - 1, b.right, y - 1);
        segment(ctx, b.left, y + 1, b.right, y + 1);
      } else segment(ctx, b.left, y, b.right, y);
    }
  }
  ctx.lineWidth = style === 'double' ? 1 : style === 'dotted' ? 2 : 1.5;
  ctx.setLineDash(DASH[style]);
  ctx.stroke();
}

/** Boundary ticks: a bracket foot at the start and the end, rising into the lower half of the text. */
function ticks(ctx: MarkContext, list: readonly SpanMarks[]): void {
  ctx.beginPath();
  for (const { boxes, lane, ends } of list) {
    const offset = offsetOf(lane);
    const head = boxes[0] as Box;
    const tail = boxes[boxes.length - 1] as Box;
    if (ends.start) {
      const x = head.left + 0.75;
      segment(ctx, x, head.bottom - (head.bottom - head.top) * 0.45, x, head.bottom + offset + 1);
    }
    if (ends.end) {
      const x = tail.right - 0.75;
      segment(ctx, x, tail.bottom - (tail.bottom - tail.top) * 0.45, x, tail.bottom + offset + 1);
    }
  }
  ctx.lineWidth = 1.5;
  ctx.stroke();
}

/** A folded corner at the top right of a span's end: it carries a note. */
function notes(ctx: MarkContext, list: readonly SpanMarks[]): void {
  let any = false;
  for (const { span, boxes, ends } of list) {
    if (!span.note || !ends.end) continue;
    if (!any) ctx.beginPath();
    any = true;
    const tail = boxes[boxes.length - 1] as Box;
    ctx.moveTo(tail.right - 6, tail.top);
    ctx.lineTo(tail.right, tail.top);
    ctx.lineTo(tail.right, tail.top + 6);
    ctx.closePath();
  }
  if (any) ctx.fill();
}

/** Two linked rings above a span's start: it has links (a shape, not a colour). */
function rings(ctx: MarkContext, list: readonly SpanMarks[]): void {
  let any = false;
  for (const { span, boxes, ends } of list) {
    if (!span.linked || !ends.start) continue;
    if (!any) ctx.beginPath();
    any = true;
    const head = boxes[0] as Box;
    for (const dx of [0, 4]) {
      // A new subpath per ring, so no line joins it to the previous one.
      ctx.moveTo(head.left + 2 + dx + 2.5, head.top - 1);
      ctx.arc(head.left + 2 + dx, head.top - 1, 2.5, 0, 2 * Math.PI);
    }
  }
  if (!any) return;
  ctx.lineWidth = 1.25;
  ctx.stroke();
}
