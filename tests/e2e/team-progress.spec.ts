import type { Browser, Page } from '@playwright/test';

import { expect, test } from './fixtures';
import { AnnotatePage } from './pages/AnnotatePage';
import { ARTICLES, connectTeam, setUpProject, startTeamServer, team, type TeamServer } from './team-server';

// Issue 15 item 5: the lead's progress dashboard says what `marginalia team status --format json`
// says for the same server, and follows the annotators' work as it arrives. Three browser profiles.
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

async function profile(
  browser: Browser,
  user: string,
  password: string,
): Promise<{ page: Page; app: AnnotatePage }> {
  const page = await (await browser.newContext()).newPage();
  const app = new AnnotatePage(page);
  await app.open();
  await app.setName(user);
  await connectTeam(page, server.url, user, password);
  return { page, app };
}

interface Row {
  name: string;
  assigned: number;
  in_progress: number;
  done: number;
  spans: number;
  last_sync: string | null;
}

/** The dashboard's annotator table, as the CLI's JSON rows. */
async function dashboard(page: Page): Promise<Row[]> {
  const rows = page.getByRole('table', { name: 'Annotators' }).locator('tbody tr');
  const out: Row[] = [];
  for (const r of await rows.all()) {
    const n = async (f: string) => Number(await r.locator(`[data-field="${f}"]`).innerText());
    const time = r.locator('[data-field="last_sync"] time');
    out.push({
      name: (await r.getAttribute('data-annotator')) as string,
      assigned: await n('assigned'),
      in_progress: await n('in_progress'),
      done: await n('done'),
      spans: await n('spans'),
      last_sync: (await time.count()) > 0 ? await time.getAttribute('datetime') : null,
    });
  }
  // In name order, as the CLI lists them, whatever column the table is sorted by.
  return out.sort((a, b) => (a.name < b.name ? -1 : 1));
}

function cli(): Row[] {
  const s = JSON.parse(team(server.url, 'status', '--format', 'json')) as {
    users: (Row & { role: string })[];
  };
  return s.users.map(({ role: _role, ...u }) => u);
}

test('the lead’s progress dashboard agrees with `team status` and follows the work live', async ({
  browser,
}, testInfo) => {
  test.setTimeout(300_000);
  const lead = await profile(browser, 'lena', 'lena-pw');
  await lead.page.getByRole('button', { name: 'Progress' }).click();
  const view = lead.page.getByRole('region', { name: 'Progress' });
  await expect(view.getByTestId('progress-totals')).toContainText('3 documents · 4 assigned');

  const alice = await profile(browser, 'alice', 'alice-pw');
  const bob = await profile(browser, 'bob', 'bob-pw');
  const first = ARTICLES[0]?.title as string;
  const shared = ARTICLES[1]?.title as string;
  // alice: two spans in the first article and marks it done; one span in the shared one.
  await alice.app.openDocument(first);
  await alice.app.dragSelect(0, 3);
  await alice.page.keyboard.press('1');
  await alice.app.expectSaved();
  await alice.app.dragSelect(4, 12);
  await alice.page.keyboard.press('2');
  await alice.app.expectSaved();
  await alice.page.getByRole('combobox', { name: 'Status of this document' }).selectOption('done');
  await alice.app.openDocument(shared);
  await alice.app.dragSelect(0, 5);
  await alice.page.keyboard.press('1');
  await alice.app.expectSaved();
  // bob: one span in the shared article.
  await bob.app.openDocument(shared);
  await bob.app.dragSelect(0, 5);
  await bob.page.keyboard.press('3');
  await bob.app.expectSaved();
  for (const p of [alice.page, bob.page])
    await expect(p.getByTestId('sync-state')).toHaveText('Synced', { timeout: 30_000 });

  // Live, without a click at the lead: the figures arrive, and equal the CLI's for the same server.
  const rows = view.getByRole('table', { name: 'Annotators' });
  await expect(rows.locator('tr[data-annotator="alice"] [data-field="spans"]')).toHaveText('3', {
    timeout: 20_000,
  });
  await expect(rows.locator('tr[data-annotator="bob"] [data-field="spans"]')).toHaveText('1', {
    timeout: 20_000,
  });
  await expect
    .poll(async () => JSON.stringify(await dashboard(lead.page)), { timeout: 20_000 })
    .toBe(JSON.stringify(cli()));
  const shown = await dashboard(lead.page);
  expect(shown.map((r) => [r.name, r.assigned, r.in_progress, r.done, r.spans])).toEqual([
    ['alice', 2, 1, 1, 3],
    ['bob', 2, 1, 0, 1],
    ['lena', 0, 0, 0, 0],
  ]);
  expect(shown.find((r) => r.name === 'alice')?.last_sync).not.toBeNull();
  await expect(view.getByTestId('progress-totals')).toHaveText(
    '3 documents · 4 assigned · 2 in progress · 1 done · 4 spans · 1 documents done by everyone assigned',
  );
  // Per document: each annotator's status and span count.
  const docs = view.getByRole('list', { name: 'Documents' });
  await expect(docs.getByRole('listitem').filter({ hasText: shared }).getByTestId('doc-cells')).toHaveText(
    'alice: In progress, 1 span · bob: In progress, 1 span',
  );
  await expect(docs.getByRole('listitem').filter({ hasText: first }).getByTestId('doc-cells')).toHaveText(
    'alice: Done, 2 spans',
  );

  // Sortable from the keyboard: Tab to the "Spans" header of the annotators, Enter sorts most first.
  const spansHeader = rows.getByRole('button', { name: 'Spans' });
  await spansHeader.focus();
  await lead.page.keyboard.press('Enter');
  await expect(rows.locator('thead th').filter({ hasText: 'Spans' })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  await expect(rows.locator('tbody tr').first()).toHaveAttribute('data-annotator', 'alice');
  await lead.page.keyboard.press('Enter');
  await expect(rows.locator('tbody tr').first()).toHaveAttribute('data-annotator', 'lena');
  await view.getByRole('group', { name: 'Sort documents' }).getByRole('button', { name: 'Done' }).click();
  await expect(docs.getByRole('listitem').first()).toContainText(first);
  await lead.page.screenshot({ path: testInfo.outputPath('lead-progress.png') });

  // bob finishes the shared article: the dashboard follows, and still agrees with the CLI.
  await bob.page.getByRole('combobox', { name: 'Status of this document' }).selectOption('done');
  await expect(bob.page.getByTestId('sync-state')).toHaveText('Synced', { timeout: 30_000 });
  await expect(rows.locator('tr[data-annotator="bob"] [data-field="done"]')).toHaveText('1', {
    timeout: 20_000,
  });
  await expect
    .poll(async () => JSON.stringify(await dashboard(lead.page)), { timeout: 20_000 })
    .toBe(JSON.stringify(cli()));
});
