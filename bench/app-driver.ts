/**
 * Drives the real app (the production build) in a page: open a document from the library, label
 * selections, scroll. Every timing is taken inside the page with performance.now(); "painted" is the
 * end of the first frame whose rendering shows the change (see lab/frame.ts for why).
 */
import type { Page } from '@playwright/test';

/**
 * Start-up reopens no article and every article opens at its top, as the baselines do: the app saves
 * an article's scroll position 300 ms after the last scroll, so a phase that scrolled (and waited) made
 * the next open start at the article's end, where "scroll while laid out" measured a few frames
 * instead of the whole article.
 */
export async function forgetLastDocument(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('marginalia');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const tx = db.transaction(['settings'], 'readwrite');
    tx.objectStore('settings').put({ key: 'lastDocId', value: 'none' });
    // Per-document scroll positions (db/repositories/settings.ts), keys 'scroll:<docId>'.
    tx.objectStore('settings').delete(IDBKeyRange.bound('scroll:', 'scroll:\uffff'));
    await new Promise((r) => (tx.oncomplete = r));
    db.close();
  });
}

/** Loads the app fresh and waits until the library and the small document it reopens are settled. */
export async function loadApp(page: Page, base: string): Promise<void> {
  await forgetLastDocument(page);
  await page.goto(`${base}/`);
  await page.getByTestId('article').locator('p').first().waitFor();
  // Start-up paints the last article before it reads the library (issue 20): the phases choose
  // documents from the list, so wait until it has replaced its loading indicator.
  await page.locator('.library .virtual-list').waitFor();
  await page.locator('.library-loading').waitFor({ state: 'detached' });
  await page.waitForTimeout(300);
}

/**
 * Ms from now until the open article is laid out whole (editor/lay-out-ahead.ts marks the scroller
 * `data-laid-out="all"`). Label and scroll are measured after it, as a reader who has just opened a
 * document would meet them a second or two later; the time itself is reported with the open figures.
 */
export async function laidOut(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const t0 = performance.now();
    while (document.querySelector<HTMLElement>('.article-scroller')?.dataset['laidOut'] !== 'all') {
      if (performance.now() - t0 > 60_000) throw new Error('the article was not laid out within 60 s');
      await new Promise((r) => setTimeout(r, 10));
    }
    return performance.now() - t0;
  });
}

/**
 * The library list is virtualized: only the rows in its viewport exist. Scroll it until `title`'s row is
 * rendered (outside the timed part: a person scrolls to the entry before clicking it).
 */
async function revealEntry(page: Page, title: string): Promise<void> {
  const found = await page.evaluate(async (title) => {
    const list = document.querySelector<HTMLElement>('.library .virtual-list');
    const has = () =>
      Array.from(document.querySelectorAll<HTMLButtonElement>('button.doc-title')).some(
        (b) => b.title === title,
      );
    if (!list || has()) return has();
    list.scrollTop = 0;
    for (let top = 0; top <= list.scrollHeight; top += Math.max(40, list.clientHeight / 2)) {
      list.scrollTop = top;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      if (has()) return true;
    }
    return false;
  }, title);
  if (!found) throw new Error(`no library entry "${title}"`);
}

/** Chooses `title` in the library; ms until the highlights of all `expected` spans on screen are painted. */
export async function openDocument(page: Page, title: string, expected: number | null) {
  await revealEntry(page, title);
  return page.evaluate(
    ({ title, expected }) => {
      // Highlight ranges registered by the app's painter, all labels (no eval: the app has a CSP).
      const painted = (): number =>
        ['claim', 'quote', 'figure', 'speculation'].reduce(
          (n, l) => n + (CSS.highlights.get(`m-${l}`)?.size ?? 0),
          0,
        );
      const button = Array.from(document.querySelectorAll<HTMLButtonElement>('button.doc-title')).find(
        (b) => b.title === title,
      );
      if (!button) throw new Error(`no library entry "${title}"`);
      return new Promise<{ ms: number; painted: number; total: number; window: [number, number] }>(
        (resolve, reject) => {
          const t0 = performance.now();
          button.click();
          const tick = (): void => {
            // Done when the new document's editor took all `expected` spans and the browser holds a range
            // for every one in the painted window (the run verifies that set against the corpus).
            const box = document.querySelector<HTMLElement>('.article-scroller');
            const shown = document.querySelector('.article-title')?.textContent === title;
            const d = box?.dataset ?? {};
            if (
              shown &&
              (expected === null ? Number(d['spans']) > 0 : d['spans'] === String(expected)) &&
              d['window'] !== '0,0' &&
              String(painted()) === d['painted']
            ) {
              const ch = new MessageChannel();
              const window = (d['window'] ?? '0,0').split(',').map(Number) as [number, number];
              ch.port1.onmessage = () =>
                resolve({
                  ms: performance.now() - t0,
                  painted: painted(),
                  total: Number(d['spans']),
                  window,
                });
              ch.port2.postMessage(null);
            } else if (performance.now() - t0 > 60_000)
              reject(
                new Error(
                  `open "${title}" timed out: ${JSON.stringify({ ...d, shown, painted: painted() })}`,
                ),
              );
            else requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        },
      );
    },
    { title, expected },
  );
}

/**
 * Scrolls the article (or a baseline's scroller, `selector`) top to bottom, most of a viewport per frame
 * (every frame shows new text, the worst case for lazy rendering), as a person's scrolling reaches the
 * page: the offset changes between frames and the frame that follows dispatches the scroll event,
 * runs its handlers, then renders. Per frame: its main-thread work, from the scroll event to the end of
 * its rendering, and (`check`) the visible spans it showed without their highlight (probe.ts).
 * `untilLaidOut` stops once the article is laid out whole (scrolling right after an open).
 */
export async function scrollThrough(
  page: Page,
  selector: string,
  check: boolean,
  untilLaidOut = false,
): Promise<{ work: number[]; intervals: number[]; late: number[]; startTop: number }> {
  return page.evaluate(
    async ({ selector, check, untilLaidOut }) => {
      const scroller = document.querySelector<HTMLElement>(selector);
      if (!scroller) throw new Error(`no scroller ${selector}`);
      const work: number[] = [];
      const intervals: number[] = [];
      const late: number[] = [];
      let last = 0;
      const frameEnd = (): Promise<number> =>
        new Promise((resolve) =>
          requestAnimationFrame((ts) => {
            if (last) intervals.push(ts - last);
            last = ts;
            const ch = new MessageChannel();
            ch.port1.onmessage = () => resolve(performance.now());
            ch.port2.postMessage(null);
          }),
        );
      if (!untilLaidOut) {
        scroller.scrollTop = 0;
        await new Promise((r) => setTimeout(r, 200));
      }
      // Where the scroll starts (the top, for the app as for the baselines: loadApp drops saved positions).
      const startTop = scroller.scrollTop;
      let t0 = Number.NaN;
      const onScroll = (): void => {
        if (Number.isNaN(t0)) t0 = performance.now();
      };
      addEventListener('scroll', onScroll, { capture: true, passive: true });
      await frameEnd();
      last = 0;
      const step = Math.round(scroller.clientHeight * 0.9);
      const laidOut = (): boolean => scroller.dataset['laidOut'] === 'all';
      while (scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 1) {
        if (untilLaidOut && laidOut()) break;
        t0 = Number.NaN;
        scroller.scrollTop += step;
        const end = await frameEnd();
        work.push(end - (Number.isNaN(t0) ? end : t0));
        if (check) late.push(window.__probe.late());
        if (work.length > 20_000) break;
      }
      removeEventListener('scroll', onScroll, { capture: true });
      return { work, intervals, late, startTop };
    },
    { selector, check, untilLaidOut },
  );
}
