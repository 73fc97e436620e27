import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { joinJsonl, serializeNativeRecord } from '../../renderer/src/core/formats/native';
import { loadSeeds } from '../shared/agreement-data';
import { expect, test } from './fixtures';

// Issue 19, "Compare while annotating": another annotator's spans, read-only, beside one's own,
// without renaming oneself.
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const first = loadSeeds(ROOT)[0]!;

test('compare with another annotator while annotating, read-only, as oneself', async ({ app }, testInfo) => {
  const page = app.page;
  const bob = joinJsonl([
    serializeNativeRecord({
      document: { id: first.id, title: first.title, text: first.text, meta: {} },
      annotator: 'bob',
      status: 'in_progress',
      spans: [
        { id: 'b1', start: 0, end: 14, label: 'claim', note: '' },
        { id: 'b2', start: 8, end: 24, label: 'quote', note: '' },
      ],
    }),
  ]);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (
    await chooser
  ).setFiles([{ name: 'bob.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(bob) }]);
  await expect(page.getByRole('list', { name: 'Import report' })).toContainText('bob.jsonl — imported');
  await page.getByRole('button', { name: 'Close' }).click();
  await app.openDocument(first.title);

  // alice marks "AI firm OpenAI" as bob did.
  await app.dragSelect(0, 14);
  await page.keyboard.press('1');
  await app.expectSaved();

  const compare = page.getByRole('region', { name: 'Compare' });
  await compare.getByRole('combobox', { name: 'Compare with' }).selectOption('bob');
  const summary = compare.getByTestId('compare-summary');
  await expect(summary).toHaveText(
    'bob: 2 spans · 1 same · 0 other boundaries · 0 other label · 1 only bob · 0 only yours',
  );
  const theirs = compare.getByRole('list', { name: 'bob’s spans (read-only)' }).getByRole('listitem');
  await expect(theirs).toHaveCount(2);
  await expect(theirs.nth(0)).toContainText('same as yours');
  await expect(theirs.nth(1)).toContainText('not in yours');
  // Read-only: nothing there edits or deletes; one is still alice, with her one span.
  await expect(compare.getByRole('textbox')).toHaveCount(0);
  await expect(compare.getByRole('button', { name: /delete/i })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Annotator: alice. Change name' })).toBeVisible();
  await expect(app.spanItems()).toHaveCount(1);

  // It follows one's own work live: alice marks bob's quote with other boundaries.
  await app.dragSelect(8, 18);
  await page.keyboard.press('2');
  await app.expectSaved();
  await expect(summary).toHaveText(
    'bob: 2 spans · 1 same · 1 other boundaries · 0 other label · 0 only bob · 0 only yours',
  );
  await page.screenshot({ path: testInfo.outputPath('compare.png') }); // kept for a look
  // Picking one of bob's spans brings it into view and keeps alice's spans as they were.
  await theirs.nth(1).getByRole('button').click();
  await expect(app.spanItems()).toHaveCount(2);
});
