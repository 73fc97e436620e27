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

// Issue 19 review: the compare list had a fixed 180 px height, empty room under one row and a
// cramped scroller under forty. Now it takes the room its rows need, up to the room left.
test('the compare list takes the room it needs, up to the room the sidebar has left', async ({ app }) => {
  const page = app.page;
  const second = loadSeeds(ROOT)[1]!;
  const record = (doc: typeof first, n: number) =>
    serializeNativeRecord({
      document: { id: doc.id, title: doc.title, text: doc.text, meta: {} },
      annotator: 'bob',
      status: 'in_progress',
      spans: Array.from({ length: n }, (_, i) => ({
        id: `b${i}`,
        start: i * 10,
        end: i * 10 + 5,
        label: 'claim' as const,
        note: '',
      })),
    });
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (
    await chooser
  ).setFiles([
    {
      name: 'bob.jsonl',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(joinJsonl([record(first, 1), record(second, 40)])),
    },
  ]);
  await expect(page.getByRole('list', { name: 'Import report' })).toContainText('bob.jsonl — imported');
  await page.getByRole('button', { name: 'Close' }).click();

  const compare = page.getByRole('region', { name: 'Compare' });
  const list = compare.locator('.compare-list');
  const height = async (l: typeof list) => (await l.boundingBox())?.height ?? 0;
  await app.openDocument(first.title);
  await compare.getByRole('combobox', { name: 'Compare with' }).selectOption('bob');
  await expect(compare.getByRole('listitem')).toHaveCount(1);
  const row = (await compare.getByRole('listitem').boundingBox())?.height ?? 0;
  expect(Math.round(await height(list))).toBe(Math.round(row)); // one row: no empty room under it

  await app.openDocument(second.title);
  await app.dragSelect(0, 14);
  await page.keyboard.press('1');
  await app.expectSaved();
  await compare.getByRole('combobox', { name: 'Compare with' }).selectOption('bob');
  await expect(compare.getByTestId('compare-summary')).toContainText('bob: 40 spans');
  const sidebar = page.getByRole('complementary', { name: 'Annotations' });
  const spans = page.getByRole('region', { name: 'Spans' }).locator('.virtual-list');
  const fits = () => sidebar.evaluate((el) => el.scrollHeight <= el.clientHeight + 1);
  // With a span at the caret the inspector takes much of the sidebar: the list gives way, down to two rows.
  await expect.poll(async () => Math.round(await height(list))).toBeLessThan(40 * row);
  expect(await height(list)).toBeGreaterThanOrEqual(2 * row - 1);
  // The caret away from the span: forty rows still do not fit, and the list takes all the room left
  // (before: 180 px, the span list growing into the rest), the span list keeping its least 220 px.
  await app.clickAt(400);
  await expect(sidebar).not.toContainText('span at cursor');
  await expect.poll(async () => Math.round(await height(spans))).toBeLessThanOrEqual(222);
  // More than the old fixed 180 px; how much more depends on the header's height (its buttons wrap
  // at 1280 px since the Claims button came), so the room is checked by `fits` below.
  expect(await height(list)).toBeGreaterThan(180);
  expect(await height(list)).toBeLessThan(40 * row);
  expect(await height(spans)).toBeGreaterThanOrEqual(219);
  expect(await fits()).toBe(true);
});
