import { expect, test } from './fixtures';

// Issue 19 item 10: the undo history of a document survives switching to another and back.
test('tag, switch away and back, Ctrl+Z undoes the tag; each document keeps its own history', async ({
  app,
  page,
}) => {
  await app.dragSelect(0, 7);
  await page.keyboard.press('1');
  await expect(app.spanItems()).toHaveCount(1);
  await app.expectSaved();

  // To the next document, tag there, and back.
  await app.clickAt(2);
  await page.keyboard.press(']');
  await expect(page.locator('.article-title')).toHaveText(
    'OpenAI Ends Collaboration with Scale AI Amid Meta Partnership',
  );
  await expect(app.spanItems()).toHaveCount(0);
  await app.dragSelect(0, 6);
  await page.keyboard.press('2');
  await expect(app.spanItems()).toHaveCount(1);
  await app.expectSaved();
  await app.clickAt(2);
  await page.keyboard.press('[');
  await expect(page.locator('.article-title')).toHaveText(/^AI firm OpenAI/);
  await expect(app.spanItems()).toHaveCount(1);

  // The first document's undo takes back its own claim, not the other document's quote.
  await expect(page.getByRole('button', { name: 'Undo' })).toBeEnabled();
  await app.clickAt(2);
  await page.keyboard.press('Control+z');
  await expect(app.status()).toHaveText('Undid: created claim');
  await expect(app.spanItems()).toHaveCount(0);
  await app.expectSaved();
  await page.keyboard.press('Control+z');
  await expect(app.status()).toHaveText('Nothing to undo.');
  await page.keyboard.press('Control+Shift+z');
  await expect(app.spanItems()).toHaveCount(1);
  await app.expectSaved();

  // The other document still holds its quote, and its own history undoes it.
  await app.clickAt(2);
  await page.keyboard.press(']');
  await expect(app.spanItems()).toHaveCount(1);
  await app.clickAt(2);
  await page.keyboard.press('Control+z');
  await expect(app.status()).toHaveText('Undid: created quote');
  await expect(app.spanItems()).toHaveCount(0);
  await app.expectSaved();
});
