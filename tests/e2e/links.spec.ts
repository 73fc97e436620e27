import { expect, test } from './fixtures';
import { storedRows } from './helpers';

interface LinkRow {
  relation: string;
  from: { docId: string; start: number; end: number };
  to: { docId: string; start: number; end: number };
}

// Issue 16 step 2: link two spans across articles from the keyboard; undo, the inspector, go there.
test('L, another article, Enter, 3 links two claims as contradicting; undo, inspector, go there, delete', async ({
  app,
  page,
}) => {
  const first = /^AI firm OpenAI/;
  // Not at the article's start: going back to it must select this span, not rely on the caret that
  // focusing the article leaves at offset 0.
  await app.dragSelect(8, 14);
  await page.keyboard.press('1');
  await expect(app.spanItems()).toHaveCount(1);
  await app.clickAt(10);
  await page.keyboard.press('l');
  await expect(page.getByTestId('link-prompt')).toContainText('go to the other span and press Enter');
  await expect(app.status()).toContainText('Go to the span to link to');

  await page.keyboard.press(']');
  await expect(page.locator('.article-title')).toHaveText(/Ends Collaboration/);
  // The flow outlives the first article's view.
  await expect(page.getByTestId('link-prompt')).toContainText('Linking from a span in “AI firm OpenAI');
  await app.dragSelect(0, 6);
  await page.keyboard.press('1');
  await expect(app.spanItems()).toHaveCount(1);
  await app.clickAt(2);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('link-prompt')).toContainText('3 contradicts');
  await page.keyboard.press('3');
  await expect(app.status()).toHaveText('Linked: contradicts. Undo with Ctrl+Z.');
  await expect(page.getByTestId('link-prompt')).toHaveCount(0);
  await app.expectSaved();
  await expect(app.spanItems()).toHaveCount(1); // 3 picked the relation, it labelled nothing
  await expect.poll(async () => (await storedRows<LinkRow>(page, 'links')).length).toBe(1);
  const [row] = await storedRows<LinkRow>(page, 'links');
  expect(row).toMatchObject({
    relation: 'contradicts',
    from: { start: 8, end: 14 },
    to: { start: 0, end: 6 },
  });

  // The inspector lists it with the other article's title and text.
  const go = page.getByRole('button', { name: /^Go to: Contradicts “OpenAI” in AI firm OpenAI/ });
  await expect(go).toBeVisible();
  await page.screenshot({ path: 'test-results/links-inspector.png' });

  // Undo and redo cover the link.
  await app.clickAt(2);
  await page.keyboard.press('Control+z');
  await expect(app.status()).toHaveText('Undid: linked: contradicts');
  await expect.poll(async () => (await storedRows<LinkRow>(page, 'links')).length).toBe(0);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(async () => (await storedRows<LinkRow>(page, 'links')).length).toBe(1);
  await app.expectSaved();

  // One click goes to the other end, in its article.
  await app.clickAt(2);
  await go.click();
  await expect(page.locator('.article-title')).toHaveText(first);
  await expect(
    page.getByRole('button', { name: /^Go to: Contradicts “OpenAI” in OpenAI Ends/ }),
  ).toBeVisible();

  // Deleting the span deletes its link; undo brings both back.
  await page.getByRole('button', { name: /^Delete claim/ }).click();
  await expect.poll(async () => (await storedRows<LinkRow>(page, 'links')).length).toBe(0);
  await app.clickAt(2);
  await page.keyboard.press('Control+z');
  await expect(app.spanItems()).toHaveCount(1);
  await expect.poll(async () => (await storedRows<LinkRow>(page, 'links')).length).toBe(1);
});
