/**
 * Labelling on the baselines: the same 1M-character article and 10,000 spans rendered in one pass (see
 * baselines.ts), then a fresh selection tagged the way a no-framework page would do it. The app's label
 * figure is compared with these, as its open figure is compared with the baselines' render.
 *  (b) CSS.highlights: one more StaticRange in the label's Highlight (every span stays registered).
 *  (a) <mark>: the selection is cut out of the text and wrapped in a new <mark> (Range.extractContents).
 * The selections follow the app's bench (bench/app-driver.ts: the same lines, words and key rhythm).
 */
import { LABELS } from '../../renderer/src/core/model/labels';
import { nextFrame } from './frame';

/** The text node and offset at `at` UTF-16 units into `line`'s text (a line may hold several runs). */
function pointIn(line: HTMLElement, at: number): [Text, number] | null {
  const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const len = (n as Text).length;
    if (at <= seen + len) return [n as Text, at - seen];
    seen += len;
  }
  return null;
}

/**
 * Highlight ranges (css) or labelled <mark>s (mark; cutting a selection out of an existing <mark> splits
 * it, so those are not counted) on the page: the run checks that each label added one.
 */
const shownOf = (kind: 'mark' | 'css', host: HTMLElement): number =>
  kind === 'css'
    ? LABELS.reduce((n, l) => n + (CSS.highlights.get(`m-${l}`)?.size ?? 0), 0)
    : host.querySelectorAll('mark[data-labelled]').length;

/**
 * Tags `count` selections on the rendered baseline: ms from the key press to the end of its frame, and
 * how many highlights the labels added (one each, or the baseline did not do the work measured).
 */
export async function labelBaseline(
  kind: 'mark' | 'css',
  host: HTMLElement,
  count: number,
  run: number,
): Promise<{ ms: number[]; added: number }> {
  const lines = host.children;
  const before = shownOf(kind, host);
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const line = lines[40 + run * 7 + i * 3] as HTMLElement | undefined;
    if (!line) continue;
    line.scrollIntoView({ block: 'center' });
    await nextFrame();
    await nextFrame();
    const text = line.textContent ?? '';
    const from = text.indexOf(' ', 5 + ((i * 13 + run * 5) % Math.max(1, text.length - 40))) + 1;
    const to = text.indexOf(' ', from + 3);
    const a = pointIn(line, from);
    const b = pointIn(line, to);
    if (from <= 0 || to <= from || !a || !b) continue;
    getSelection()?.setBaseAndExtent(a[0], a[1], b[0], b[1]);
    await new Promise((r) => setTimeout(r, 30));
    await nextFrame();
    const label = LABELS[(i + run) % LABELS.length] as string;
    out.push(
      await new Promise<number>((resolve) => {
        requestAnimationFrame(() => {
          const t0 = performance.now();
          const frameEnd = new MessageChannel();
          frameEnd.port1.onmessage = () => resolve(performance.now() - t0);
          frameEnd.port2.postMessage(null);
          const sel = getSelection();
          if (!sel || sel.rangeCount === 0) return;
          const range = sel.getRangeAt(0);
          if (kind === 'css') {
            CSS.highlights.get(`m-${label}`)?.add(new StaticRange(range));
          } else {
            const mark = document.createElement('mark');
            mark.className = label;
            mark.dataset['labelled'] = '';
            mark.append(range.extractContents());
            range.insertNode(mark);
          }
          sel.collapseToEnd();
        });
      }),
    );
    await new Promise((r) => setTimeout(r, 150));
  }
  return { ms: out, added: shownOf(kind, host) - before };
}
