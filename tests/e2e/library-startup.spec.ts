import { expect, test } from './fixtures';

// Issue 20 item 2: start-up reads and paints the last open article first, then reads the library,
// showing a loading indicator in its place meanwhile. Before, the article waited for the whole
// library to be read (3.0-3.5 s of blank window at 100,005 articles).

test('after a reload the last article is painted before the library list, which says it is loading', async ({
  app,
}) => {
  const page = app.page;
  const docs = page.getByRole('list', { name: 'Documents' });
  const second = await docs.getByRole('button').nth(2).innerText();
  await app.openDocument(second);

  // What appears first, recorded from the first DOM change of the reloaded page.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { seen: string[] }).seen = seen;
    const note = (what: string) => {
      if (!seen.includes(what)) seen.push(what);
    };
    new MutationObserver(() => {
      if (document.querySelector('.article-title')) note('article');
      if (document.querySelector('[aria-label="Documents"] li')) note('library rows');
      if (document.querySelector('.library-loading')) note('loading indicator');
    }).observe(document, { childList: true, subtree: true });
  });
  await page.reload();
  await expect(page.locator('.article-title')).toHaveText(second);
  await expect(docs.getByRole('listitem').first()).toBeVisible();
  await expect(page.locator('.library-loading')).toHaveCount(0);
  const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
  expect(seen.indexOf('article')).toBeGreaterThanOrEqual(0);
  expect(seen.indexOf('loading indicator')).toBeGreaterThanOrEqual(0);
  expect(seen.indexOf('article')).toBeLessThan(seen.indexOf('library rows'));
  expect(seen.indexOf('loading indicator')).toBeLessThan(seen.indexOf('library rows'));
});
