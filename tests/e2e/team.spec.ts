import { expect, test } from './fixtures';
import {
  ARTICLES,
  articleId,
  connectTeam,
  raw,
  setUpProject,
  startTeamServer,
  type TeamServer,
} from './team-server';

// Issue 15 step 2: the app's side of a team, against `marginalia server` started here on a free port.
const origin = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;
let server: TeamServer;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startTeamServer(origin);
  // alice gets the first two articles, bob the last two (overlap on the second).
  setUpProject(server.url, { alice: [0, 1], bob: [1, 2] });
});

test.afterAll(async () => {
  await server?.stop();
});

test('an annotator connects, sees exactly their articles, and a label reaches the server', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000);
  await connectTeam(page, server.url, 'alice', 'alice-pw');
  // The library is the team's: the two assigned articles, not the seeds nor bob's third.
  await expect(app.documents()).toHaveCount(2);
  await expect(app.documents().nth(0)).toContainText(ARTICLES[0]?.title as string);
  await expect(app.documents().nth(1)).toContainText(ARTICLES[1]?.title as string);
  // The annotator name is the team user name.
  await expect(page.getByRole('button', { name: /^Annotator: alice\./ })).toBeVisible();

  await app.openDocument(ARTICLES[0]?.title as string);
  await app.dragSelect(4, 12);
  await page.keyboard.press('1');
  await expect(app.spanItems()).toHaveCount(1);
  await app.expectSaved();
  await expect(page.getByTestId('sync-state')).toHaveText('Synced');

  // On the server, by raw HTTP as alice: her span set with the span, offsets in code points.
  const id = articleId(ARTICLES[0]?.text as string);
  await expect
    .poll(async () => {
      const r = await raw(
        server.url,
        `marginalia_demo_user_alice/${encodeURIComponent(`spans:${id}`)}`,
        'alice:alice-pw',
      );
      const spans = Object.values(
        (r.json?.['spans'] ?? {}) as Record<string, { start: number; end: number; label: string }>,
      );
      return spans.map((s) => `${s.start}-${s.end} ${s.label}`);
    })
    .toEqual(['4-12 claim']);
  // Nothing of the password in the app's storage.
  const stored = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('marginalia');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const out: unknown[] = [];
    for (const name of Array.from(db.objectStoreNames)) {
      out.push(
        await new Promise((resolve) => {
          const req = db.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => resolve(req.result);
        }),
      );
    }
    db.close();
    return JSON.stringify(out) + JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage });
  });
  expect(stored).not.toContain('alice-pw');
  expect(stored).toContain('marginalia_demo_user_alice');
});

test('a wrong password is refused in one sentence; the app is unchanged', async ({ app, page }) => {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const team = page.getByRole('region', { name: 'Team' });
  await team.getByRole('textbox', { name: 'Server URL' }).fill(server.url);
  await team.getByRole('textbox', { name: 'Project' }).fill('demo');
  await team.getByRole('textbox', { name: 'User name' }).fill('alice');
  await team.getByLabel('Password').fill('wrong');
  await team.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByTestId('settings-message')).toHaveText(
    `Wrong user name or password for ${server.url}.`,
  );
  await expect(team.getByRole('button', { name: 'Connect' })).toBeVisible();
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('sync-state')).toHaveCount(0);
  expect(await app.documents().count()).toBeGreaterThan(2);
});
