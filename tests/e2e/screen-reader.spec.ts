import { expect, test } from './fixtures';

/**
 * Screen reader users (issue 19, "Keyboard and screen-reader users"): CSS highlights are not in the
 * accessibility tree, so the spans at the caret are said in a polite live region when the caret moves
 * into them, and every edit (label change, note, unsure, delete, status, undo, redo) is said on the
 * status line.
 */
test('the spans at the caret are announced politely as the caret moves into them', async ({ app, page }) => {
  const speech = page.getByTestId('caret-speech');
  await expect(speech).toHaveAttribute('aria-live', 'polite');
  await app.dragSelect(0, 14);
  await page.keyboard.press('1');
  await app.dragSelect(0, 7);
  await page.keyboard.press('3');
  await app.expectSaved();

  await app.clickAt(2);
  await expect(speech).toHaveText('figure: “AI firm”; claim: “AI firm OpenAI”');
  // Arrow keys move the caret out of the figure, then out of both.
  for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight');
  await expect(speech).toHaveText('claim: “AI firm OpenAI”');
  for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
  await expect(speech).toHaveText('');
});

test('every edit is said on the status line', async ({ app, page }) => {
  await app.dragSelect(0, 14);
  await page.keyboard.press('1');
  await app.expectSaved();
  await app.clickAt(3);
  const inspector = app.inspector();

  await inspector.getByRole('combobox', { name: /^Label of claim/ }).selectOption('quote');
  await expect(app.status()).toHaveText('Changed claim to quote.');
  const note = inspector.getByRole('textbox', { name: /^Note on quote/ });
  await note.fill('from the filing');
  await expect(app.status()).toHaveText('Edited the note on quote.');
  await inspector.getByRole('checkbox', { name: 'Unsure' }).check();
  await expect(app.status()).toHaveText('Marked quote unsure.');
  await inspector.getByRole('button', { name: /^Delete quote/ }).click();
  await expect(app.status()).toHaveText('Deleted quote.');
  await page.keyboard.press('Control+z');
  await expect(app.status()).toHaveText('Undid: deleted quote');
  await page.keyboard.press('Control+Shift+z');
  await expect(app.status()).toHaveText('Redid: deleted quote');
  await page.getByRole('combobox', { name: 'Status of this document' }).selectOption('done');
  await expect(app.status()).toHaveText('Status saved: Done.');
  await expect(app.status()).toHaveAttribute('aria-live', 'polite');
});
