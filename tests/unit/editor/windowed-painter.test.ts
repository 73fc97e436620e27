import { describe, expect, it } from 'vitest';

import { CodePointIndex } from '../../../renderer/src/core/text/code-points';
import type { PaintSpan, Painter } from '../../../renderer/src/editor/painter/painter';
import { WindowedPainter } from '../../../renderer/src/editor/painter/windowed-painter';

/** Records what the windowed painter hands on, as the CSS painter would register it. */
class Recorder implements Painter {
  last: readonly PaintSpan[] = [];
  paint(spans: readonly PaintSpan[]): void {
    this.last = spans;
  }
  setActive(): void {}
  flash(): void {}
  count(): number {
    return this.last.length;
  }
  dispose(): void {}
}

type CpSpan = { id: string; label: 'claim'; start: number; end: number };

describe('WindowedPainter', () => {
  // Astral characters before and inside the window: code point and UTF-16 offsets differ.
  const text = '😀😀 ab\n𝒳 cd ef\nplain line\n🎉 last';
  const index = new CodePointIndex(text);
  const toPaint = (s: CpSpan): PaintSpan => ({
    id: s.id,
    label: s.label,
    start: index.toUtf16(s.start),
    end: index.toUtf16(s.end),
  });
  const make = () => {
    const inner = new Recorder();
    const p = new WindowedPainter<CpSpan>(inner, toPaint, (u) => index.toCodePoint(Math.min(u, text.length)));
    return { inner, p };
  };
  const cps = [...text];
  const span = (id: string, start: number, end: number): CpSpan => ({ id, label: 'claim', start, end });
  const all = [
    span('a', 0, 2),
    span('b', 3, 5),
    span('c', 6, 9),
    span('d', 10, 13),
    span('e', 5, 20),
    span('f', 25, 30),
  ];

  it('hands on exactly the spans whose UTF-16 range meets the window, converted', () => {
    const { inner, p } = make();
    p.paint(all);
    const line2 = text.indexOf('\n') + 1;
    const line3 = text.indexOf('\n', line2) + 1;
    p.setWindow(line2, line3);
    const want = all
      .map(toPaint)
      .filter((s) => s.start < line3 && s.end > line2)
      .sort((x, y) => x.start - y.start)
      .map((s) => s.id);
    expect(want.length).toBeGreaterThan(0);
    expect(inner.last.map((s) => s.id)).toEqual(want);
    for (const s of inner.last) {
      const original = all.find((x) => x.id === s.id) as CpSpan;
      expect(text.slice(s.start, s.end)).toBe(cps.slice(original.start, original.end).join(''));
    }
  });

  it('takes a window ending one past the text and unsorted input', () => {
    const { inner, p } = make();
    p.paint([...all].reverse());
    p.setWindow(0, text.length + 1);
    expect(inner.last.map((s) => s.id).sort()).toEqual(all.map((s) => s.id).sort());
    expect(p.total()).toBe(all.length);
  });

  it('the same array again hands nothing on; refresh repaints the window with the new conversion', () => {
    const { inner, p } = make();
    p.setWindow(0, text.length + 1);
    let calls = 0;
    const paint = inner.paint.bind(inner);
    inner.paint = (spans) => {
      calls++;
      paint(spans);
    };
    p.paint(all);
    expect(calls).toBe(1);
    // A label painted from its key task, then the page's render with the same array.
    p.paint(all);
    expect(calls).toBe(1);
    const more = [...all, span('g', 1, 3)];
    p.paint(more);
    expect(calls).toBe(2);
    expect(inner.last.map((s) => s.id)).toContain('g');
    p.refresh();
    expect(calls).toBe(3);
    expect(inner.last.map((s) => s.id)).toEqual([...more].sort((x, y) => x.start - y.start).map((s) => s.id));
  });
});
