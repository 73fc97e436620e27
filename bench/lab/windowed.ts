/**
 * (c) The windowed baseline: the limit for a renderer that paints what is visible first. The text goes
 * into the page in one pass, in `content-visibility: auto` chunks of lines (the app's chunking), and
 * only the spans on the lines near the screen are registered as CSS highlights: at first the lines
 * within a quarter viewport of the screen, found before the first frame from the chunks' and
 * paragraphs' rectangles exactly as the app finds its first window (editor/viewport-window.ts
 * `linesIn`, `MARGIN`), then, in every scroll event, the lines on screen found by hit-testing (a
 * quarter of their number added above and below). No framework, no editor, no storage.
 */
import { LABELS, type Label } from '../../renderer/src/core/model/labels';
import { CodePointIndex } from '../../renderer/src/core/text/code-points';
import { chunkLines } from '../../renderer/src/editor/text-layout';
import { MARGIN, chunkGeometry, linesIn } from '../../renderer/src/editor/viewport-window';
import type { BenchSpan } from '../corpus';
import { paintedWhen } from './frame';

/** UTF-16 units painted first when the scroller has no geometry (the app's fallback too). */
const FIRST_WINDOW = 12_000;
const CHARS_PER_LINE = 80;

let stop: (() => void) | null = null;

export function stopWindowed(): void {
  stop?.();
  stop = null;
}

export async function windowedBaseline(
  scroller: HTMLElement,
  host: HTMLElement,
  text: string,
  spans: readonly BenchSpan[],
) {
  const t0 = performance.now();
  stopWindowed();
  const index = new CodePointIndex(text);
  const lines = text.split('\n');
  const starts: number[] = [];
  let at = 0;
  for (const l of lines) {
    starts.push(at);
    at += l.length + 1;
  }
  const chunkStarts = chunkLines(lines);
  const lineOf = new Map<Node, number>();
  const chunkOf = new Map<Node, number>();
  const lineDivs: HTMLElement[] = [];
  const chunkDivs: HTMLElement[] = [];
  const frag = document.createDocumentFragment();
  chunkStarts.forEach((first, k) => {
    const last = (chunkStarts[k + 1] ?? lines.length) - 1;
    const chunk = document.createElement('div');
    chunk.className = 'm-chunk';
    chunkOf.set(chunk, k);
    chunkDivs.push(chunk);
    let rows = 0;
    for (let i = first; i <= last; i++) {
      const div = document.createElement('div');
      div.className = 'm-paragraph';
      const node = document.createTextNode(lines[i] as string);
      div.append(node);
      lineOf.set(div, i);
      lineDivs.push(div);
      lineOf.set(node, i);
      chunk.append(div);
      rows += Math.max(1, Math.ceil((lines[i] as string).length / CHARS_PER_LINE));
    }
    chunk.style.setProperty(
      'contain-intrinsic-block-size',
      `auto ${(rows * 1.9 + (last - first + 1) * 0.2).toFixed(1)}em`,
    );
    frag.append(chunk);
  });
  host.replaceChildren(frag);

  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let max = -1;
  const prefixMaxEnd = sorted.map((s) => (max = Math.max(max, s.end)));
  const highlights = new Map<Label, Highlight>(LABELS.map((l) => [l, new Highlight()]));
  for (const [l, h] of highlights) CSS.highlights.set(`m-${l}`, h);
  let shown = new Map<BenchSpan, StaticRange>();
  const point = (u: number): [Node, number] => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((starts[mid] as number) <= u) lo = mid;
      else hi = mid - 1;
    }
    const div = lineDivs[lo] as HTMLElement;
    return [div.firstChild ?? div, u - (starts[lo] as number)];
  };
  const setWindow = (lo16: number, hi16: number): void => {
    const lo = index.toCodePoint(Math.min(lo16, text.length));
    const hi = index.toCodePoint(Math.min(hi16, text.length));
    let first = 0;
    let top = prefixMaxEnd.length;
    while (first < top) {
      const mid = (first + top) >>> 1;
      if ((prefixMaxEnd[mid] as number) <= lo) first = mid + 1;
      else top = mid;
    }
    const next = new Map<BenchSpan, StaticRange>();
    for (let i = first; i < sorted.length; i++) {
      const s = sorted[i] as BenchSpan;
      if (s.start >= hi) break;
      if (s.end <= lo) continue;
      let r = shown.get(s);
      if (r) shown.delete(s);
      else {
        const [a, ao] = point(index.toUtf16(s.start));
        const [b, bo] = point(index.toUtf16(s.end));
        r = new StaticRange({ startContainer: a, startOffset: ao, endContainer: b, endOffset: bo });
        highlights.get(s.label)?.add(r);
      }
      next.set(s, r);
    }
    for (const [s, r] of shown) highlights.get(s.label)?.delete(r);
    shown = next;
  };
  const lineAt = (x: number, y: number, edge: 'first' | 'last'): number | null => {
    const p = document.caretPositionFromPoint(x, y);
    if (!p) return null;
    for (let n: Node | null = p.offsetNode; n && n !== host; n = n.parentNode) {
      const line = lineOf.get(n);
      if (line !== undefined) return line;
      const chunk = chunkOf.get(n);
      // A chunk that has just come on screen is still skipped (content-visibility): take all its lines.
      if (chunk !== undefined)
        return edge === 'first'
          ? (chunkStarts[chunk] as number)
          : (chunkStarts[chunk + 1] ?? lines.length) - 1;
    }
    return null;
  };
  let x = Number.NaN;
  const onScroll = (): void => {
    const box = scroller.getBoundingClientRect();
    if (Number.isNaN(x)) x = host.getBoundingClientRect().left + 40;
    const first = lineAt(x, box.top + 1, 'first');
    const last = lineAt(x, box.bottom - 1, 'last');
    if (first === null || last === null) return;
    const margin = Math.max(1, Math.round((last - first + 1) / 4));
    const a = Math.max(0, first - margin);
    const b = Math.min(lines.length - 1, last + margin);
    setWindow(starts[a] as number, (starts[b] as number) + (lines[b] as string).length + 1);
  };
  // The first window as the app takes it (usePainter.ts: watch.refresh() before the first frame).
  const view = scroller.getBoundingClientRect();
  const found = linesIn(
    { top: view.top - MARGIN * view.height, bottom: view.bottom + MARGIN * view.height },
    chunkGeometry(chunkDivs, chunkStarts),
  );
  const firstLine = found?.[0] ?? 0;
  let lastLine = found?.[1] ?? 0;
  if (!found)
    while (lastLine < lines.length - 1 && (starts[lastLine + 1] as number) <= FIRST_WINDOW) lastLine++;
  setWindow(
    starts[firstLine] as number,
    (starts[lastLine] as number) + (lines[lastLine] as string).length + 1,
  );
  const painted = shown.size;
  const t1 = await paintedWhen(() => true);
  scroller.addEventListener('scroll', onScroll, { passive: true });
  stop = () => scroller.removeEventListener('scroll', onScroll);
  return { ms: t1 - t0, painted };
}
