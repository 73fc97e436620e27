import type { Browser, Page } from '@playwright/test';

import { expect, test } from './fixtures';
import { AnnotatePage } from './pages/AnnotatePage';
import {
  ADMIN,
  ARTICLES,
  connectTeam,
  raw,
  setUpProject,
  startTeamServer,
  type TeamServer,
} from './team-server';

// Issue 15, "The lead reviews live": the lead long-polls the project's feed (docs/team.md, "The
// lead's live feed") instead of polling every user database; a span alice labels shows in the
// lead's Agreement view, with no reload and no click, within a bound. The delays are measured.
const origin = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;
const shared = ARTICLES[1] as { title: string; text: string };
/** Words of the shared article ("Rates will fall next spring, analysts say.") alice labels, timed. */
const WORDS: [number, number][] = [
  [6, 10],
  [11, 15],
  [16, 20],
  [21, 27],
  [29, 37],
  [38, 41],
];
let server: TeamServer;

// The polling test counts on the spans the first one labelled: after a failure Playwright starts a
// new worker, whose beforeAll makes a fresh project where the second test could only time out.
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startTeamServer(origin);
  setUpProject(server.url, { alice: [1], bob: [1] });
});

test.afterAll(async () => {
  await server?.stop();
});

async function profile(browser: Browser, user: string, password: string): Promise<AnnotatePage> {
  const page = await (await browser.newContext()).newPage();
  const app = new AnnotatePage(page);
  await app.open();
  await app.setName(user);
  await connectTeam(page, server.url, user, password);
  return app;
}

async function label(app: AnnotatePage, start: number, end: number, key = '1'): Promise<number> {
  await app.dragSelect(start, end);
  const at = Date.now();
  await app.page.keyboard.press(key);
  return at;
}

/** Polls the lead's text every 25 ms and answers when it first contains `text`. */
async function seenAt(page: Page, testId: string, text: string, within: number): Promise<number> {
  const end = Date.now() + within;
  while (Date.now() < end) {
    if ((await page.getByTestId(testId).textContent())?.includes(text)) return Date.now();
    await page.waitForTimeout(25);
  }
  throw new Error(`"${text}" did not show at the lead within ${within} ms`);
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2
    ? (s[(s.length - 1) / 2] as number)
    : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};

test('a span alice labels shows in the lead’s Agreement view by itself, each within 5 s, the median under 3 s', async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const lead = await profile(browser, 'lena', 'lena-pw');
  const alice = await profile(browser, 'alice', 'alice-pw');
  const bob = await profile(browser, 'bob', 'bob-pw');
  // Every `_changes` the lead asks for, by database, to show it follows the feed and does not poll.
  const asked: string[] = [];
  // When the lead starts a full round: it reads the feed's info first (sync-service.ts, round).
  const fullRounds: number[] = [];
  lead.page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/marginalia_demo_feed') fullRounds.push(Date.now());
    const m = /\/([^/?]+)\/_changes/.exec(r.url());
    if (m?.[1]) asked.push(m[1]);
  });

  for (const app of [alice, bob]) {
    await app.openDocument(shared.title);
    await label(app, 0, 5);
    await app.expectSaved();
  }
  const row = lead.documents().filter({ hasText: shared.title });
  await expect(row.getByTestId('team-status')).toHaveText('alice: In progress · bob: In progress', {
    timeout: 15_000,
  });
  await lead.page.getByRole('button', { name: 'Agreement' }).click();
  const view = lead.page.getByRole('region', { name: 'Agreement' });
  await view.getByRole('button', { name: 'Compute agreement' }).click();
  await expect(view.getByTestId('basis')).toContainText('spans: alice 1, bob 1', { timeout: 30_000 });

  // Quiet for 3 s: the lead waits on the feed, it does not ask the users' databases. Its full round
  // asks them all by design every 30 s (new articles and roster changes are not announced); whether
  // one falls into the window depends only on how long the steps above took (under load they took
  // 30 s), so a window a full round touched is taken again once, after it.
  await lead.page.waitForTimeout(1_000);
  expect(asked).toContain('marginalia_demo_feed');
  const quiet = async () => {
    asked.length = 0;
    const from = Date.now();
    await lead.page.waitForTimeout(3_000);
    const users = asked.filter((db) => db.includes('_user_'));
    return { users, fullRound: fullRounds.some((t) => t > from - 2_000) };
  };
  let window = await quiet();
  if (window.fullRound) {
    await lead.page.waitForTimeout(2_000);
    window = await quiet();
  }
  expect(window).toEqual({ users: [], fullRound: false });

  const delays: number[] = [];
  for (const [i, [start, end]] of WORDS.entries()) {
    const at = await label(alice, start, end);
    const seen = await seenAt(lead.page, 'basis', `spans: alice ${i + 2}, bob 1`, 5_000);
    delays.push(seen - at);
    await alice.expectSaved();
    await lead.page.waitForTimeout(500);
  }
  const figures = { delays_ms: delays, median_ms: median(delays) };
  testInfo.annotations.push({ type: 'visible_at_lead_ms', description: JSON.stringify(figures) });
  console.log(`visible at the lead: ${JSON.stringify(figures)}`);
  await lead.page.screenshot({ path: testInfo.outputPath('lead-live.png') });
  // The target is 2 s (measured 1.0–1.75 s here); the bound leaves room for a loaded CI machine.
  expect(figures.median_ms).toBeLessThan(3_000);
  await expect(lead.page.locator('.status-line')).not.toHaveClass(/status-error/);
});

test('without the project feed (a project set up before it existed), the lead falls back to polling and still follows', async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  expect((await raw(server.url, 'marginalia_demo_feed', ADMIN, 'DELETE')).status).toBe(200);
  const lead = await profile(browser, 'lena', 'lena-pw');
  const alice = await profile(browser, 'alice', 'alice-pw');
  await alice.openDocument(shared.title);
  await lead.page.getByRole('button', { name: 'Agreement' }).click();
  const view = lead.page.getByRole('region', { name: 'Agreement' });
  const before = 1 + WORDS.length;
  await expect(view.getByRole('button', { name: 'Compute agreement' })).toBeEnabled({ timeout: 30_000 });
  await view.getByRole('button', { name: 'Compute agreement' }).click();
  await expect(view.getByTestId('basis')).toContainText(`spans: alice ${before}, bob 1`, { timeout: 30_000 });
  const delays: number[] = [];
  for (const [i, [start, end]] of WORDS.slice(0, 3).entries()) {
    const at = await label(alice, start, end, '2');
    const seen = await seenAt(lead.page, 'basis', `spans: alice ${before + i + 1}, bob 1`, 5_000);
    delays.push(seen - at);
    await alice.expectSaved();
    await lead.page.waitForTimeout(500);
  }
  const figures = { delays_ms: delays, median_ms: median(delays) };
  testInfo.annotations.push({ type: 'visible_at_lead_polling_ms', description: JSON.stringify(figures) });
  console.log(`visible at the lead, polling: ${JSON.stringify(figures)}`);
  // alice's pushes were not held up by the missing feed.
  await expect(alice.page.getByTestId('sync-state')).toHaveText('Synced');
});
