import type { Locator } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';

import { expect, test } from './fixtures';
import { cpSlice } from './helpers';
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

async function libraryCount(app: AnnotatePage): Promise<number> {
  return app.documents().count();
}

const ARTICLE = 'Imported headline 😀\nSecond paragraph with a “quote” and 12 %.';

test('drag and drop two files: an article and another annotator’s dataset; the report says what was stored', async ({
  app,
  page,
}) => {
  const { lines } = await app.exportDownload();
  const first = lines[0] as { text: string; doc_id: string; title: string };
  const bobLine = JSON.stringify({
    schema_version: 1,
    doc_id: first.doc_id,
    title: first.title,
    text: first.text,
    annotator: 'bob',
    status: 'done',
    spans: [
      { id: 'bob-1', start: 0, end: 7, label: 'claim', text: cpSlice(first.text, 0, 7), note: 'bob’s note' },
    ],
    meta: {},
  });
  await dropFiles(app, [
    { name: 'article.txt', content: `\ufeff${ARTICLE.replace('\n', '\r\n')}` },
    { name: 'bob.jsonl', content: `${bobLine}\n` },
  ]);
  const report = page.getByRole('list', { name: 'Import report' });
  await expect(report).toContainText('article.txt — imported');
  await expect(report).toContainText('1 new document');
  await expect(report).toContainText('bob.jsonl — imported');
  await expect(report).toContainText('1 already in the library, 1 span added');
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(app.documents()).toHaveCount(6);
  await app.openDocument('Imported headline 😀');
  expect(await app.text()).toBe(ARTICLE);
  // Importing the same files again adds nothing.
  await dropFiles(app, [{ name: 'bob.jsonl', content: `${bobLine}\n` }]);
  await expect(report).toContainText('0 spans added, 1 already present');
  await page.getByRole('button', { name: 'Close' }).click();
  // Bob's spans are stored under bob: exporting bob gives them back exactly.
  const bob = await app.exportFile(async (d) => {
    await d.getByRole('checkbox', { name: 'alice' }).uncheck();
    await d.getByRole('checkbox', { name: 'bob' }).check();
    await d.getByRole('checkbox', { name: /Include documents not started/ }).uncheck();
  });
  const bobLines = bob.bytes.toString('utf8').trim().split('\n');
  expect(bobLines).toHaveLength(1);
  expect(bobLines[0]).toBe(bobLine.replace(',"meta":{}', ',"meta":{}'));
});

test('a bad file is reported by line and field, and nothing from it is stored', async ({ app, page }) => {
  const before = await libraryCount(app);
  const good = JSON.stringify({ text: 'A fine article.', title: 'Fine' });
  const bad = JSON.stringify({
    text: 'Spans out of range.',
    spans: [{ start: 5, end: 999, label: 'claim' }],
  });
  const unknown = JSON.stringify({ text: 'Unknown label.', spans: [{ start: 0, end: 7, label: 'rumour' }] });
  await dropFiles(app, [{ name: 'mixed.jsonl', content: `${good}\n${bad}\n{"text": \n${unknown}\n` }]);
  const report = page.getByRole('list', { name: 'Import report' });
  await expect(report).toContainText('mixed.jsonl — not imported');
  await expect(report).toContainText('nothing from this file was stored');
  await expect(report.getByText(/^Line 2:/)).toBeVisible();
  await expect(report.getByText(/^Line 3:/)).toBeVisible();
  await expect(report.getByText(/^Line 4:/)).toBeVisible();
  await page.getByRole('button', { name: 'Close' }).click();
  expect(await libraryCount(app)).toBe(before);
  // HTML is imported as inert text: no script runs, no image loads, links are not followed.
  await dropFiles(app, [
    {
      name: 'page.html',
      content:
        '<html><head><title>T</title><script>window.__pwned=1</script><style>p{}</style></head><body><h1>Inert headline</h1><p>Text <img src=x onerror="window.__pwned=2"> <a href="javascript:window.__pwned=3">link</a>.</p></body></html>',
    },
  ]);
  await expect(page.getByRole('list', { name: 'Import report' })).toContainText('page.html — imported');
  await page.getByRole('button', { name: 'Close' }).click();
  // The <title> names the document; block elements become paragraphs.
  await app.openDocument('T');
  expect(await app.text()).toBe('Inert headline\n\nText link.');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(app.article.locator('img, script, a')).toHaveCount(0);
});

test('a big import shows progress and Cancel stores nothing', async ({ app, page }) => {
  const before = await libraryCount(app);
  const line = (i: number) =>
    JSON.stringify({ text: `Article number ${i}: the minister said “${'x'.repeat(60)}” 😀.` });
  const body = `${Array.from({ length: 100_000 }, (_, i) => line(i)).join('\n')}\n`;
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (
    await chooser
  ).setFiles({ name: 'big.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(body) });
  const bar = page.getByRole('progressbar', { name: /Checking big.jsonl/ });
  await expect(bar).toBeVisible();
  await page.getByRole('dialog', { name: 'Import' }).getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Import cancelled; nothing was stored.')).toBeVisible();
  await page.getByRole('button', { name: 'Close' }).click();
  expect(await libraryCount(app)).toBe(before);
});

test('export in every format through the dialog; every download parses and its offsets hold', async ({
  app,
  page,
}) => {
  await app.dragSelect(0, 14);
  await page.keyboard.press('1');
  await app.dragSelect(8, 24);
  await page.keyboard.press('2');
  await app.expectSaved();
  const text = await app.text();
  const pick = (format: string) => async (d: Locator) => {
    await d.getByRole('radio', { name: 'This document' }).check();
    await d.getByRole('combobox', { name: 'Format' }).selectOption(format);
  };

  const native = (await app.exportFile(pick('native'))).bytes.toString('utf8');
  const rec = JSON.parse(native.trim()) as { spans: { start: number; end: number; text: string }[] };
  expect(rec.spans.map((s) => s.text)).toEqual(['AI firm OpenAI', 'OpenAI has begun']);

  const spacy = JSON.parse((await app.exportFile(pick('spacy'))).bytes.toString('utf8').trim()) as {
    text: string;
    spans: { start: number; end: number; label: string }[];
  };
  expect(spacy.text).toBe(text);
  expect(spacy.spans.map((s) => cpSlice(text, s.start, s.end))).toEqual([
    'AI firm OpenAI',
    'OpenAI has begun',
  ]);

  const doccano = JSON.parse((await app.exportFile(pick('doccano'))).bytes.toString('utf8').trim()) as {
    label: [number, number, string][];
  };
  expect(doccano.label.map(([s, e, l]) => [cpSlice(text, s, e), l])).toEqual([
    ['AI firm OpenAI', 'claim'],
    ['OpenAI has begun', 'quote'],
  ]);

  const ls = JSON.parse((await app.exportFile(pick('labelstudio'))).bytes.toString('utf8')) as {
    data: { text: string };
    annotations: { result: { value: { start: number; end: number; text: string; labels: string[] } }[] }[];
  }[];
  const values = ls[0]!.annotations.flatMap((a) => a.result.map((r) => r.value)).filter((v) => v.labels);
  expect(values.map((v) => cpSlice(ls[0]!.data.text, v.start, v.end))).toEqual(values.map((v) => v.text));

  const w3c = JSON.parse((await app.exportFile(pick('w3c'))).bytes.toString('utf8')) as unknown;
  expect(JSON.stringify(w3c)).toContain('TextPositionSelector');
  expect(JSON.stringify(w3c)).toContain('TextQuoteSelector');

  const brat = await app.exportFile(pick('brat'));
  expect(brat.download.suggestedFilename()).toMatch(/\.zip$/);
  const files = unzipSync(new Uint8Array(brat.bytes));
  const names = Object.keys(files).sort();
  expect(names.some((n) => n.endsWith('.ann'))).toBe(true);
  const ann = strFromU8(files[names.find((n) => n.endsWith('.ann'))!]!);
  const txt = strFromU8(files[names.find((n) => n.endsWith('.txt'))!]!);
  expect(txt).toBe(text);
  for (const row of ann.split('\n').filter((l) => l.startsWith('T'))) {
    const [, spec, surface] = row.split('\t');
    const [, s, e] = spec!.split(' ');
    expect(cpSlice(txt, Number(s), Number(e))).toBe(surface);
  }

  const bio = (await app.exportFile(pick('bio'))).bytes.toString('utf8');
  expect(bio).toMatch(/\tB-claim/);
  await expect(app.status()).toContainText(/left out/);
});

test('export defaults: documents with spans or marked done; a done one without spans is a negative, one not started is never "accept"', async ({
  app,
  page,
}) => {
  await app.dragSelect(0, 14);
  await page.keyboard.press('1');
  await app.expectSaved();
  const second = app.documents().nth(1);
  await second.getByRole('combobox', { name: /^Status of/ }).selectOption('done');
  await expect(app.status()).toHaveText('Status saved: Done.');
  const third = app.documents().nth(2);
  await third.getByRole('combobox', { name: /^Status of/ }).selectOption('in_progress');
  await expect(app.status()).toHaveText('Status saved: In progress.');
  const titles = await app.documents().locator('.doc-title').allTextContents();
  const spacy = async (include: boolean) => {
    const out = await app.exportFile(async (d) => {
      const box = d.getByRole('checkbox', { name: /Include documents not started/ });
      await expect(box).not.toBeChecked();
      if (include) await box.check();
      await d.getByRole('combobox', { name: 'Format' }).selectOption('spacy');
    });
    return out.bytes
      .toString('utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { title: string; answer?: string; spans: unknown[] });
  };
  expect((await spacy(false)).map((r) => [r.title, r.answer, r.spans.length])).toEqual([
    [titles[0], 'accept', 1],
    [titles[1], 'accept', 0],
  ]);
  await expect(app.status()).toContainText('Exported 2 documents and 1 spans');
  const all = await spacy(true);
  expect(all.map((r) => [r.title, r.answer, r.spans.length])).toEqual([
    [titles[0], 'accept', 1],
    [titles[1], 'accept', 0],
    [titles[2], 'ignore', 0],
    [titles[3], 'ignore', 0],
    [titles[4], 'ignore', 0],
  ]);
  await expect(app.status()).toContainText('3 document(s) nobody has labelled or marked done');
});
