import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Browser, Page } from '@playwright/test';

import { expect, test } from './fixtures';
import { AnnotatePage } from './pages/AnnotatePage';
import { ARTICLES, connectTeam, setUpProject, spansOnServer, startTeamServer } from './team-server';

// Issue 15, "Nothing is lost": one annotator on two machines (two browser profiles), both offline
// (the server stopped), edits the same article; back online both hold the merged set, span by
// span, deletions included, and the span both changed keeps the older version in its history.
const origin = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;
const article = ARTICLES[0] as { title: string; text: string };

async function machine(browser: Browser, url: string): Promise<{ page: Page; app: AnnotatePage }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const app = new AnnotatePage(page);
  await app.open();
  await app.setName('alice');
  await connectTeam(page, url, 'alice', 'alice-pw');
  await app.openDocument(article.title);
  return { page, app };
}

async function label(app: AnnotatePage, start: number, end: number, key: string): Promise<void> {
  await app.dragSelect(start, end);
  await app.page.keyboard.press(key);
  await app.expectSaved();
}

/** Picks a span in the sidebar's list, so the inspector shows it. */
async function pick(app: AnnotatePage, text: string): Promise<void> {
  await app.spanItems().filter({ hasText: text }).getByRole('button').first().click();
}

test('two machines of one annotator, offline, merge span by span; the older version of a span both changed is in its history', async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const data = mkdtempSync(join(tmpdir(), 'team-two-'));
  let server = await startTeamServer(origin, ['--data', data]);
  try {
    const port = Number(new URL(server.url).port);
    setUpProject(server.url, { alice: [0] });
    const a = await machine(browser, server.url);
    const b = await machine(browser, server.url);

    // Shared start: "minister" (claim) and "said" (quote), labelled on A, pulled by B.
    await label(a.app, 4, 12, '1');
    await label(a.app, 13, 17, '2');
    await expect(a.page.getByTestId('sync-state')).toHaveText('Synced');
    await expect(b.app.spanItems()).toHaveCount(2, { timeout: 15_000 });

    expect(await server.stop()).toBe(0);
    // A: "prices" added, "said" deleted, "minister" → speculation.
    await label(a.app, 18, 24, '3');
    await pick(a.app, 'said');
    await a.page.getByRole('button', { name: /^Delete quote/ }).click();
    await a.app.expectSaved();
    await pick(a.app, 'minister');
    await a.page.getByRole('combobox', { name: 'Label of claim “minister”' }).selectOption('speculation');
    await a.app.expectSaved();
    await expect(a.page.getByTestId('sync-state')).toHaveText('Offline — 3 changes waiting', {
      timeout: 15_000,
    });
    // B, later: "rose" added, "minister" → quote (the newest change of that span: it wins).
    await label(b.app, 25, 29, '1');
    await pick(b.app, 'minister');
    await b.page.getByRole('combobox', { name: 'Label of claim “minister”' }).selectOption('quote');
    await b.app.expectSaved();
    await expect(b.page.getByTestId('sync-state')).toHaveText('Offline — 2 changes waiting', {
      timeout: 15_000,
    });

    server = await startTeamServer(origin, ['--data', data], port);
    const merged = ['18-24 figure', '25-29 claim', '4-12 quote'];
    await expect.poll(() => spansOnServer(server.url, article.text), { timeout: 30_000 }).toEqual(merged);
    for (const m of [a, b]) {
      await expect(m.page.getByTestId('sync-state')).toHaveText('Synced', { timeout: 30_000 });
      await expect(m.app.spanItems()).toHaveCount(3, { timeout: 15_000 });
      // "said" stays deleted on both.
      await expect(m.app.spanItems().filter({ hasText: 'said' })).toHaveCount(0);
      await pick(m.app, 'minister');
      await expect(m.page.getByRole('combobox', { name: /^Label of quote .minister/ })).toBeVisible();
      const earlier = m.page.getByRole('list', { name: 'Earlier versions' });
      await expect(earlier.getByRole('listitem')).toHaveCount(1, { timeout: 15_000 });
      await expect(earlier.getByRole('listitem')).toContainText('Speculation “minister” (4–12)');
      await expect(earlier.getByRole('listitem')).toContainText(/device [a-z0-9]+/);
    }
    await a.page.locator('aside.sidebar').screenshot({ path: testInfo.outputPath('span-history.png') });
  } finally {
    await server.stop();
    rmSync(data, { recursive: true, force: true });
  }
});
