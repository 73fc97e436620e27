import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { expect, test } from './fixtures';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** Issue 19 item 12: the small things a careful annotator or lead trips over. */
test('the inspector quotes a quotation once', async ({ app, page }) => {
  const text = await app.text();
  const phrase = '“remains, unequivocally, an independent company.”';
  const start = Array.from(text.slice(0, text.indexOf(phrase))).length;
  // Character precision, so the selection is exactly the quotation, marks included.
  await app.clickAt(0);
  await page.keyboard.press('w');
  await app.dragSelect(start, start + Array.from(phrase).length);
  await page.keyboard.press('2');
  await app.expectSaved();
  await app.clickAt(start + 5);
  await expect(app.inspector().locator('.excerpt')).toHaveText(phrase);
  await expect(app.inspector().getByRole('textbox', { name: `Note on quote ${phrase}` })).toBeVisible();
});

test('the Formats dialog shows the format documentation rendered, not as Markdown source', async ({
  page,
  app,
}) => {
  await app.page.getByRole('button', { name: 'Formats' }).click();
  const dialog = page.getByRole('dialog', { name: 'File formats' });
  const doc = dialog.getByRole('document', { name: 'File formats documentation' });
  await expect(doc.getByRole('heading', { name: 'Native JSONL, version 1' })).toBeVisible();
  await expect(doc.locator('table').first()).toBeVisible();
  await expect(doc.locator('code').first()).toBeVisible();
  await expect(doc.locator('strong', { hasText: 'Offsets.' })).toBeVisible();
  const shown = (await doc.textContent()) ?? '';
  expect(shown).not.toContain('## Native');
  expect(shown).not.toContain('**Offsets.**');
  expect(shown).not.toContain('| --- |');
  // The scroller can be reached and scrolled with the keyboard.
  await expect(doc).toHaveAttribute('tabindex', '0');
});

test('with the sidebar hidden the title stands over the text', async ({ app: _app, page }) => {
  const lefts = () =>
    page.evaluate(() => {
      const title = document.querySelector('.article-title') as HTMLElement;
      const p = document.querySelector('[data-testid="article"] .m-paragraph') as HTMLElement;
      const r = document.createRange();
      r.setStart(p.firstChild?.firstChild as Text, 0);
      r.setEnd(p.firstChild?.firstChild as Text, 1);
      return { title: title.getBoundingClientRect().left, text: r.getBoundingClientRect().left };
    });
  const open = await lefts();
  expect(Math.abs(open.title - open.text)).toBeLessThan(1);
  await page.getByRole('button', { name: 'Sidebar' }).click();
  await expect(page.getByRole('complementary', { name: 'Annotations' })).toHaveCount(0);
  const hidden = await lefts();
  expect(hidden.text).toBeGreaterThan(open.text + 100);
  expect(Math.abs(hidden.title - hidden.text)).toBeLessThan(1);
});

test('the header shows annotating controls only while annotating', async ({ app, page }) => {
  const nav = page.getByRole('group', { name: 'Document navigation' });
  await expect(nav.getByRole('button', { name: 'Next ›' })).toBeVisible();
  await page.getByRole('button', { name: 'Agreement' }).click();
  await expect(page.getByRole('region', { name: 'Agreement' })).toBeVisible();
  await expect(nav.getByRole('button', { name: 'Next ›' })).toBeHidden();
  await expect(page.getByRole('combobox', { name: 'Status of this document' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Sidebar' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Back to annotating' }).click();
  await expect(nav.getByRole('button', { name: 'Next ›' })).toBeVisible();
  await expect(app.article).toBeVisible();
});

test('at 1280 px the header holds every action on one row', async ({ app: _app, page }) => {
  const tops = await page
    .locator('.app-header > button, .app-header .doc-nav > *')
    .evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
  expect(tops.length).toBeGreaterThan(10);
  expect(new Set(tops).size).toBe(1);
});

test('the first span moves a document from to do to in progress; a later label leaves the status', async ({
  app,
  page,
}) => {
  const status = page.getByRole('combobox', { name: 'Status of this document' });
  await expect(status).toHaveValue('todo');
  await app.dragSelect(0, 14);
  await page.keyboard.press('1');
  await expect(status).toHaveValue('in_progress');
  await expect(app.documents().first().getByRole('combobox')).toHaveValue('in_progress');
  await status.selectOption('done');
  await expect(app.status()).toHaveText('Status saved: Done.');
  await app.dragSelect(15, 18);
  await page.keyboard.press('2');
  await app.expectSaved();
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Status of this document' })).toHaveValue('done');
});

test('a backup names the app version it was made by', async ({ app, page }) => {
  await app.page.getByRole('button', { name: 'Settings' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Back up now' }).click(),
  ]);
  const header = JSON.parse(readFileSync(await download.path(), 'utf8').split('\n')[0] as string) as {
    app_version: string;
  };
  expect(header.app_version).toBe(VERSION);
  expect(VERSION).not.toBe('0.0.0');
});
