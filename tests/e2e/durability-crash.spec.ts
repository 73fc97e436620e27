import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { expect, test } from '@playwright/test';

import { launchOwnedChromium, storedSpanIds } from './durability-browser';
import { AnnotatePage } from './pages/AnnotatePage';

const CYCLES = Number(process.env.CRASH_CYCLES ?? 20);

/**
 * Crash safety (issue 7): annotate a burst, SIGKILL the whole browser at a random moment, restart
 * on the same profile. Every span stored when the page showed "Saved" before the kill must be
 * stored afterwards (and at that moment at least as many as the span list counted), and the
 * database must open every time. The page reports each "Saved" moment through a binding as it
 * happens, so what we check is what the user saw.
 */
test('≥20 kill-and-restart cycles lose nothing shown as saved', async ({ baseURL }) => {
  test.setTimeout(480_000);
  const profile = await mkdtemp(path.join(os.tmpdir(), 'marginalia-crash-'));
  const savedEver = new Set<string>();
  let killsDuringWrites = 0;
  let cycles = 0;
  try {
    // At least CYCLES cycles, and more (up to twice as many) until the bursts have saved enough spans
    // for the check to mean something: on a loaded machine the timed kills land before many labels.
    for (let cycle = 0; cycle < CYCLES || (savedEver.size < CYCLES * 2 && cycle < CYCLES * 2); cycle++) {
      cycles = cycle + 1;
      const owned = await launchOwnedChromium(profile);
      const { page } = owned;
      let lastState = '';
      await page.exposeBinding('__reportState', (_src, state: string, ids: string[]) => {
        lastState = state;
        if (state === 'Saved') for (const id of ids) savedEver.add(id);
      });
      await page.addInitScript(() => {
        new MutationObserver(() => {
          const state =
            document.querySelector('[data-testid="save-state"]')?.getAttribute('aria-label') ?? '';
          const w = window as unknown as {
            __last?: string;
            __reportState: (s: string, ids: string[]) => Promise<void>;
          };
          if (state === w.__last) return;
          w.__last = state;
          if (state !== 'Saved') return void w.__reportState(state, []);
          // Everything the page counts while "Saved" shows has committed (the indicator waits for
          // the queue). The span list is virtualized, so its rows are not all in the DOM: the ids
          // are read from the database at that moment, and the list's count must not exceed them.
          const shown = Number(
            /\d+/.exec(document.querySelector('.span-list h3 .muted')?.textContent ?? '0')?.[0] ?? 0,
          );
          const req = indexedDB.open('marginalia');
          req.onsuccess = () => {
            const db = req.result;
            const all = db.transaction('spans').objectStore('spans').getAll();
            all.onsuccess = () => {
              const rows = all.result as { id: string; annotator: string }[];
              const ids = rows.filter((r) => r.annotator === 'crash').map((r) => r.id);
              db.close();
              void w.__reportState(state, ids.length >= shown ? ids : ['<fewer stored than shown>']);
            };
          };
        }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
      });
      await page.goto(baseURL ?? '/');
      const app = new AnnotatePage(page);
      if (cycle === 0) await app.setName('crash');
      // The database opens every time, and everything ever shown as saved is stored.
      await expect(app.article.locator('p').first())
        .toBeVisible({ timeout: 10_000 })
        .catch(async (e: unknown) => {
          // The owned browser is not traced: keep what its page showed (seen once in CI, not reproduced
          // in 80 cycles since), so the next failure says why the article did not come back.
          const shot = await page.screenshot().catch(() => null);
          if (shot)
            await test.info().attach(`cycle-${cycle}-page.png`, { body: shot, contentType: 'image/png' });
          const words = await page
            .locator('body')
            .innerText()
            .catch((x: unknown) => String(x));
          await test.info().attach(`cycle-${cycle}-page.txt`, { body: words, contentType: 'text/plain' });
          throw e;
        });
      await expect(page.getByTestId('startup-problem')).toHaveCount(0);
      const stored = new Set(await storedSpanIds(page, 'crash'));
      const lost = [...savedEver].filter((id) => !stored.has(id));
      expect(lost, `cycle ${cycle}: spans shown as saved but missing after the kill`).toEqual([]);

      // A burst of spans; the kill lands at a random moment inside it.
      const text = await app.text();
      const cps = Array.from(text).length;
      // Odd cycles: a random time. Even cycles: 0–3 ms after a label key, i.e. while it is being saved.
      const onKey = cycle % 2 === 0 ? 2 + Math.floor(Math.random() * 6) : -1;
      let fire: () => void = () => undefined;
      const killer = new Promise<void>((resolve) => {
        fire = () => void owned.kill().then(resolve);
        if (onKey < 0) setTimeout(fire, 300 + Math.random() * 2500);
      });
      const burst = (async () => {
        // Near the top, scrolled into view: a click off-screen would select nothing.
        await app.article.locator('p').first().scrollIntoViewIfNeeded();
        let at = Math.floor(Math.random() * Math.min(150, cps / 2));
        while (Array.from(text)[at] === '\n') at++;
        await app.clickAt(at);
        for (let i = 0; i < 16; i++) {
          // Keyboard only after the first click: fast, like a practised annotator.
          for (let k = 0; k < 2; k++) await page.keyboard.press('ArrowRight');
          for (let k = 0; k < 2 + (i % 3); k++) await page.keyboard.press('Shift+ArrowRight');
          await page.keyboard.press(String(1 + (i % 4)));
          if (i === onKey) {
            setTimeout(fire, Math.random() * 3);
            return;
          }
        }
        fire();
      })().catch(() => undefined); // the kill closes the page under the burst, as intended
      await Promise.all([killer, burst]);
      if (lastState === 'Saving…') killsDuringWrites++;
    }
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  expect(savedEver.size, 'the bursts saved spans').toBeGreaterThanOrEqual(CYCLES * 2);
  const summary = `${cycles} cycles, ${savedEver.size} spans saved, ${killsDuringWrites} kills while "Saving…"`;
  test.info().annotations.push({ type: 'crash-cycles', description: summary });
  console.log(summary);
});
