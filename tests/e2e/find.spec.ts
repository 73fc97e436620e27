import type { Page } from '@playwright/test';

import { expect, test } from './fixtures';
import { addArticle, cpSlice, storedRows } from './helpers';

/**
 * Find in the article (issue 19, "Search"): Ctrl+F opens the app's find bar, all matches are
 * highlighted, Enter / Shift+Enter step and scroll the current match into view, Esc closes with the
 * match selected and the focus in the article, and a label key then labels exactly the match, in code
 * points, with emoji and right-to-left text around.
 */
const filler = (i: number): string =>
  `Paragraph ${i}: analysts said the figures were in line with the forecast for the quarter.`;
const TEXT = [
  'Find test',
  '😀 The mayor said 👩‍👩‍👧 القاهرة would grow; the MAYOR of القاهرة disagreed.',
  ...Array.from({ length: 120 }, (_, i) => filler(i)),
  'At the very end 𝔘 the mayor spoke again.',
].join('\n');

interface Row {
  start: number;
  end: number;
  label: string;
}

const highlightSizes = (page: Page) =>
  page.evaluate(() => [
    CSS.highlights.get('m-found')?.size ?? 0,
    CSS.highlights.get('m-found-current')?.size ?? 0,
  ]);

const selectionText = (page: Page) => page.evaluate(() => window.getSelection()?.toString() ?? '');

test('Ctrl+F finds, steps, scrolls, and a label key labels exactly the match', async ({ app, page }) => {
  await addArticle(page, TEXT, 'Find test');
  await app.openDocument('Find test');
  await app.clickAt(2);

  await page.keyboard.press('Control+f');
  const input = page.getByRole('searchbox', { name: 'Find in article' });
  await expect(input).toBeFocused();
  await input.pressSequentially('mayor');
  const count = page.locator('.find-count');
  // From the caret (in "The"): the first match is the first "mayor".
  await expect(count).toHaveText('1 of 3');
  // Two are on screen (painted in the window); the current one is painted on top.
  await expect.poll(() => highlightSizes(page)).toEqual([2, 1]);

  await page.keyboard.press('Enter');
  await expect(count).toHaveText('2 of 3');
  await page.keyboard.press('Shift+Enter');
  await expect(count).toHaveText('1 of 3');
  await page.keyboard.press('Shift+Enter');
  await expect(count).toHaveText('3 of 3');
  // The last match is ~120 paragraphs down: scrolled into view, painted as current.
  const last = page.locator('.m-paragraph').last();
  await expect(last).toBeInViewport();
  await expect.poll(async () => (await highlightSizes(page))[1]).toBe(1);

  await page.keyboard.press('Enter');
  await expect(count).toHaveText('1 of 3');
  await page.keyboard.press('Enter');
  await expect(count).toHaveText('2 of 3');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('search', { name: 'Find in article' })).toHaveCount(0);
  await expect(app.article).toBeFocused();
  expect(await selectionText(page)).toBe('MAYOR');
  await expect.poll(() => highlightSizes(page)).toEqual([0, 0]);

  await page.keyboard.press('2');
  await expect(app.spanItems()).toHaveCount(1);
  await app.expectSaved();
  const at = Array.from(TEXT.slice(0, TEXT.indexOf('MAYOR'))).length;
  expect(await storedRows<Row>(page, 'spans')).toMatchObject([{ start: at, end: at + 5, label: 'quote' }]);
});

test('a match inside a word is labelled exactly, not widened to the word; RTL matches in code points', async ({
  app,
  page,
}) => {
  await addArticle(page, TEXT, 'Find test');
  await app.openDocument('Find test');
  await app.clickAt(0);

  await page.keyboard.press('Control+f');
  await page.keyboard.type('ayo');
  await expect(page.locator('.find-count')).toHaveText('1 of 3');
  await page.keyboard.press('Escape');
  await page.keyboard.press('1');
  await expect(app.spanItems()).toHaveCount(1);

  await page.keyboard.press('Control+f');
  const input = page.getByRole('searchbox', { name: 'Find in article' });
  await expect(input).toBeFocused();
  await input.fill('القاهرة');
  await expect(page.locator('.find-count')).toHaveText(/^\d of 2$/);
  await page.keyboard.press('Shift+Enter');
  await expect(page.locator('.find-count')).toHaveText('2 of 2');
  await page.keyboard.press('Escape');
  await page.keyboard.press('3');
  await expect(app.spanItems()).toHaveCount(2);
  await app.expectSaved();

  const rows = (await storedRows<Row>(page, 'spans')).sort((a, b) => a.start - b.start);
  expect(rows.map((r) => [r.label, cpSlice(TEXT, r.start, r.end)])).toEqual([
    ['claim', 'ayo'],
    ['figure', 'القاهرة'],
  ]);
  // The second القاهرة, after emoji: its offset counts code points (👩‍👩‍👧 is five).
  expect(rows[1]?.start).toBe(Array.from(TEXT.slice(0, TEXT.lastIndexOf('القاهرة'))).length);
});

test('Esc with no match returns the focus where it was', async ({ app, page }) => {
  await addArticle(page, TEXT, 'Find test');
  await app.openDocument('Find test');
  const undo = page.getByRole('button', { name: 'Undo' });
  const snap = page.getByRole('button', { name: /Snap to words/ });
  await snap.focus();
  await page.keyboard.press('Control+f');
  await page.keyboard.type('nowhere to be found');
  await expect(page.locator('.find-count')).toHaveText('No matches');
  await page.keyboard.press('Escape');
  await expect(snap).toBeFocused();
  await expect(undo).toBeDisabled();
});
