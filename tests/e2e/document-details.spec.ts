import { expect, test } from './fixtures';
import { storedRows } from './helpers';
import { AnnotatePage } from './pages/AnnotatePage';

interface DocRow {
  id: string;
  title: string;
  source: string;
  meta: Record<string, unknown>;
}

const details = (app: AnnotatePage) => app.page.getByRole('dialog', { name: 'Document details' });

/** Opens Document details from the article's header. */
async function openFromHeader(app: AnnotatePage): Promise<void> {
  const title = (await app.page.locator('.article-title').textContent()) ?? '';
  await app.page
    .getByRole('button', { name: `Details of ${title}`, exact: true })
    .first()
    .click();
  await expect(details(app).getByRole('textbox', { name: 'Title' })).toHaveValue(title);
}

async function storedDoc(app: AnnotatePage, title: string): Promise<DocRow> {
  const rows = await storedRows<DocRow>(app.page, 'documents');
  const row = rows.find((r) => r.title === title);
  if (!row) throw new Error(`no stored document titled ${title}: ${rows.map((r) => r.title).join(', ')}`);
  return row;
}

// Issue 19, "Document metadata": show and edit a document's title, source and metadata fields.
test('edit the title and a metadata field: saved while typing, undone per edit, kept over a reload, in the library and the native export', async ({
  app,
  page,
}, testInfo) => {
  const oldTitle = (await page.locator('.article-title').textContent()) ?? '';
  await openFromHeader(app);
  const dialog = details(app);
  const title = dialog.getByRole('textbox', { name: 'Title' });
  // The text is never editable: only what describes it.
  await expect(dialog).toContainText('The text cannot be changed');
  // Title, source, and the new field's name and value: nothing for the text.
  await expect(dialog.getByRole('textbox')).toHaveCount(4);
  await title.fill('Budget passes');
  await expect(dialog.getByTestId('save-state')).toHaveAccessibleName('Saved');
  // Saved while typing (no blur): in the stored row, the header and the library at once.
  await expect(page.locator('.article-title')).toHaveText('Budget passes');
  await expect(
    page.getByRole('list', { name: 'Documents' }).getByRole('button', { name: 'Budget passes', exact: true }),
  ).toBeVisible();
  expect((await storedDoc(app, 'Budget passes')).title).toBe('Budget passes');

  // A refused title is said next to the field and never stored.
  await title.fill('');
  await expect(dialog.getByRole('alert')).toHaveText('The title cannot be empty.');
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await title.fill('Budget passes, 12–3');
  await expect(dialog.getByRole('alert')).toHaveCount(0);

  await dialog.getByRole('textbox', { name: 'New field name' }).fill('__proto__');
  await dialog.getByRole('textbox', { name: 'New field value' }).fill('x');
  await dialog.getByRole('button', { name: 'Add field' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('A metadata field cannot be named “__proto__”.');
  await dialog.getByRole('textbox', { name: 'New field name' }).fill('author');
  await dialog.getByRole('textbox', { name: 'New field value' }).fill('Ann Lee');
  await dialog.getByRole('button', { name: 'Add field' }).click();
  await expect(dialog.getByRole('textbox', { name: 'author', exact: true })).toHaveValue('Ann Lee');
  await dialog.getByRole('textbox', { name: 'Source (URL or name)' }).fill('https://example.org/budget');
  await dialog.getByRole('textbox', { name: 'Source (URL or name)' }).press('Enter');
  await expect(dialog.getByTestId('save-state')).toHaveAccessibleName('Saved');

  // Undo: one step per edit, newest first; the typed title (several saves) is one step.
  await dialog.getByRole('button', { name: 'Undo' }).click();
  await expect(dialog.locator('.details-said')).toHaveText('Undid: edited the source');
  await dialog.getByRole('button', { name: 'Undo' }).click();
  await expect(dialog.locator('.details-said')).toHaveText('Undid: added the field author');
  await expect(dialog.getByRole('textbox', { name: 'author', exact: true })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Redo' }).click();
  await expect(dialog.getByRole('textbox', { name: 'author', exact: true })).toHaveValue('Ann Lee');
  await expect(dialog.getByTestId('save-state')).toHaveAccessibleName('Saved');
  await page.screenshot({ path: testInfo.outputPath('document-details.png') });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);

  await page.reload();
  await expect(page.locator('.article-title')).toHaveText('Budget passes, 12–3');
  const row = await storedDoc(app, 'Budget passes, 12–3');
  expect(row.meta).toEqual({ author: 'Ann Lee' });
  expect(row.source).not.toBe('https://example.org/budget');
  expect(oldTitle).not.toBe(row.title);

  // From the library row, by keyboard: Tab to its details button and press Enter.
  const rowDetails = page
    .getByRole('list', { name: 'Documents' })
    .getByRole('button', { name: 'Details of Budget passes, 12–3', exact: true });
  await rowDetails.focus();
  await page.keyboard.press('Enter');
  await expect(details(app).getByRole('textbox', { name: 'author', exact: true })).toHaveValue('Ann Lee');
  await expect(details(app).getByRole('textbox', { name: 'Title' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(rowDetails).toBeFocused();

  const { lines } = await app.exportDownload();
  const line = lines.find((l) => l['doc_id'] === row.id);
  expect(line).toMatchObject({ title: 'Budget passes, 12–3', meta: { author: 'Ann Lee' } });
});

test('two tabs: each shows the other’s details edit live; a change to another field is kept', async ({
  app: a,
  page,
}) => {
  const b = new AnnotatePage(await page.context().newPage());
  await b.open();
  await expect(b.page.locator('.article-title')).toHaveText(
    (await page.locator('.article-title').textContent()) ?? '',
  );
  const original = await storedDoc(a, (await page.locator('.article-title').textContent()) ?? '');
  await openFromHeader(a);
  await openFromHeader(b);

  // B sets the source, A (whose dialog was opened before) the title: both are stored.
  await details(b).getByRole('textbox', { name: 'Source (URL or name)' }).fill('Gazette');
  await expect(details(b).getByTestId('save-state')).toHaveAccessibleName('Saved');
  await details(a).getByRole('textbox', { name: 'Title' }).fill('From A');
  await expect(details(a).getByTestId('save-state')).toHaveAccessibleName('Saved');
  const row = await storedDoc(a, 'From A');
  expect(row.source).toBe('Gazette');
  // Each tab follows the other without a reload: the dialog's fields, the header and the library.
  await expect(details(a).getByRole('textbox', { name: 'Source (URL or name)' })).toHaveValue('Gazette');
  await expect(details(b).getByRole('textbox', { name: 'Title' })).toHaveValue('From A');
  await expect(b.page.locator('.article-title')).toHaveText('From A');
  await expect(
    b.page.getByRole('list', { name: 'Documents' }).getByRole('button', { name: 'From A', exact: true }),
  ).toBeVisible();

  // Undo in B takes back B's source only: A's title stays.
  await details(b).getByRole('button', { name: 'Undo' }).click();
  await expect(details(b).getByTestId('save-state')).toHaveAccessibleName('Saved');
  expect(await storedDoc(a, 'From A')).toMatchObject({ source: original.source, title: 'From A' });
  await expect(details(a).getByRole('textbox', { name: 'Source (URL or name)' })).toHaveValue(
    original.source,
  );
});
