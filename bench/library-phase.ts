/**
 * Issue 20 item 2: a library of BENCH_LIBRARY_DOCS articles (1,000,000 in a full run) built by
 * importing generated files through the app's import, then, on that library: app start to an
 * interactive library, filtering by title, scrolling the list (frame times, and frames whose
 * viewport shows no row), and the JS heap. Runs in the bench's page (a second page is a background
 * tab, whose frames Chromium throttles); the database is the app's own, so this phase runs last.
 */
import type { CDPSession, Page } from '@playwright/test';

import { forgetLastDocument } from './app-driver';
import { gotoLab } from './baseline-phases';
import { percentile, summarize } from './stats';

const log = (s: string): void => void process.stdout.write(`${s}\n`);
/** Lines per imported file: the bench's import size, so a 1,000,000 library is ten imports. */
const PER_FILE = 100_000;

async function fill(page: Page, base: string, documents: number): Promise<number> {
  await gotoLab(page, base);
  let added = 0;
  const t0 = Date.now();
  for (let from = 0; from < documents; from += PER_FILE) {
    const lines = Math.min(PER_FILE, documents - from);
    added += await page.evaluate(
      ({ from, lines }) => window.__lab.libraryFillJob('marginalia', from, lines),
      { from, lines },
    );
    log(`library: ${from + lines} of ${documents} imported (${Math.round((Date.now() - t0) / 1000)} s)`);
  }
  return added;
}

/**
 * Navigation start to the library listing rows, not busy, its filter usable (ms, the page's clock),
 * then to the whole library read (its header counts every document done), then to an idle page:
 * the filter is timed once the page is idle, as when someone types, not while the rest of the
 * library is being read behind the first screens (the filter then counts matches "so far").
 */
async function start(page: Page, base: string): Promise<{ start: number; complete: number }> {
  await forgetLastDocument(page);
  await page.goto(`${base}/`);
  return page.evaluate(
    () =>
      new Promise<{ start: number; complete: number }>((resolve, reject) => {
        const ready = () =>
          document.querySelector('nav.library:not([aria-busy="true"]) input[type="search"]') !== null &&
          document.querySelector('nav.library button.doc-title') !== null;
        const complete = () =>
          /done$/.test(document.querySelector('nav.library h2 .muted')?.textContent ?? '');
        let start = 0;
        let whole = 0;
        // An idle period of ~50 ms: no task queued (the title index is built in tasks behind the list).
        const idle = () =>
          requestIdleCallback((d) =>
            d.timeRemaining() >= 45 ? resolve({ start, complete: whole }) : idle(),
          );
        const tick = () => {
          if (performance.now() > 300_000) return reject(new Error('the library was not shown in 300 s'));
          if (!start && ready()) start = performance.now();
          if (start && complete()) {
            whole = performance.now();
            return idle();
          }
          requestAnimationFrame(tick);
        };
        tick();
      }),
  );
}

/** Typing a title into the filter to its row first in the list (ms), then the filter cleared. */
async function filter(page: Page, title: string): Promise<number> {
  const ms = await page.evaluate(
    (title) =>
      new Promise<number>((resolve, reject) => {
        const input = document.querySelector<HTMLInputElement>('nav.library input[type="search"]');
        if (!input) return reject(new Error('no library filter'));
        const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
        const t0 = performance.now();
        set?.call(input, title);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const tick = () => {
          const first = document.querySelector<HTMLButtonElement>('nav.library button.doc-title');
          if (first?.title === title) return resolve(performance.now() - t0);
          if (performance.now() - t0 > 60_000) return reject(new Error(`"${title}" not listed in 60 s`));
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    title,
  );
  await page.getByRole('searchbox', { name: 'Filter documents by title or text' }).fill('');
  return ms;
}

/**
 * Scrolls the list 600 px a frame, `frames` frames. Per frame, as the article's scroll is timed
 * (app-driver.ts `scrollThrough`): its main-thread work, from the scroll event to the end of its
 * rendering; the interval between frames (60 Hz paces it at 16.7 ms however little a frame costs, so
 * it says only whether frames were dropped); and the frames whose viewport (top, middle, bottom)
 * showed no row.
 */
async function scroll(
  page: Page,
  frames: number,
): Promise<{ work: number[]; intervals: number[]; empty: number }> {
  return page.evaluate(async (frames) => {
    const list = document.querySelector<HTMLElement>('nav.library .virtual-list');
    if (!list) throw new Error('no library list');
    const work: number[] = [];
    const intervals: number[] = [];
    let empty = 0;
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
    const shown = (): boolean => {
      const r = list.getBoundingClientRect();
      const x = r.left + r.width / 2;
      return [r.top + 4, r.top + r.height / 2, r.bottom - 4].every(
        (y) => document.elementFromPoint(x, y)?.closest('.virtual-list li') != null,
      );
    };
    let t0 = Number.NaN;
    const onScroll = (): void => {
      if (Number.isNaN(t0)) t0 = performance.now();
    };
    list.addEventListener('scroll', onScroll, { passive: true });
    await frameEnd();
    last = 0;
    for (let n = 0; n < frames; n++) {
      t0 = Number.NaN;
      const max = list.scrollHeight - list.clientHeight;
      list.scrollTop = list.scrollTop + 600 > max ? 0 : list.scrollTop + 600;
      const end = await frameEnd();
      work.push(end - (Number.isNaN(t0) ? end : t0));
      if (!shown()) empty++;
    }
    list.removeEventListener('scroll', onScroll);
    return { work, intervals, empty };
  }, frames);
}

export async function runLibrary(
  page: Page,
  cdp: CDPSession,
  base: string,
  quick: boolean,
  runs: number,
  problems: string[],
) {
  const documents = Number(process.env['BENCH_LIBRARY_DOCS'] ?? (quick ? 2_000 : 1_000_000));
  const t0 = Date.now();
  const added = await fill(page, base, documents);
  const fillMs = Date.now() - t0;
  if (added !== documents) problems.push(`library: imported ${added} of ${documents} documents`);
  const starts: number[] = [];
  const completes: number[] = [];
  const filters: number[] = [];
  const p95s: number[] = [];
  const intervalP95s: number[] = [];
  let empty = 0;
  for (let r = 0; r < runs; r++) {
    const t = await start(page, base);
    starts.push(t.start);
    completes.push(t.complete);
    filters.push(await filter(page, `Library ${documents - 1 - r}`));
    const s = await scroll(page, quick ? 60 : 240);
    p95s.push(percentile(s.work, 95));
    intervalP95s.push(percentile(s.intervals, 95));
    empty += s.empty;
  }
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const out = {
    documents: added,
    fill_ms: fillMs,
    start_ms: summarize(starts).median,
    complete_ms: summarize(completes).median,
    filter_ms: summarize(filters).median,
    scroll_p95_frame_ms: summarize(p95s).median,
    scroll_p95_interval_ms: summarize(intervalP95s).median,
    scroll_empty_frames: empty,
    heap_mb: usedSize / 1024 / 1024,
  };
  log(
    `library ${added} documents (imported in ${Math.round(fillMs / 1000)} s): start ${fmtList(starts)} ms, whole library read ${fmtList(completes)} ms, filter ${fmtList(filters)} ms, scroll p95 frame ${fmtList(p95s)} ms, between frames ${fmtList(intervalP95s)} ms (${empty} frames without rows), heap ${out.heap_mb.toFixed(1)} MB`,
  );
  return out;
}

const fmtList = (xs: number[]): string => xs.map((x) => Math.round(x)).join('/');
