import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Page } from '@playwright/test';

import { loadSeeds } from '../shared/agreement-data';
import { expect, test } from './fixtures';
import { AnnotatePage } from './pages/AnnotatePage';

/**
 * The whole annotator loop with the keyboard alone (issue 19, "Done when"): name, open a document,
 * select, label, inspect, relabel, note, delete, undo, status, next document, export. No mouse
 * event at all; after each step the test asserts where the focus is and what was stored.
 */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const seeds = loadSeeds(ROOT);

/** The focused element as "tag name", its accessible name approximated by aria-label or text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    if (!e || e === document.body) return 'body';
    const name = e.getAttribute('aria-label') ?? e.textContent?.trim().slice(0, 60) ?? '';
    return `${e.tagName.toLowerCase()} ${name}`;
  });

/** Presses Tab (or Shift+Tab) until the focus matches; fails if it is not reached in `max` presses. */
async function tabTo(page: Page, want: RegExp, key: 'Tab' | 'Shift+Tab' = 'Tab', max = 40) {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const now = await focused(page);
    seen.push(now);
    if (want.test(now)) return i + 1;
  }
  throw new Error(`${want} not reached by ${key} in ${max} presses: ${seen.join(' → ')}`);
}

test('the annotator loop with the keyboard alone, focus asserted after each step', async ({
  freshPage: page,
}) => {
  test.setTimeout(120_000);
  const app = new AnnotatePage(page);
  // Any click would fail the test: the loop is keyboard only.
  await page.addInitScript(() =>
    window.addEventListener(
      'mousedown',
      () => {
        throw new Error('a mouse button was pressed in the keyboard-only loop');
      },
      true,
    ),
  );
  await app.open();

  // Name: the dialog has the focus; Enter starts, and the focus lands in the article.
  const nameBox = page.getByRole('textbox', { name: 'Annotator name' });
  await expect(nameBox).toBeFocused();
  await page.keyboard.type('kim');
  await page.keyboard.press('Enter');
  await expect(app.article).toBeFocused();

  // Open a document from the library: Shift+Tab back to its row, Enter; the focus goes to the text.
  const target = seeds[2]!;
  await tabTo(page, new RegExp(`^button ${target.title.slice(0, 20)}`), 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('.article-title')).toHaveText(target.title);
  await expect(app.article).toBeFocused();

  // Select from the start of the text with Shift+arrows, label it a claim (1).
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('1');
  await expect(app.spanItems()).toHaveCount(1);
  await expect(app.article).toBeFocused();
  await app.expectSaved();

  // Inspect: the caret back into the span shows it in the inspector; Tab reaches its label.
  await page.keyboard.press('ArrowLeft');
  await expect(app.inspector()).toContainText('1 span at cursor');
  await tabTo(page, /^select Label of claim/);

  // Relabel with the arrow key: the select keeps the focus under its new name.
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('combobox', { name: /^Label of quote/ })).toBeFocused();
  await expect(app.spanItems().first()).toContainText('Quote');

  // Note: type, Enter saves it and keeps the focus in the note.
  await page.keyboard.press('Tab');
  const note = app.inspector().getByRole('textbox', { name: /^Note on quote/ });
  await expect(note).toBeFocused();
  await page.keyboard.type('source?');
  await page.keyboard.press('Enter');
  await expect(note).toBeFocused();
  await app.expectSaved();

  // Delete: the focus returns to the article, not the body.
  await tabTo(page, /^button Delete quote/);
  await page.keyboard.press('Enter');
  await expect(app.spanItems()).toHaveCount(0);
  await expect(app.article).toBeFocused();

  // Undo brings the quote back with its note; the focus stays in the text.
  await page.keyboard.press('Control+z');
  await expect(app.spanItems()).toHaveCount(1);
  await expect(app.article).toBeFocused();
  await expect(app.inspector().getByRole('textbox', { name: /^Note on quote/ })).toHaveValue('source?');

  // Status: Shift+Tab up to the header's select, choose Done by typing its initial.
  await tabTo(page, /^select Status of this document/, 'Shift+Tab');
  await page.keyboard.press('d');
  const status = page.getByRole('combobox', { name: 'Status of this document' });
  await expect(status).toHaveValue('done');
  await expect(status).toBeFocused();

  // Next document: Tab on to the text, then `]`.
  await tabTo(page, /^div Article text/);
  await page.keyboard.press(']');
  await expect(page.locator('.article-title')).toHaveText(seeds[3]!.title);
  await expect(app.article).toBeFocused();

  // Export: Shift+Tab to Export…, Enter; the dialog takes the focus; Tab to Export, Enter.
  await tabTo(page, /^button Export…/, 'Shift+Tab');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog).toBeVisible();
  expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await tabTo(page, /^button Export$/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const lines = readFileSync(await download.path(), 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const mine = lines.filter((l) => (l.spans as unknown[] | undefined)?.length);
  expect(mine).toHaveLength(1);
  // Five Shift+arrows from the start, snapped to the word: "OpenAI", code points 0–6.
  expect(mine[0]).toMatchObject({
    text: target.text,
    annotator: 'kim',
    status: 'done',
    spans: [{ start: 0, end: 6, label: 'quote', text: 'OpenAI', note: 'source?' }],
  });
  await expect(dialog).toBeHidden();
  expect(await focused(page)).not.toBe('body');
});
