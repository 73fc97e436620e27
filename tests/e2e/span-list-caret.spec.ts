import { joinJsonl, serializeNativeRecord } from '../../renderer/src/core/formats/native';
import type { Label } from '../../renderer/src/core/model/labels';
import type { Span } from '../../renderer/src/core/model/span';
import { documentIdForText } from '../../renderer/src/core/text/text-hash';
import { expect, test } from './fixtures';

/**
 * The span list follows the caret (issue 19, "Keyboard and screen-reader users"): as the caret moves
 * into a span in the article, that span's row is marked aria-current and brought into view in the
 * virtualized list; Enter on a row takes the caret to its span in the article.
 */
const LABELS: Label[] = ['claim', 'quote', 'figure', 'speculation'];
const words = Array.from({ length: 700 }, (_, i) => `w${i}`);
const text = words.join(' ');
let offset = 0;
const spans: Span[] = words.map((w, i) => {
  const span = {
    id: `m${i}`,
    start: offset,
    end: offset + w.length,
    label: LABELS[i % 4] as Label,
    note: '',
  };
  offset += w.length + 1;
  return span;
});
const file = joinJsonl([
  serializeNativeRecord({
    document: { id: documentIdForText(text), title: 'Many spans', text, meta: {} },
    annotator: 'alice',
    status: 'in_progress',
    spans,
  }),
]);

test('the span list marks and shows the span at the caret; Enter on a row moves the caret there', async ({
  app,
}, testInfo) => {
  const { page } = app;
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (
    await chooser
  ).setFiles({ name: 'many.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(file) });
  await expect(page.getByRole('list', { name: 'Import report' })).toContainText('many.jsonl — imported');
  await page.keyboard.press('Escape');
  await app.openDocument('Many spans');
  await expect(page.locator('.span-list h3')).toHaveText('Spans 700');

  const list = page.getByRole('list', { name: 'Spans in text order' });
  const row = (id: string) =>
    list.getByRole('listitem').filter({ has: page.locator(`[data-span-id="${id}"]`) });
  const listBox = page.locator('.span-list .virtual-list');
  // Only the rows that exist and are at the caret are current.
  const current = () =>
    list.evaluate((ul) =>
      Array.from(ul.querySelectorAll('li[aria-current="true"] [data-span-id]'), (b) =>
        b.getAttribute('data-span-id'),
      ),
    );

  // The caret to the end of the text: in the last span, far below the rows mounted at first.
  await app.article.focus();
  await page.keyboard.press('Control+End');
  await expect(row('m699')).toHaveAttribute('aria-current', 'true');
  await expect(row('m699')).toBeInViewport();
  expect(await current()).toEqual(['m699']);
  // Left past "w699" and its space: into w698.
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowLeft');
  await expect(row('m698')).toHaveAttribute('aria-current', 'true');
  expect(await current()).toEqual(['m698']);
  await page.screenshot({ path: testInfo.outputPath('span-list-follows-caret.png') }); // kept for a look

  // Back to the top of the list, Enter on w3's row: the caret is in w3, in the focused article.
  await listBox.evaluate((el) => (el.scrollTop = 0));
  await row('m3').getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(app.article).toBeFocused();
  await expect(app.inspector()).toContainText('1 span at cursor');
  await expect(app.inspector()).toContainText('w3');
  await expect(row('m3')).toHaveAttribute('aria-current', 'true');
  expect(await current()).toEqual(['m3']);
  // The caret is collapsed at w3's start.
  const caret = await page.evaluate(() => {
    const sel = window.getSelection();
    return sel && sel.rangeCount > 0
      ? {
          text: sel.anchorNode?.textContent?.slice(sel.anchorOffset, sel.anchorOffset + 2),
          collapsed: sel.isCollapsed,
        }
      : null;
  });
  expect(caret).toEqual({ text: 'w3', collapsed: true });
});
