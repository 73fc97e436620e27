import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { expect, test } from './fixtures';
import { ARTICLES, connectTeam, setUpProject, spansOnServer, startTeamServer } from './team-server';

// Issue 15, "Nothing is lost": the server stops (SIGTERM) while an annotator keeps labelling, and
// comes back on the same port and data directory; the app notices both by itself.
const origin = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;

test('the server restarts with --data while an annotator labels: "Offline — N changes waiting", then "Synced" by itself', async ({
  app,
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const data = mkdtempSync(join(tmpdir(), 'team-offline-'));
  let server = await startTeamServer(origin, ['--data', data]);
  try {
    const port = Number(new URL(server.url).port);
    setUpProject(server.url, { alice: [0, 1] });
    const [first, second] = [ARTICLES[0], ARTICLES[1]] as { title: string; text: string }[] as [
      { title: string; text: string },
      { title: string; text: string },
    ];
    await connectTeam(page, server.url, 'alice', 'alice-pw');
    const state = page.getByTestId('sync-state');
    // The article must not move when the header's sync state changes its words: a reader's eye (and
    // a drag in progress) stays on the same text. It did move, by the width the longer words added:
    // the header did not wrap, and the page grew wider than the window to hold it.
    const geometry = () =>
      page.evaluate(() => {
        const a = document.querySelector('[data-testid="article"]')?.getBoundingClientRect();
        return {
          left: a?.left,
          top: a?.top,
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        };
      });
    const synced = await geometry();
    expect(synced.overflow, 'the page is no wider than the window').toBeLessThanOrEqual(0);

    await app.openDocument(first.title);
    await app.dragSelect(4, 12);
    await page.keyboard.press('1');
    await app.expectSaved();
    await expect(state).toHaveText('Synced');
    await expect.poll(() => spansOnServer(server.url, first.text)).toEqual(['4-12 claim']);

    expect(await server.stop()).toBe(0);
    // Offline, the annotator keeps labelling: a span added and one deleted here, one added there.
    await app.dragSelect(13, 17);
    await page.keyboard.press('2');
    await app.expectSaved();
    await expect(state).toHaveText('Offline — 1 change waiting', { timeout: 15_000 });
    await app.clickAt(6);
    await page.getByRole('button', { name: /^Delete claim/ }).click();
    await app.expectSaved();
    await expect(state).toHaveText('Offline — 2 changes waiting', { timeout: 15_000 });
    await app.openDocument(second.title);
    await app.dragSelect(0, 5);
    await page.keyboard.press('3');
    await app.expectSaved();
    // The first label of an article also sets it "In progress": one change, not two.
    await expect(state).toHaveText('Offline — 3 changes waiting', { timeout: 15_000 });
    expect(await geometry(), 'the article stays where it was while Synced').toEqual(synced);
    await page.locator('.app-header').screenshot({ path: testInfo.outputPath('header-offline.png') });

    // Back on the same port and data directory: the app retries by itself (no click, no reload).
    server = await startTeamServer(origin, ['--data', data], port);
    await expect(state).toHaveText('Synced', { timeout: 30_000 });
    await page.locator('.app-header').screenshot({ path: testInfo.outputPath('header-synced.png') });
    expect(await spansOnServer(server.url, first.text)).toEqual(['13-17 quote']);
    expect(await spansOnServer(server.url, second.text)).toEqual(['0-5 figure']);
    // The session cookie outlived the restart: no "signed out".
    await expect(page.locator('.status-line')).not.toHaveClass(/status-error/);
  } finally {
    await server.stop();
    rmSync(data, { recursive: true, force: true });
  }
});
