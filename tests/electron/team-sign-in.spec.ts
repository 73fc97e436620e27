import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import {
  articleId,
  ARTICLES,
  connectTeam,
  startTeamServer,
  setUpProject,
  team,
  type TeamServer,
} from '../e2e/team-server';
import { type BridgedWindow, expect, test } from './fixtures';

/**
 * Issue 15 on the desktop, through the real main process: Connect keeps the password encrypted by
 * safeStorage in <userData>/team-sign-in.json; when the server's session ends (the cookie gone from
 * the session), main signs in again with net.fetch and the sync carries on without asking;
 * Disconnect deletes the file. Where the OS has no real encryption (Linux without a keyring,
 * 'basic_text') nothing is kept and the header says to sign in by hand. Skipped without an Electron
 * binary (fixtures.ts says why).
 */
let server: TeamServer | undefined;

test.afterEach(async () => {
  await server?.stop();
  server = undefined;
});

test('signs in again from main when the session ends, and Disconnect forgets the password', async ({
  electronApp,
  appPage,
  userDataDir,
}) => {
  test.setTimeout(180_000);
  server = await startTeamServer('app://marginalia');
  setUpProject(server.url, { alice: [0, 1] });
  const kept = path.join(userDataDir, 'team-sign-in.json');
  const backend = await electronApp.evaluate(async ({ safeStorage }) =>
    process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os',
  );
  const keyring = backend !== 'basic_text' && backend !== 'unknown';

  await connectTeam(appPage, server.url, 'alice', 'alice-pw');
  expect(existsSync(kept)).toBe(keyring);
  if (keyring) expect(await readFile(kept, 'utf8')).not.toContain('alice-pw');

  // The session ends: the cookie is gone from the session main and the page share.
  await electronApp.evaluate(async ({ session }) => {
    await session.defaultSession.clearStorageData({ storages: ['cookies'] });
  });
  team(server.url, 'assign', '--user', 'alice', '--docs', articleId(ARTICLES[2]?.text as string));
  const state = appPage.getByTestId('sync-state');
  if (keyring) {
    // The new assignment arrives: the pull after the 401 ran with the session main signed in again.
    await expect(appPage.getByText(ARTICLES[2]?.title as string)).toBeVisible({ timeout: 60_000 });
    await expect(state).toHaveText('Synced', { timeout: 30_000 });
    const cookies = await electronApp.evaluate(({ session }) =>
      session.defaultSession.cookies.get({ name: 'AuthSession' }),
    );
    expect(cookies.length).toBe(1);
  } else {
    await expect(state).toContainText('no password is saved on this computer', { timeout: 60_000 });
  }

  await appPage.getByRole('button', { name: 'Settings', exact: true }).click();
  await appPage.getByRole('region', { name: 'Team' }).getByRole('button', { name: 'Disconnect' }).click();
  await expect.poll(() => existsSync(kept)).toBe(false);
  const again = await appPage.evaluate(() => (window as unknown as BridgedWindow).marginalia.signInAgain());
  expect(again).toEqual({
    ok: true,
    value: {
      signedIn: false,
      reason: 'no password is saved on this computer: sign in again in Settings → Team.',
    },
  });
});

test('the sign-in channels refuse a server the page names in clear over the network', async ({ appPage }) => {
  const r = await appPage.evaluate(() =>
    (window as unknown as BridgedWindow).marginalia.rememberTeamSignIn({
      serverUrl: 'http://couch.example.org',
      user: 'alice',
      password: 'pw',
    }),
  );
  expect(r.ok).toBe(false);
});
