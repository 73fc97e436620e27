import type { Page } from '@playwright/test';

import { expect, test } from './fixtures';

/**
 * Issue 20: the whole library's native JSONL streams into the file the save picker gives, where
 * Chromium offers one. Here the picker answers with a file of the origin's private file system,
 * whose writable behaves as a chosen file's does (written on close, discarded on abort).
 */
async function installPicker(page: Page, holdWrites: boolean): Promise<void> {
  await page.evaluate((hold) => {
    const w = window as unknown as Record<string, unknown>;
    w['__release'] = null;
    w['__aborted'] = false;
    w['showSaveFilePicker'] = async (options: { suggestedName: string }) => {
      w['__suggested'] = options.suggestedName;
      const dir = await navigator.storage.getDirectory();
      const handle = await dir.getFileHandle('picked.jsonl', { create: true });
      if (!hold) return handle;
      // Writes wait until the test releases them, so Cancel can be pressed mid-export.
      const createWritable = handle.createWritable.bind(handle);
      return {
        name: handle.name,
        async createWritable() {
          const real = await createWritable();
          return {
            write: async (t: string) => {
              await new Promise((r) => (w['__release'] = r));
              await real.write(t);
            },
            close: () => real.close(),
            abort: async () => {
              w['__aborted'] = true;
              await real.abort();
            },
          };
        },
      };
    };
  }, holdWrites);
}

const pickedText = (page: Page): Promise<string> =>
  page.evaluate(async () => {
    const dir = await navigator.storage.getDirectory();
    return (await (await dir.getFileHandle('picked.jsonl')).getFile()).text();
  });

test('the whole library streams into the picked file, byte-identical to the download', async ({
  app,
  page,
}) => {
  await app.dragSelect(0, 14);
  await page.keyboard.press('1');
  await app.expectSaved();
  const { raw } = await app.exportDownload();
  expect(raw.split('\n').filter(Boolean).length).toBeGreaterThan(1);
  await installPicker(page, false);
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('checkbox', { name: /Include documents not started/ }).check();
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(
    page.getByText(/Exported \d+ documents and 1 spans as Marginalia JSONL \(native\) to picked\.jsonl/),
  ).toBeVisible();
  expect(await pickedText(page)).toBe(raw);
  expect(await page.evaluate(() => (window as unknown as { __suggested: string }).__suggested)).toMatch(
    /^marginalia-alice-\d{4}-\d\d-\d\d\.jsonl$/,
  );
  expect(downloads).toBe(0);
});

test('Cancel mid-export aborts the file: nothing written is kept', async ({ app, page }) => {
  await expect(app.documents()).toHaveCount(5);
  await installPicker(page, true);
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('checkbox', { name: /Include documents not started/ }).check();
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByRole('progressbar', { name: 'Exporting' })).toBeVisible();
  await page.waitForFunction(
    () => typeof (window as unknown as { __release: unknown }).__release === 'function',
  );
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.evaluate(() => (window as unknown as { __release: () => void }).__release());
  await expect(page.getByText('Export cancelled; no partial file was kept.')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __aborted: boolean }).__aborted)).toBe(true);
  expect(await pickedText(page)).toBe('');
});
