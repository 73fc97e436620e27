import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { BrowserContext, Page } from '@playwright/test';

import { joinJsonl, serializeNativeRecord } from '../renderer/src/core/formats/native';
import { documentIdForText } from '../renderer/src/core/text/text-hash';
import { seedDocs, seedWords } from '../tests/unit/core/links/seed-set';
import { syntheticLibrary } from '../tests/unit/core/links/synthetic-library';
import { openDocument } from './app-driver';
import { summarize } from './stats';

const KEEPS = 'OpenAI to continue working with Scale AI after Meta deal';
const TITLE = 'OpenAI to continue working with Scale AI after Meta deal';

/** The seed articles plus `n` generated ones (suggest-phase.ts's library) as one native JSONL file. */
function libraryFile(n: number): Buffer {
  const docs = seedDocs();
  const lines = [
    ...docs.map((d) => ({ text: d.text, title: d.text.split('\n')[0] ?? d.file })),
    ...syntheticLibrary(n, 1, seedWords(docs)).map((d, i) => ({ text: d.text, title: `Generated ${i}` })),
  ].map(({ text, title }) =>
    serializeNativeRecord({
      document: { id: documentIdForText(text), title, text, meta: {} },
      annotator: 'bench',
      status: 'todo',
      spans: [],
    }),
  );
  return Buffer.from(joinJsonl(lines));
}

/** The centre of code point `offset` of the article's line `line` (ASCII there), in page pixels. */
const pointAt = (page: Page, line: number, offset: number) =>
  page.evaluate(
    ([line, offset]) => {
      const p = document.querySelectorAll('[data-testid="article"] p')[line];
      const walker = document.createTreeWalker(p as Node, NodeFilter.SHOW_TEXT);
      const node = walker.nextNode() as Text;
      const r = document.createRange();
      r.setStart(node, offset);
      r.setEnd(node, offset + 1);
      const b = r.getBoundingClientRect();
      return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    },
    [line, offset] as const,
  );

/**
 * Issue 16 in the app: the time from the click that puts the caret in a claim to the Suggestions
 * panel listing candidates, over the seeds plus `n` generated articles imported through the Import
 * dialog, once the suggestion worker has indexed them all. Timed in the page, from the mousedown's
 * event time to the frame after the list appeared (a MutationObserver, then requestAnimationFrame).
 */
export async function runSuggestApp(context: BrowserContext, base: string, quick: boolean, runs: number) {
  const n = Number(process.env['BENCH_SUGGEST_ARTICLES'] ?? (quick ? 300 : 10_000));
  const page = await context.newPage();
  try {
    return await measure(page, base, n, runs);
  } catch (e) {
    // Where it stood, for whoever reads the failure.
    const shot = join(tmpdir(), 'marginalia-suggest-app-failure.png');
    await page.screenshot({ path: shot }).catch(() => undefined);
    console.log(`suggest_app failed; the page then: ${shot}`);
    throw e;
  } finally {
    await page.close();
  }
}

async function measure(page: Page, base: string, n: number, runs: number) {
  const start = Date.now();
  const step = (what: string): void => console.log(`suggest_app: ${what} at ${Date.now() - start} ms`);
  await page.goto(`${base}/`);
  const name = page.getByRole('textbox', { name: 'Annotator name' });
  if (await name.isVisible().catch(() => false)) {
    await name.fill('bench');
    await page.getByRole('button', { name: 'Start annotating' }).click();
  }
  const t0 = Date.now();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (
    await chooser
  ).setFiles([{ name: 'library.jsonl', mimeType: 'application/x-ndjson', buffer: libraryFile(n) }]);
  await page
    .getByRole('list', { name: 'Import report' })
    .getByText(/imported/)
    .first()
    .waitFor({ timeout: 600_000 });
  const importMs = Date.now() - t0;
  step('imported');
  await page.getByRole('button', { name: 'Close' }).click();
  await openDocument(page, TITLE, 0);
  // Label the claim: the article's first line.
  await page.evaluate((len) => {
    const p = document.querySelector('[data-testid="article"] p');
    const node = document.createTreeWalker(p as Node, NodeFilter.SHOW_TEXT).nextNode() as Text;
    (p?.closest('[contenteditable]') as HTMLElement | null)?.focus();
    window.getSelection()?.setBaseAndExtent(node, 0, node, len);
  }, KEEPS.length);
  await page.keyboard.press('1');
  step('claim labelled');
  const inClaim = await pointAt(page, 0, 10);
  const outside = await pointAt(page, 2, 3); // the third line: no claim at the caret
  await page.mouse.click(inClaim.x, inClaim.y);
  const t1 = Date.now();
  const panel = page.getByRole('region', { name: 'Suggestions' });
  // The worker indexes the library in pages; the panel asks again once it is complete.
  await page.waitForFunction(
    () =>
      document.querySelector('.suggestions ul[aria-label="Suggested links"]') !== null &&
      !document.querySelector('.suggestions')?.textContent?.includes('Indexing the library'),
    null,
    { timeout: 900_000, polling: 500 },
  );
  const indexMs = Date.now() - t1;
  step('indexed');
  const times: number[] = [];
  const worker: number[] = [];
  for (let r = 0; r < runs; r++) {
    // The caret to the article's end, where no claim is: the panel goes.
    await page.mouse.click(outside.x, outside.y);
    await page.keyboard.press('Control+End');
    await panel.waitFor({ state: 'detached', timeout: 30_000 });
    // Control+End scrolled the article: back to its top (the caret stays at the end) and find the claim again.
    await page.evaluate(async () => {
      const box = document.querySelector<HTMLElement>('.article-scroller');
      if (box) box.scrollTop = 0;
      await new Promise((r) => requestAnimationFrame(r));
    });
    const target = await pointAt(page, 0, 10);
    // Armed before the click (an evaluate not awaited could run after it and miss the mousedown).
    await page.evaluate(() => {
      const w = window as unknown as { __shown?: Promise<number> };
      w.__shown = new Promise<number>((resolve) => {
        let down = 0;
        addEventListener('mousedown', (e) => (down = e.timeStamp), { capture: true, once: true });
        const done = (): boolean => {
          const list = document.querySelector('.suggestions ul[aria-label="Suggested links"]');
          if (!list || down === 0) return false;
          requestAnimationFrame(() => resolve(performance.now() - down));
          return true;
        };
        const mo = new MutationObserver(() => done() && mo.disconnect());
        mo.observe(document.body, { childList: true, subtree: true });
      });
    });
    await page.mouse.click(target.x, target.y);
    const shown = page.evaluate(() => (window as unknown as { __shown: Promise<number> }).__shown);
    times.push(await shown);
    worker.push(Number(await panel.getByRole('list').getAttribute('data-ms')));
  }
  const s = summarize(times);
  return {
    articles: n + 5,
    import_ms: importMs,
    index_ms: indexMs,
    shown_ms: s.median,
    min_ms: s.min,
    max_ms: s.max,
    worker_ms: summarize(worker).median,
    runs: times.length,
  };
}
