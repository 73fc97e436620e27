/**
 * What a frame shows, checked from inside the page for the app and the baselines alike: which text is
 * on screen, which highlight ranges are registered, and so which visible spans are not yet painted (a
 * "late" frame) or whether a new label's range is there. Installed by page.evaluate (the app's CSP
 * allows no injected script, and evaluate serializes one function: everything it needs is inside).
 */
import type { Page } from '@playwright/test';

export interface ProbeConfig {
  /** The scroller whose visible box is "the screen". */
  readonly scroller: string;
  /** One element per line of the stored text, in order (paragraphs). */
  readonly lines: string;
  /** The corpus spans as UTF-16 [start, end) and label, for late-span counts (may be empty). */
  readonly spans: readonly (readonly [number, number, string])[];
}

export interface Probe {
  /** Number of lines mapped (0: the page has no article). */
  readonly lineCount: number;
  lineElement(i: number): HTMLElement;
  /** UTF-16 offset in the stored text of the start of line `i`. */
  lineStart(i: number): number;
  /** UTF-16 offset in the stored text of a DOM point in the article. */
  offsetOf(node: Node, offset: number): number;
  /** UTF-16 [lo, hi) of the text on screen now. */
  visible(): [number, number];
  /** Visible spans whose highlight range is not registered with the browser (0 in a complete frame). */
  late(): number;
  /** Whether `label`'s Highlight holds the range [start, end) (UTF-16). */
  shows(label: string, start: number, end: number): boolean;
  /** Screen points of the start of UTF-16 offset `start` and the end of `end - 1` on line `line`. */
  pointsFor(line: number, start: number, end: number): { x1: number; y1: number; x2: number; y2: number };
}

declare global {
  interface Window {
    __probe: Probe;
  }
}

export async function installProbe(page: Page, config: ProbeConfig): Promise<number> {
  return page.evaluate((config) => {
    const scroller = document.querySelector<HTMLElement>(config.scroller);
    const lines = Array.from(document.querySelectorAll<HTMLElement>(config.lines));
    const lineOf = new Map<Node, number>();
    const starts: number[] = [];
    let at = 0;
    lines.forEach((line, i) => {
      lineOf.set(line, i);
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) lineOf.set(n, i);
      starts.push(at);
      at += (line.textContent ?? '').length + 1;
    });
    const spans = [...config.spans].sort((a, b) => a[0] - b[0]);
    const longest = spans.reduce((m, s) => Math.max(m, s[1] - s[0]), 0);
    const firstAtOrAfter = (u: number): number => {
      let lo = 0;
      let hi = spans.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((spans[mid] as readonly [number, number, string])[0] < u) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    /** Offset of a point within its line: text before it in the line (a line may hold several runs). */
    const offsetOf = (node: Node, offset: number): number => {
      let el: Node | null = node;
      while (el && !lineOf.has(el)) el = el.parentNode;
      if (!el) return Number.NaN;
      const line = lineOf.get(el) as number;
      const lineEl = lines[line] as HTMLElement;
      if (node === lineEl || node.nodeType !== Node.TEXT_NODE) {
        const r = document.createRange();
        r.setStart(lineEl, 0);
        r.setEnd(node, offset);
        return (starts[line] as number) + r.toString().length;
      }
      let before = 0;
      const walker = document.createTreeWalker(lineEl, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n && n !== node; n = walker.nextNode()) before += (n as Text).length;
      return (starts[line] as number) + before + offset;
    };
    const pointAt = (x: number, y: number): number => {
      const p = document.caretPositionFromPoint(x, y);
      return p ? offsetOf(p.offsetNode, p.offset) : Number.NaN;
    };
    const visible = (): [number, number] => {
      if (!scroller || lines.length === 0) return [0, 0];
      const box = scroller.getBoundingClientRect();
      const text = (lines[0] as HTMLElement).getBoundingClientRect();
      return [
        pointAt(text.left + 1, box.top + 1),
        pointAt(text.right - 1, Math.min(box.bottom, innerHeight) - 1),
      ];
    };
    const key = (label: string, s: number, e: number): string => `${label}:${s}:${e}`;
    const registered = (): Set<string> => {
      const out = new Set<string>();
      for (const label of ['claim', 'quote', 'figure', 'speculation'])
        for (const r of CSS.highlights.get(`m-${label}`) ?? [])
          out.add(
            key(label, offsetOf(r.startContainer, r.startOffset), offsetOf(r.endContainer, r.endOffset)),
          );
      return out;
    };
    window.__probe = {
      lineCount: lines.length,
      lineStart: (i) => starts[i] as number,
      lineElement: (i) => lines[i] as HTMLElement,
      offsetOf,
      visible,
      late() {
        const [lo, hi] = visible();
        if (!(hi > lo)) return 0;
        const shown = registered();
        let late = 0;
        for (let i = firstAtOrAfter(lo - longest); i < spans.length; i++) {
          const [s, e, label] = spans[i] as readonly [number, number, string];
          if (s >= hi) break;
          if (e > lo && !shown.has(key(label, s, e))) late++;
        }
        return late;
      },
      shows(label, start, end) {
        for (const r of CSS.highlights.get(`m-${label}`) ?? [])
          if (
            offsetOf(r.startContainer, r.startOffset) === start &&
            offsetOf(r.endContainer, r.endOffset) === end
          )
            return true;
        return false;
      },
      pointsFor(line, start, end) {
        const el = lines[line] as HTMLElement;
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        const rectOf = (u: number): DOMRect => {
          let seen = 0;
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const len = (n as Text).length;
            if (u < seen + len) {
              const r = document.createRange();
              r.setStart(n, u - seen);
              r.setEnd(n, u - seen + 1);
              walker.currentNode = el;
              return r.getBoundingClientRect();
            }
            seen += len;
          }
          throw new Error(`offset ${u} is not on line ${line}`);
        };
        const a = rectOf(start);
        const b = rectOf(end - 1);
        return { x1: a.left + 0.5, y1: a.top + a.height / 2, x2: b.right - 0.5, y2: b.top + b.height / 2 };
      },
    };
    return lines.length;
  }, config);
}
