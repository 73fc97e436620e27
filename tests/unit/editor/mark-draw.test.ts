import { describe, expect, it } from 'vitest';

import { labelDisplay } from '../../../renderer/src/core/model/label-display';
import { LABELS } from '../../../renderer/src/core/model/labels';
import {
  LANE_GAP,
  drawMarks,
  type Box,
  type MarkContext,
  type SpanMarks,
} from '../../../renderer/src/editor/painter/mark-draw';

/**
 * Records what reaches the canvas: every stroke or fill with the state it was drawn in and the
 * geometry of its path (segments, arcs), so the test checks what is drawn, not how it is called.
 */
class Recorder implements MarkContext {
  strokeStyle: string | CanvasGradient | CanvasPattern = '';
  fillStyle: string | CanvasGradient | CanvasPattern = '';
  lineWidth = 1;
  font = '';
  textBaseline: CanvasTextBaseline = 'alphabetic';
  dash: number[] = [];
  strokes = 0;
  fills = 0;
  /** One entry per drawn piece: "<op> <colour> <width> <dash> <geometry>". */
  drawn: string[] = [];
  private path: string[] = [];
  private at: [number, number] = [0, 0];
  private start: [number, number] = [0, 0];

  beginPath(): void {
    this.path = [];
  }
  moveTo(x: number, y: number): void {
    this.at = this.start = [x, y];
  }
  lineTo(x: number, y: number): void {
    this.path.push(`line ${f(this.at[0])},${f(this.at[1])} ${f(x)},${f(y)}`);
    this.at = [x, y];
  }
  closePath(): void {
    this.lineTo(...this.start);
  }
  arc(x: number, y: number, r: number): void {
    this.path.push(`ring ${f(x)},${f(y)} ${f(r)}`);
  }
  setLineDash(d: number[]): void {
    this.dash = d;
  }
  stroke(): void {
    this.strokes++;
    const state = `stroke ${String(this.strokeStyle)} ${this.lineWidth} [${this.dash.join(' ')}]`;
    for (const p of this.path) this.drawn.push(`${state} ${p}`);
  }
  fill(): void {
    this.fills++;
    for (const p of this.path) this.drawn.push(`fill ${String(this.fillStyle)} ${p}`);
  }
  fillText(t: string, x: number, y: number): void {
    this.drawn.push(`text ${String(this.fillStyle)} ${t} ${f(x)},${f(y)}`);
  }
}

const f = (n: number): string => n.toFixed(2);

/** What each span must show, one span at a time (the drawing before strokes were batched). */
function expected(items: readonly SpanMarks[]): string[] {
  const out: string[] = [];
  const dashes = { solid: '[]', dashed: '[5 3]', dotted: '[2 2.5]', double: '[]' };
  for (const { span, boxes, lane, ends } of items) {
    const d = labelDisplay(span.label);
    const off = 1.5 + lane * LANE_GAP;
    const seg = (w: number, dash: string, a: number, b: number, c: number, e: number): void =>
      void out.push(`stroke ${d.colour} ${w} ${dash} line ${f(a)},${f(b)} ${f(c)},${f(e)}`);
    for (const b of boxes) {
      const y = b.bottom + off;
      if (d.line === 'double') {
        seg(1, '[]', b.left, y - 1, b.right, y - 1);
        seg(1, '[]', b.left, y + 1, b.right, y + 1);
      } else seg(d.line === 'dotted' ? 2 : 1.5, dashes[d.line], b.left, y, b.right, y);
    }
    const head = boxes[0] as Box;
    const tail = boxes[boxes.length - 1] as Box;
    const rise = (b: Box): number => b.bottom - (b.bottom - b.top) * 0.45;
    if (ends.start) seg(1.5, '[]', head.left + 0.75, rise(head), head.left + 0.75, head.bottom + off + 1);
    if (ends.end) seg(1.5, '[]', tail.right - 0.75, rise(tail), tail.right - 0.75, tail.bottom + off + 1);
    if (span.note && ends.end) {
      const [x, y] = [tail.right, tail.top];
      for (const [a, b, c, e] of [
        [x - 6, y, x, y],
        [x, y, x, y + 6],
        [x, y + 6, x - 6, y],
      ] as const)
        out.push(`fill ${d.colour} line ${f(a)},${f(b)} ${f(c)},${f(e)}`);
    }
    if (span.linked && ends.start)
      for (const dx of [0, 4])
        out.push(`stroke ${d.colour} 1.25 [] ring ${f(head.left + 2 + dx)},${f(head.top - 1)} ${f(2.5)}`);
    if (span.unsure && ends.end) out.push(`text ${d.colour} ? ${f(tail.right + 1)},${f(tail.top - 5)}`);
  }
  return out.sort();
}

/** A dense screen: `n` short spans of every label, in four lanes, some over two lines, with every mark. */
function denseScreen(n: number): SpanMarks[] {
  return Array.from({ length: n }, (_, i) => {
    const label = LABELS[i % LABELS.length] ?? 'claim';
    const x = (i * 7) % 600;
    const y = Math.floor(i / 80) * 30;
    const boxes: Box[] = [{ left: x, right: x + 6, top: y, bottom: y + 18 }];
    if (i % 9 === 0) boxes.push({ left: 0, right: 40, top: y + 30, bottom: y + 48 });
    return {
      span: {
        id: `s${i}`,
        label,
        start: i,
        end: i + 1,
        note: i % 5 === 0,
        unsure: i % 7 === 0,
        linked: i % 11 === 0,
      },
      boxes,
      lane: i % 4,
      ends: { start: i % 13 !== 0, end: i % 17 !== 0 },
    };
  });
}

describe('drawMarks', () => {
  it('draws every span’s underline, ticks, note corner, rings and "?" where they were drawn one by one', () => {
    const items = denseScreen(2_500);
    const ctx = new Recorder();
    drawMarks(ctx, items);
    expect(ctx.drawn.sort()).toEqual(expected(items));
  });

  it('strokes each label’s marks in a few paths, however many spans are on screen', () => {
    const ctx = new Recorder();
    drawMarks(ctx, denseScreen(2_500));
    // Per label: underlines, ticks, rings; one fill for the note corners.
    expect(ctx.strokes).toBeLessThanOrEqual(3 * LABELS.length);
    expect(ctx.fills).toBeLessThanOrEqual(LABELS.length);
  });

  it('draws nothing for a span without boxes', () => {
    const ctx = new Recorder();
    drawMarks(ctx, [
      {
        span: { id: 'a', label: 'quote', start: 0, end: 1 },
        boxes: [],
        lane: 0,
        ends: { start: true, end: true },
      },
    ]);
    expect(ctx.drawn).toEqual([]);
    expect(ctx.strokes).toBe(0);
  });
});
