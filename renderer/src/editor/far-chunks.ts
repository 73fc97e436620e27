import { firstAbove } from '../core/sorted';

/** Viewports above and below the visible one in which laid-out chunks stay visible. */
const MARGIN_VIEWPORTS = 1;

/**
 * Once every chunk is laid out (lay-out-ahead.ts), hides those more than a viewport from the screen
 * (class `m-far`: visibility hidden; their layout stays, so nothing moves). The scroll handler runs
 * before the frame paints, so a chunk is shown in the frame that scrolls to it.
 *
 * Why: with the whole 1M-character article laid out and visible, a label's frame cost ~4 ms more
 * (p50 16 vs 12.9 ms; p95 22.5 vs 16.1 ms with chunks beyond the label region hidden), while
 * keeping chunks laid out took the scroll p95 frame from ~20 to ~14 ms. Hidden far chunks keep
 * both (docs/performance.md, "Rendering and highlights").
 *
 * The chunks holding the selection's ends are never hidden: with the caret in hidden text, Chromium
 * looks for the nearest rendered caret position after every style change, walking all the hidden text
 * from the caret to the screen (~100 ms per scrolling frame on the 1M-character article once the
 * article has the focus).
 */
export function hideFarChunks(scroller: HTMLElement, chunks: readonly (HTMLElement | null)[]): () => void {
  const at = chunks.flatMap((c, i) => (c ? [i] : []));
  const els = at.map((i) => chunks[i] as HTMLElement);
  let tops: number[] = [];
  let bottoms: number[] = [];
  const indexOf = new Map(els.map((c, i) => [c, i]));
  // Every chunk starts shown; each update hides and shows only the chunks whose side changed.
  let shown: [number, number] = [0, els.length - 1];
  let held: number[] = [];
  const selected = (): number[] => {
    const sel = document.getSelection();
    const out: number[] = [];
    const ends: [Node | null | undefined, number][] = [
      [sel?.anchorNode, sel?.anchorOffset ?? 0],
      [sel?.focusNode, sel?.focusOffset ?? 0],
    ];
    for (const [node, offset] of ends) {
      // A point on the article's root (as after focus()) stands before its child at `offset`.
      const at = node?.childNodes[Math.min(offset, node.childNodes.length - 1)] ?? node;
      const el = at instanceof Element ? at : at?.parentElement;
      const chunk = el?.closest('.m-chunk');
      const i = chunk ? indexOf.get(chunk as HTMLElement) : undefined;
      if (i !== undefined && !out.includes(i)) out.push(i);
    }
    return out;
  };
  const measure = (): void => {
    const origin = scroller.getBoundingClientRect().top - scroller.scrollTop;
    tops = [];
    bottoms = [];
    for (const c of els) {
      const r = c.getBoundingClientRect();
      tops.push(r.top - origin);
      bottoms.push(r.bottom - origin);
    }
  };
  const update = (force = false, keep = held): void => {
    const h = scroller.clientHeight;
    const from = scroller.scrollTop - MARGIN_VIEWPORTS * h;
    const to = scroller.scrollTop + (1 + MARGIN_VIEWPORTS) * h;
    const lo = firstAbove(bottoms, from);
    const hi = Math.max(lo, firstAbove(tops, to) - 1);
    const [oldLo, oldHi] = shown;
    if (lo === oldLo && hi === oldHi && keep === held && !force) return;
    const isShown = (i: number): boolean => (i >= lo && i <= hi) || keep.includes(i);
    const wasShown = (i: number): boolean => (i >= oldLo && i <= oldHi) || held.includes(i);
    for (let i = oldLo; i <= oldHi; i++) if (!isShown(i)) els[i]?.classList.add('m-far');
    for (const i of held) if (!isShown(i)) els[i]?.classList.add('m-far');
    for (let i = lo; i <= hi; i++) if (force || !wasShown(i)) els[i]?.classList.remove('m-far');
    for (const i of keep) if (force || !wasShown(i)) els[i]?.classList.remove('m-far');
    shown = [lo, hi];
    held = keep;
  };
  const onSelection = (): void => {
    const now = selected();
    if (now.length !== held.length || now.some((i, k) => held[k] !== i)) update(false, now);
  };
  measure();
  update(true, selected());
  // A new width re-wraps every paragraph: measure again (hidden chunks keep their geometry).
  let observed = false;
  const resized = new ResizeObserver(() => {
    if (!observed) return void (observed = true); // the report that observe() itself triggers
    measure();
    update(true);
  });
  resized.observe(scroller);
  const onScroll = (): void => update();
  scroller.addEventListener('scroll', onScroll, { passive: true });
  document.addEventListener('selectionchange', onSelection);
  return () => {
    scroller.removeEventListener('scroll', onScroll);
    document.removeEventListener('selectionchange', onSelection);
    resized.disconnect();
    for (const c of els) c.classList.remove('m-far');
  };
}
