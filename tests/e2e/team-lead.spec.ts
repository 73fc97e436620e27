import type { Browser, Page } from '@playwright/test';

import { expect, test } from './fixtures';
import { AnnotatePage } from './pages/AnnotatePage';
import {
  ARTICLES,
  articleId,
  connectTeam,
  raw,
  setUpProject,
  startTeamServer,
  type TeamServer,
} from './team-server';

// Issue 15 step 2, the lead's side: three browser profiles (two annotators and a lead) against a
// `marginalia server` started here; the lead's views follow the annotators' work as it arrives.
const origin = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;
let server: TeamServer;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startTeamServer(origin);
  setUpProject(server.url, { alice: [0, 1], bob: [1, 2] });
});

test.afterAll(async () => {
  await server?.stop();
});

/** A new browser profile, signed in to the team as `user`. */
async function profile(
  browser: Browser,
  user: string,
  password: string,
): Promise<{ page: Page; app: AnnotatePage }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const app = new AnnotatePage(page);
  await app.open();
  await app.setName(user);
  await connectTeam(page, server.url, user, password);
  return { page, app };
}

async function label(
  app: AnnotatePage,
  title: string,
  start: number,
  end: number,
  key: string,
): Promise<void> {
  await app.openDocument(title);
  await app.dragSelect(start, end);
  await app.page.keyboard.press(key);
  await app.expectSaved();
}

test('the lead sees every document with each annotator’s status, agreement live, and gold that replicates', async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const shared = ARTICLES[1]?.title as string;
  const lead = await profile(browser, 'lena', 'lena-pw');
  const alice = await profile(browser, 'alice', 'alice-pw');
  const bob = await profile(browser, 'bob', 'bob-pw');

  // The lead's library: every article, each with its annotators' status.
  await expect(lead.app.documents()).toHaveCount(3);
  const row = lead.app.documents().filter({ hasText: shared });
  await expect(row.getByTestId('team-status')).toHaveText('alice: To do · bob: To do');

  await label(alice.app, shared, 0, 5, '1');
  await label(bob.app, shared, 0, 5, '1');
  await expect(row.getByTestId('team-status')).toHaveText('alice: In progress · bob: In progress', {
    timeout: 15_000,
  });

  // Agreement at the lead, without importing anything.
  await lead.page.getByRole('button', { name: 'Agreement' }).click();
  const view = lead.page.getByRole('region', { name: 'Agreement' });
  await view.getByRole('button', { name: 'Compute agreement' }).click();
  const docs = view.getByRole('region', { name: 'Documents, worst first' });
  await expect(docs).toContainText(shared);
  await expect(view.getByTestId('basis')).toContainText('spans: alice 1, bob 1', { timeout: 15_000 });
  await lead.page.screenshot({ path: testInfo.outputPath('lead-agreement-before.png') });

  // alice adds a span: the lead's figures follow, with no click.
  await label(alice.app, shared, 10, 15, '2');
  await expect(view.getByTestId('basis')).toContainText('spans: alice 2, bob 1', { timeout: 15_000 });
  await lead.page.screenshot({ path: testInfo.outputPath('lead-agreement-after.png') });
  // Nothing was refused on the way (the articles database's design document is not an article).
  await expect(lead.page.locator('.status-line')).not.toHaveClass(/status-error/);

  // Adjudication: accept what both agree on; the gold set is on the server.
  await docs
    .getByRole('button', { name: new RegExp(shared) })
    .first()
    .click();
  const dis = lead.page.getByRole('region', { name: 'Disagreements' });
  await dis.getByRole('button', { name: /Accept everything all annotators agree on \(1\)/ }).click();
  const id = articleId(ARTICLES[1]?.text as string);
  await expect
    .poll(
      async () => {
        const r = await raw(
          server.url,
          `marginalia_demo_gold/${encodeURIComponent(`spans:${id}`)}`,
          'lena:lena-pw',
        );
        const spans = Object.values(
          (r.json?.['spans'] ?? {}) as Record<string, { start: number; end: number; label: string }>,
        );
        return spans.map((s) => `${s.start}-${s.end} ${s.label}`);
      },
      { timeout: 15_000 },
    )
    .toEqual(['0-5 claim']);
  // An annotator may not read gold before it is released.
  expect(
    (await raw(server.url, `marginalia_demo_gold/${encodeURIComponent(`spans:${id}`)}`, 'alice:alice-pw'))
      .status,
  ).toBe(401);
});
