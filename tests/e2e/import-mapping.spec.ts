import { expect, test } from './fixtures';
import type { AnnotatePage } from './pages/AnnotatePage';

/** Drops files on the window exactly as a file manager would (a DataTransfer carrying File objects). */
async function dropFiles(app: AnnotatePage, files: { name: string; content: string }[]): Promise<void> {
  const dt = await app.page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const f of list) transfer.items.add(new File([f.content], f.name));
    return transfer;
  }, files);
  await app.page.dispatchEvent('main', 'dragover', { dataTransfer: dt });
  await app.page.dispatchEvent('main', 'drop', { dataTransfer: dt });
}

/** UTF-16 offsets of `part` in `text`, as doccano's editor writes them. */
const u16 = (text: string, part: string): [number, number] => {
  const i = text.indexOf(part);
  return [i, i + part.length];
};

const TEXT = '👨🏻‍🚒 Firemen say the council will cut 12% of the budget, Chief Ana Ruiz said.';
const doccano = (labels: [string, string][]) =>
  `${JSON.stringify({ id: 7, text: TEXT, label: labels.map(([part, l]) => [...u16(TEXT, part), l]) })}\n`;

test('a doccano project with emoji and its own labels: map them in the dialog, spans land on the right text, the choice is remembered', async ({
  app,
  page,
}) => {
  await dropFiles(app, [
    {
      name: 'admin.jsonl',
      content: doccano([
        ['the council will cut 12% of the budget', 'CLAIM'],
        ['12%', 'PERCENT'],
        ['Chief Ana Ruiz', 'PER'],
      ]),
    },
  ]);
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await expect(dialog.getByText('Labels in these files')).toBeVisible();
  // First guesses from the names; PER has no guess and is skipped unless chosen.
  await expect(dialog.getByRole('combobox', { name: 'Import CLAIM as' })).toHaveValue('claim');
  await expect(dialog.getByRole('combobox', { name: 'Import PERCENT as' })).toHaveValue('figure');
  await expect(dialog.getByRole('combobox', { name: 'Import PER as' })).toHaveValue('skip');
  // The file's spans carry no text and it has emoji: the unit is a choice, doccano's own by default.
  await expect(
    dialog.getByRole('radio', { name: /UTF-16 code units \(what doccano writes\)/ }),
  ).toBeChecked();
  await dialog.getByRole('combobox', { name: 'Import PER as' }).selectOption('quote');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await dialog.getByRole('textbox', { name: 'Annotator for unnamed files' }).fill('doccano-admin');
  await dialog.getByRole('button', { name: 'Import' }).click();
  const report = page.getByRole('list', { name: 'Import report' });
  await expect(report).toContainText('admin.jsonl — imported');
  await expect(report).toContainText('3 spans added');
  await page.getByRole('button', { name: 'Close' }).click();

  const out = await app.exportFile(async (d) => {
    await d.getByRole('checkbox', { name: 'alice' }).uncheck();
    await d.getByRole('checkbox', { name: 'doccano-admin' }).check();
    await d.getByRole('checkbox', { name: /Include documents not started/ }).uncheck();
  });
  const rec = JSON.parse(out.bytes.toString('utf8').trim()) as {
    spans: { label: string; text: string }[];
    meta: unknown;
  };
  expect(rec.spans.map((s) => `${s.label}:${s.text}`)).toEqual([
    'claim:the council will cut 12% of the budget',
    'figure:12%',
    'quote:Chief Ana Ruiz',
  ]);
  expect(rec.meta).toEqual({ id: 7 });

  // Next doccano import: the mapping chosen last time is the first guess.
  await dropFiles(app, [
    { name: 'second.jsonl', content: doccano([['Firemen', 'PER']]).replace(TEXT, `${TEXT} Again.`) },
  ]);
  await expect(dialog.getByRole('combobox', { name: 'Import PER as' })).toHaveValue('quote');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});
