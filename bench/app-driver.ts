/**
 * Drives the real app (the production build) in a page: open a document from the library, label
 * selections, scroll. Every timing is taken inside the page with performance.now(); "painted" is the
 * end of the first frame whose rendering shows the change (see lab/frame.ts for why).
 */
import type { Page } from '@playwright/test';

/** Loads the app fresh and waits until the library and the small document it reopens are settled. */
export async function loadApp(page: Page, base: string): Promise<void> {
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('marginalia');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const tx = db.transaction(['settings'], 'readwrite');
    tx.objectStore('settings').put({ key: 'lastDocId', value: 'none' });
    await new Promise((r) => (tx.oncomplete = r));
    db.close();
  });
  await page.goto(`${base}/`);
  await page.getByTestId('article').locator('p').first().waitFor();
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

/** Chooses `title` in the library; ms until the highlights of all `expected` spans on screen are painted. */
export async function openDocument(page: Page, title: string, expected: number | null) {
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
 * Labels `count` fresh selections, one at a time. Each key press is dispatched at the start of a
 * frame, so the figure is the work of handling it (JS, style, layout, paint) without the wait for
 * vsync; the clock stops at the end of the first frame that shows one more highlight ([painted,
 * settled] ms per label, see below).
 */
export async function labelSelections(page: Page, count: number, run: number): Promise<[number, number][]> {
  return page.evaluate(
    async ({ count, run }) => {
      // Highlight ranges registered by the app's painter, all labels (no eval: the app has a CSP).
      const painted = (): number =>
        ['claim', 'quote', 'figure', 'speculation'].reduce(
          (n, l) => n + (CSS.highlights.get(`m-${l}`)?.size ?? 0),
          0,
        );
      const frame = (): Promise<number> => new Promise((r) => requestAnimationFrame(r));
      const root = document.querySelector<HTMLElement>('[data-testid="article"]');
      const scroller = document.querySelector<HTMLElement>('.article-scroller');
      if (!root || !scroller) throw new Error('no article');
      const paragraphs = root.querySelectorAll<HTMLElement>('.m-paragraph');
      const out: [number, number][] = [];
      for (let i = 0; i < count; i++) {
        const p = paragraphs[40 + run * 7 + i * 3] as HTMLElement | undefined;
        const node = p?.firstChild?.firstChild;
        if (!p || !node || node.nodeType !== Node.TEXT_NODE) continue;
        // Focus first: focusing the editor scrolls its caret into view, which would undo the scroll.
        root.focus({ preventScroll: true });
        p.scrollIntoView({ block: 'center' });
        await frame();
        await frame();
        const text = node.textContent ?? '';
        const from = text.indexOf(' ', 5 + ((i * 13 + run * 5) % Math.max(1, text.length - 40))) + 1;
        const to = text.indexOf(' ', from + 3);
        if (from <= 0 || to <= from) continue;
        getSelection()?.setBaseAndExtent(node, from, node, to);
        await new Promise((r) => setTimeout(r, 30));
        await frame();
        const before = painted();
        const key = String(1 + ((i + run) % 4));
        // Two clocks: `painted` stops at the end of the frame that shows the new highlight (a message
        // posted before the key press runs right after that frame); `settled` also waits for the tasks
        // the key press queued meanwhile (the selection change after the label), as a person's next
        // key press would.
        const ms = await new Promise<[number, number]>((resolve) => {
          requestAnimationFrame(() => {
            const t0 = performance.now();
            let paintedAt = Number.NaN;
            const frameEnd = new MessageChannel();
            frameEnd.port1.onmessage = () => {
              if (painted() > before) paintedAt = performance.now() - t0;
            };
            frameEnd.port2.postMessage(null);
            root.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
            const check = (): void => {
              const ch = new MessageChannel();
              ch.port1.onmessage = () => {
                if (painted() > before) {
                  const settled = performance.now() - t0;
                  resolve([Number.isNaN(paintedAt) ? settled : paintedAt, settled]);
                }
                // -1: the app refused the selection (an exact duplicate); NaN: not painted in time.
                else if (performance.now() - t0 > 2000) {
                  const said = document.querySelector('.status-line')?.textContent ?? '';
                  console.warn(`label not painted: "${said}", editor ${JSON.stringify(scroller.dataset)}`);
                  const refused = /already exists/.test(said) ? -1 : Number.NaN;
                  resolve([refused, refused]);
                } else requestAnimationFrame(check);
              };
              ch.port2.postMessage(null);
            };
            check();
          });
        });
        out.push(ms);
        // A person labels at most a few times a second: let the save and the library's recount finish.
        const saved = performance.now();
        while (
          document.querySelector('[data-testid="save-state"]')?.getAttribute('aria-label') !== 'Saved' &&
          performance.now() - saved < 3000
        )
          await new Promise((r) => setTimeout(r, 20));
        await new Promise((r) => setTimeout(r, 150));
      }
      return out;
    },
    { count, run },
  );
}

/**
 * Scrolls the article (or a baseline's scroller, `selector`) top to bottom, most of a viewport per frame (every frame shows new text, the
 * worst case for lazy rendering). Returns each frame's main-thread work: from its rAF callback, where
 * scrollTop is set, to the end of its rendering.
 */
export async function scrollThrough(
  page: Page,
  selector = '.article-scroller',
): Promise<{ work: number[]; intervals: number[] }> {
  return page.evaluate(async (selector) => {
    const scroller = document.querySelector<HTMLElement>(selector);
    if (!scroller) throw new Error(`no scroller ${selector}`);
    scroller.scrollTop = 0;
    await new Promise((r) => setTimeout(r, 200));
    const work: number[] = [];
    const intervals: number[] = [];
    let last = 0;
    const step = Math.round(scroller.clientHeight * 0.9);
    while (scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 1) {
      const w = await new Promise<number>((resolve) => {
        requestAnimationFrame((ts) => {
          if (last) intervals.push(ts - last);
          last = ts;
          const t0 = performance.now();
          scroller.scrollTop += step;
          const ch = new MessageChannel();
          ch.port1.onmessage = () => resolve(performance.now() - t0);
          ch.port2.postMessage(null);
        });
      });
      work.push(w);
      if (work.length > 20_000) break;
    }
    return { work, intervals };
  }, selector);
}
