import type { Page } from '@playwright/test';

import { expect, test } from './fixtures';
import { storedRows } from './helpers';

/** The article view's own behaviour: word snapping, find, overlap decorations, announcements. */

interface StoredSpan {
  start: number;
  end: number;
  label: string;
}

const storedTexts = async (page: Page, text: string): Promise<string[]> =>
  (await storedRows<StoredSpan>(page, 'spans'))
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((s) => `${s.label}:${Array.from(text).slice(s.start, s.end).join('')}`);

test('selections snap to whole words; W switches to character precision and back', async ({ app, page }) => {
  const text = await app.text();
  expect(text.startsWith('AI firm OpenAI has begun winding down')).toBe(true);
  const toggle = page.getByRole('button', { name: /Snap to words/ });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');

  // A drag over "rm Open" shows and takes "firm OpenAI".
  await app.dragSelect(5, 12);
  await expect.poll(() => page.evaluate(() => getSelection()?.toString())).toBe('firm OpenAI');
  await page.keyboard.press('1');
  await expect(app.spanItems()).toHaveCount(1);
  // A keyboard selection keeps moving by character and is snapped when it is labelled: "egun wind".
  await app.keyboardSelect(20, 9);
  await expect.poll(() => page.evaluate(() => getSelection()?.toString())).toBe('egun wind');
  await page.keyboard.press('2');
  await expect(app.spanItems()).toHaveCount(2);

  // W in the article: character precision, shown on the toggle.
  await page.keyboard.press('w');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(app.status()).not.toContainText('cannot be changed');
  await app.dragSelect(5, 12);
  await expect.poll(() => page.evaluate(() => getSelection()?.toString())).toBe('rm Open');
  await page.keyboard.press('3');
  await expect(app.spanItems()).toHaveCount(3);
  await app.expectSaved();
  expect(await storedTexts(page, text)).toEqual([
    'claim:firm OpenAI',
    'figure:rm Open',
    'quote:begun winding',
  ]);
  // The toggle switches back.
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
});
