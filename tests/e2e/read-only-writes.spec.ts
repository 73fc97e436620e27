import { readFileSync } from 'node:fs';

import type { Locator, Page } from '@playwright/test';

import { expect, test } from './fixtures';
import { fillDisk, freeDisk, storedDump, storedRows, storedTitles } from './helpers';
import type { AnnotatePage } from './pages/AnnotatePage';

// Issue 17: every user-data write a feature can start passes the one read-only gate of the session's
// command queue. The app turns read-only on a real write failure (a full disk); the disk is then
// freed at once, so any write that still reached IndexedDB would be stored: what is refused below
// is refused by the gate, before any write is tried. A restart ends read-only and each write works.

const FULL = 'The disk is full';
const SERVER = 'http://127.0.0.1:4409';

const settings = (page: Page) => page.getByRole('dialog', { name: 'Settings' });
const details = (page: Page) => page.getByRole('dialog', { name: 'Document details' });
const help = (page: Page) => page.getByRole('dialog', { name: 'Keyboard shortcuts' });

async function openSettings(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(settings(page)).toBeVisible();
  return settings(page);
}

async function closeSettings(page: Page): Promise<void> {
  await settings(page).getByRole('button', { name: 'Close' }).click();
  await expect(settings(page)).toBeHidden();
}

async function setStatus(app: AnnotatePage): Promise<void> {
  await app.page.getByRole('combobox', { name: 'Status of this document' }).selectOption('done');
}

async function editTitle(page: Page, title: string): Promise<Locator> {
  const shown = (await page.locator('.article-title').textContent()) ?? '';
  await page
    .getByRole('button', { name: `Details of ${shown}`, exact: true })
    .first()
    .click();
  const dialog = details(page);
  await dialog.getByRole('textbox', { name: 'Title' }).fill(title);
  await dialog.getByRole('textbox', { name: 'Title' }).press('Enter');
  return dialog;
}

async function rename(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: /^Annotator: / }).click();
  await page.getByRole('textbox', { name: 'Annotator name' }).fill(name);
  await page.getByRole('button', { name: 'Save name' }).click();
}

async function editGuidelines(page: Page, definition: string): Promise<Locator> {
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  const guide = help(page).getByRole('region', { name: 'Label guidelines' });
  await guide.getByRole('button', { name: 'Edit guidelines' }).click();
  await guide.getByRole('textbox', { name: 'Definition of claim' }).fill(definition);
  await guide.getByRole('button', { name: 'Save guidelines' }).click();
  return guide;
}

/** Drops a one-article file on the window, as a file manager would. */
async function dropArticle(page: Page, text: string): Promise<Locator> {
  const dt = await page.evaluateHandle((t) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([t], 'dropped.txt'));
    return transfer;
  }, text);
  await page.dispatchEvent('main', 'dragover', { dataTransfer: dt });
  await page.dispatchEvent('main', 'drop', { dataTransfer: dt });
  return page.getByRole('dialog', { name: 'Import' });
}

async function setKeep(page: Page, n: number): Promise<void> {
  await settings(page).getByRole('spinbutton', { name: 'Backups to keep' }).fill(String(n));
}

async function connectTeam(page: Page): Promise<void> {
  const team = settings(page).getByRole('region', { name: 'Team' });
  await team.getByRole('textbox', { name: 'Server URL' }).fill(SERVER);
  await team.getByRole('textbox', { name: 'Project' }).fill('p');
  await team.getByRole('textbox', { name: 'User name' }).fill('alice');
  await team.getByLabel('Password').fill('secret');
  await team.getByRole('button', { name: 'Connect' }).click();
}

async function restoreNewest(page: Page): Promise<void> {
  // The chooser shows its select once the kept backups are listed.
  await expect(settings(page).getByRole('combobox', { name: 'Backup to restore' })).toBeVisible();
  await settings(page).getByRole('button', { name: 'Restore from backup…' }).click();
  const question = settings(page).getByRole('alertdialog', { name: 'Replace your data with this backup?' });
  await question.getByRole('button', { name: 'Replace with this backup' }).click();
}

const setting = async (page: Page, key: string): Promise<unknown> =>
  (await storedRows<{ key: string; value: unknown }>(page, 'settings')).find((r) => r.key === key)?.value;

test('while read-only every user-data write is refused with the read-only message and nothing is stored; after a restart each works', async ({
  app,
}) => {
  test.setTimeout(120_000);
  const { page } = app;
  const asked: string[] = [];
  await page.route(`${SERVER}/**`, (route) => {
    asked.push(route.request().url());
    return route.abort();
  });
  await app.keyboardSelect(0, 6);
  await page.keyboard.press('1');
  await app.expectSaved();
  // A backup to restore later (the browser keeps it as a snapshot).
  await openSettings(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    settings(page).getByRole('button', { name: 'Back up now' }).click(),
  ]);
  expect(readFileSync(await download.path(), 'utf8')).toContain('"label":"claim"');
  // The download starts before the snapshot is read and kept; a full disk that came first would
  // refuse the snapshot ("could not also be kept") and leave nothing to restore below.
  await expect(page.getByTestId('settings-message')).toHaveText(/^Backup saved as [^()]+\.jsonl\.$/);
  await expect(settings(page).getByRole('combobox', { name: 'Backup to restore' })).toBeVisible();
  await closeSettings(page);
  const title = (await page.locator('.article-title').textContent()) ?? '';

  // Read-only, entered as the app does: a label's write meets a full disk.
  await fillDisk(page);
  await app.keyboardSelect(10, 5);
  await page.keyboard.press('2');
  await expect(page.getByTestId('read-only')).toContainText(FULL);
  await freeDisk(page);
  const before = await storedDump(page);

  await setStatus(app);
  await expect(app.status()).toContainText(FULL);

  const dialog = await editTitle(page, 'A new title');
  await expect(dialog.getByRole('alert')).toContainText(FULL);
  await dialog.getByRole('button', { name: 'Close' }).click();

  await rename(page, 'bob');
  await expect(app.status()).toContainText(FULL);
  await expect(page.getByRole('button', { name: /^Annotator: alice/ })).toBeVisible();

  const guide = await editGuidelines(page, 'Edited while read-only.');
  await expect(guide.getByRole('alert')).toContainText(FULL);
  await guide.getByRole('button', { name: 'Cancel' }).click();
  await help(page).getByRole('button', { name: 'Close' }).click();

  const importing = await dropArticle(page, 'Dropped while read-only.\nSecond line.');
  await expect(importing).toContainText(`Import failed: ${FULL}`);
  await importing.getByRole('button', { name: 'Close' }).click();

  await openSettings(page);
  await setKeep(page, 5);
  await expect(page.getByTestId('settings-message')).toContainText(`Not saved: ${FULL}`);
  await connectTeam(page);
  await expect(page.getByTestId('settings-message')).toContainText(FULL);
  expect(asked, 'no sign-in request while read-only').toEqual([]);
  await restoreNewest(page);
  await expect(page.getByTestId('settings-message')).toContainText(`Not restored: ${FULL}`);
  await closeSettings(page);

  // Nothing of any of them reached IndexedDB, and the screen shows what is stored.
  expect(await storedDump(page)).toEqual(before);
  await expect(page.locator('.article-title')).toHaveText(title);
  await expect(app.spanItems()).toHaveCount(1);

  // Read-only ends (the disk has room again and the app restarts): each write works.
  await page.reload();
  await expect(app.article.locator('p').first()).toBeVisible();
  await expect(page.getByTestId('read-only')).toHaveCount(0);

  await setStatus(app);
  await expect(app.status()).toHaveText('Status saved: Done.');

  const again = await editTitle(page, 'A new title');
  await expect(again.getByRole('alert')).toHaveCount(0);
  await again.getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('.article-title')).toHaveText('A new title');

  const guideAgain = await editGuidelines(page, 'Edited once writable.');
  await expect(guideAgain).toContainText('Edited once writable.');
  await help(page).getByRole('button', { name: 'Close' }).click();

  const importAgain = await dropArticle(page, 'Dropped once writable.\nSecond line.');
  await expect(importAgain.getByRole('list', { name: 'Import report' })).toContainText('1 new document');
  await importAgain.getByRole('button', { name: 'Close' }).click();

  await openSettings(page);
  await setKeep(page, 5);
  await connectTeam(page);
  // Past the gate: the sign-in request goes to the server (none answers here).
  await expect.poll(() => asked.length).toBeGreaterThan(0);
  await closeSettings(page);

  await rename(page, 'bob');
  await expect(page.getByRole('button', { name: /^Annotator: bob/ })).toBeVisible();

  expect(await storedTitles(page)).toEqual(expect.arrayContaining(['A new title', 'Dropped once writable.']));
  const progress = await storedRows<{ annotator: string; status: string }>(page, 'progress');
  expect(progress).toEqual(
    expect.arrayContaining([expect.objectContaining({ annotator: 'alice', status: 'done' })]),
  );
  expect(await setting(page, 'annotator')).toBe('bob');
  expect(await setting(page, 'backupKeep')).toBe(5);
  expect(await setting(page, 'guidelines')).toMatchObject({ claim: { definition: 'Edited once writable.' } });

  // Restore last: it replaces everything above with the newest backup.
  await openSettings(page);
  await restoreNewest(page);
  await expect(page.getByTestId('settings-message')).toContainText('Restored the backup');
  await closeSettings(page);
});
