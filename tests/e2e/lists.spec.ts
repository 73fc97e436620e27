import { joinJsonl, serializeNativeRecord } from '../../renderer/src/core/formats/native';
import type { Label } from '../../renderer/src/core/model/labels';
import type { Span } from '../../renderer/src/core/model/span';
import { documentIdForText } from '../../renderer/src/core/text/text-hash';
import { expect, test } from './fixtures';
import type { AnnotatePage } from './pages/AnnotatePage';

// Issue 19, "Search": the library filter (title, text, status, annotator), the first match shown,
// the span list's "only" chips, and every span in the (virtualized) list.

const record = (title: string, text: string, annotator: string, spans: Span[]) =>
  serializeNativeRecord({
    document: { id: documentIdForText(text), title, text, meta: {} },
    annotator,
    status: 'in_progress',
    spans,
  });

/** 30 short documents "Doc 01"…"Doc 30", each with one span of bob's. */
const library = joinJsonl(
  Array.from({ length: 30 }, (_, i) => {
    const n = String(i + 1).padStart(2, '0');
    const text = `Doc ${n}\nBody number ${n} says little.`;
    return record(`Doc ${n}`, text, 'bob', [{ id: `b${n}`, start: 7, end: 11, label: 'claim', note: '' }]);
  }),
);

const LABELS: Label[] = ['claim', 'quote', 'figure', 'speculation'];
const words = Array.from({ length: 700 }, (_, i) => `w${i}`);
const manyText = words.join(' ');
let offset = 0;
const manySpans: Span[] = words.map((w, i) => {
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

async function importFiles(app: AnnotatePage, files: { name: string; text: string }[]) {
  const page = app.page;
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (
    await chooser
  ).setFiles(
    files.map((f) => ({ name: f.name, mimeType: 'application/x-ndjson', buffer: Buffer.from(f.text) })),
  );
  for (const f of files)
    await expect(page.getByRole('list', { name: 'Import report' })).toContainText(`${f.name} — imported`);
  await page.getByRole('button', { name: 'Close' }).click();
}

test('the library filters by title, article text, status and annotator, and shows the first match', async ({
  app,
}, testInfo) => {
  const page = app.page;
  await importFiles(app, [{ name: 'library.jsonl', text: library }]);
  const docs = page.getByRole('list', { name: 'Documents' });
  const filter = page.getByRole('searchbox', { name: 'Filter documents by title or text' });
  const matches = page.getByTestId('library-matches');
  const total = await docs.getByRole('listitem').first().getAttribute('aria-setsize');
  expect(Number(total)).toBe(35); // 5 seed articles + 30

  // Open a document far down the list: the list scrolls to it.
  await filter.fill('Doc 29');
  await docs.getByRole('button', { name: 'Doc 29', exact: true }).click();
  await expect(page.locator('.article-title')).toHaveText('Doc 29');
  await filter.fill('');
  await expect(docs.getByRole('button', { name: 'Doc 29', exact: true })).toBeInViewport();
  // Typing shows the first match at the top, not the open article further down.
  await filter.fill('doc');
  await expect(matches).toHaveText('30 of 35 match');
  await expect(docs.getByRole('listitem').first()).toHaveAttribute('aria-posinset', '1');
  await expect(docs.getByRole('button', { name: 'Doc 01', exact: true })).toBeInViewport();

  // Article text: a word only the first seed's text holds (not its title).
  await filter.fill('outsourcing');
  await expect(matches).toHaveText('1 of 35 match');
  await expect(docs.getByRole('listitem')).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('library-text-filter.png') }); // kept for a look
  await expect(docs.getByRole('button').first()).toHaveText(/^AI firm OpenAI/);
  await filter.fill('zzz-nowhere');
  await expect(matches).toHaveText('0 of 35 match');

  // Status (the annotator's own) and annotator (who worked on it).
  await filter.fill('');
  await filter.fill('Doc 05');
  await page.getByRole('combobox', { name: 'Status of Doc 05' }).selectOption('done');
  await filter.fill('');
  await page.getByRole('combobox', { name: 'Filter by status' }).selectOption('done');
  await expect(matches).toHaveText('1 of 35 match');
  await expect(docs.getByRole('button').first()).toHaveText('Doc 05');
  await page.getByRole('combobox', { name: 'Filter by status' }).selectOption('');
  await page.getByRole('combobox', { name: 'Filter by annotator' }).selectOption('bob');
  await expect(matches).toHaveText('30 of 35 match');
  await filter.fill('12');
  await expect(matches).toHaveText('1 of 35 match');
  await expect(docs.getByRole('button').first()).toHaveText('Doc 12');
});

test('the span list shows every span (virtualized) and a label chip can show only its label', async ({
  app,
}, testInfo) => {
  const page = app.page;
  await importFiles(app, [
    { name: 'many.jsonl', text: joinJsonl([record('Many spans', manyText, 'alice', manySpans)]) },
  ]);
  await app.openDocument('Many spans');
  const list = page.getByRole('list', { name: 'Spans in text order' });
  await expect(page.locator('.span-list h3')).toHaveText('Spans 700');
  const rows = list.getByRole('listitem');
  await expect(rows.first()).toHaveAttribute('aria-setsize', '700');
  // Only the rows in view are mounted…
  expect(await rows.count()).toBeLessThan(60);
  // …and the last span is reachable: scroll the list to its end.
  await page.locator('.span-list .virtual-list').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(list.locator('button[data-span-id="m699"]')).toBeVisible();
  await expect(list.locator('li[aria-posinset="700"]')).toHaveCount(1);

  // "Only Figure": just figures (175), pressed again: every label.
  const only = page.getByRole('button', { name: 'Only Figure' });
  await only.click();
  await expect(only).toHaveAttribute('aria-pressed', 'true');
  await page.screenshot({ path: testInfo.outputPath('span-list-only.png') }); // kept for a look
  await expect(rows.first()).toHaveAttribute('aria-setsize', '175');
  await expect(list.locator('.badge').first()).toHaveText(/Figure/);
  for (const l of ['claim', 'quote', 'speculation'])
    await expect(page.locator(`.span-list .filter.lab-${l}`)).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('.span-list .filter.lab-figure')).toHaveAttribute('aria-pressed', 'true');
  await only.click();
  await expect(rows.first()).toHaveAttribute('aria-setsize', '700');
});
