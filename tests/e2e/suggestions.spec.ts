import { expect, test } from './fixtures';
import { storedRows } from './helpers';

interface Row {
  docId: string;
  annotator: string;
  start: number;
  end: number;
  label: string;
}

const KEEPS = 'OpenAI to continue working with Scale AI after Meta deal';

// Issue 16: suggestions for the claim at the caret; Accept links through the L path (undo works),
// Dismiss hides a candidate for that span, also after a reload.
test('suggestions: accept links (undo takes it back), dismiss hides a candidate across a reload', async ({
  app,
  page,
}) => {
  await app.openDocument(/^OpenAI to continue working/);
  const docs = await storedRows<{ id: string; title: string }>(page, 'documents');
  const here = docs.find((d) => d.title.startsWith('OpenAI to continue'))?.id;
  await app.dragSelect(0, [...KEEPS].length);
  await page.keyboard.press('1');
  await app.expectSaved();
  await app.clickAt(3);
  const panel = page.getByRole('region', { name: 'Suggestions' });
  const items = panel.getByRole('list', { name: 'Suggested links' }).getByRole('listitem');
  await expect(items.first()).toBeVisible();
  // The seed set: the other four articles say the partnership is winding down.
  const contra = items.filter({ hasText: /^Contradicts/ });
  await expect(contra.first()).toBeVisible();
  const ms = Number(await panel.getByRole('list').getAttribute('data-ms'));
  console.log(`suggestions shown, worker time ${ms} ms`);
  const target = (await contra.first().locator('.suggestion-text').innerText()).replace(/^“|”$/g, '');

  await contra
    .first()
    .getByRole('button', { name: /^Accept: Contradicts/ })
    .click();
  await expect(app.status()).toHaveText('Linked: contradicts. Undo with Ctrl+Z.');
  await app.expectSaved();
  const links = await storedRows<{ relation: string; from: Row; to: Row }>(page, 'links');
  expect(links).toHaveLength(1);
  expect(links[0]).toMatchObject({
    relation: 'contradicts',
    from: { docId: here, start: 0, end: [...KEEPS].length },
  });
  const to = links[0]!.to;
  // The sentence became alice's claim span in the other article, with the link.
  const spans = await storedRows<Row>(page, 'spans');
  expect(spans.filter((s) => s.docId === to.docId)).toMatchObject([
    { annotator: 'alice', start: to.start, end: to.end, label: 'claim' },
  ]);
  // The inspector lists the link; the accepted candidate left the suggestions.
  await expect(page.getByRole('button', { name: /^Go to: Contradicts/ })).toBeVisible();
  await expect(items.filter({ hasText: target })).toHaveCount(0);

  // Undo takes the link and the span it made back; the candidate is suggested again.
  await app.clickAt(3);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await storedRows(page, 'links')).length).toBe(0);
  await expect
    .poll(async () => (await storedRows<Row>(page, 'spans')).filter((s) => s.docId === to.docId).length)
    .toBe(0);
  await expect(items.filter({ hasText: target })).toHaveCount(1);

  // Dismiss hides it for this span, and it stays hidden after a reload.
  await items
    .filter({ hasText: target })
    .getByRole('button', { name: /^Dismiss/ })
    .click();
  await expect(items.filter({ hasText: target })).toHaveCount(0);
  await expect(app.status()).toHaveText('Suggestion dismissed for this span.');
  await app.expectSaved();
  await page.reload();
  await app.openDocument(/^OpenAI to continue working/);
  await app.clickAt(3);
  await expect(items.first()).toBeVisible();
  await expect(items.filter({ hasText: target })).toHaveCount(0);
  expect(await storedRows(page, 'links')).toEqual([]);
});
