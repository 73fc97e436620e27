import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Locator } from '@playwright/test';

import { LABEL_DISPLAYS } from '../../renderer/src/core/model/label-display';
import { tokenOffsets } from '../../renderer/src/core/text/tokenize';
import { loadSeeds, nativeExport, twoAnnotators } from '../shared/agreement-data';
import { expect, test } from './fixtures';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const seeds = loadSeeds(ROOT);
const { alice, ben } = twoAnnotators(seeds);
const files = (['alice', 'ben'] as const).map((who) => ({
  name: `${who}.jsonl`,
  mimeType: 'application/x-ndjson',
  buffer: Buffer.from(nativeExport(seeds, who, who === 'alice' ? alice : ben)),
}));

const rgb = (hex: string) => {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
};
const style = (el: Locator, props: string[]) =>
  el.evaluate((e, names) => {
    const cs = getComputedStyle(e);
    return names.map((n) => cs.getPropertyValue(n));
  }, props);

test('each label has one colour and one line style and letter in the palette, span list, library, charts and lanes', async ({
  app,
}) => {
  const page = app.page;
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (await chooser).setFiles(files);
  await expect(page.getByRole('list', { name: 'Import report' })).toContainText('ben.jsonl — imported');
  await page.getByRole('button', { name: 'Close' }).click();
  await app.openDocument(seeds[1]!.title);

  for (const d of LABEL_DISPLAYS) {
    const colour = rgb(d.colour);
    const button = app.labelButton(d.title as 'Claim');
    expect(await style(button, ['border-top-color', 'border-top-style']), d.label).toEqual([colour, d.line]);
    await expect(button.locator('.lab-mark')).toHaveText(d.letter);
    const mark = page.locator(`.library .lab-mark.lab-${d.label}`).first();
    await expect(mark).toHaveText(d.letter);
    expect(await style(mark, ['background-color']), d.label).toEqual([colour]);
    const badge = app.spanItems().locator(`.badge.lab-${d.label}`).first();
    expect(await style(badge, ['border-top-color', 'border-top-style']), d.label).toEqual([colour, d.line]);
  }

  await page.getByRole('button', { name: 'Agreement' }).click();
  const view = page.getByRole('region', { name: 'Agreement' });
  await view.getByRole('button', { name: 'Compute agreement' }).click();
  for (const d of LABEL_DISPLAYS) {
    const swatch = view.locator(`.bar-row[data-label="${d.label}"] .swatch`);
    await expect(swatch).toHaveText(d.letter);
    expect(await style(swatch.locator('rect'), ['fill']), d.label).toEqual([rgb(d.colour)]);
  }
  await view.locator('.bar-row[data-label="claim"]').click();
  const lanes = page.getByTestId('lanes');
  for (const d of LABEL_DISPLAYS) {
    const bar = lanes.locator(`.lane-bar.first.lab-${d.label}`).first();
    await expect(bar).toHaveText(d.letter);
    expect(await style(bar, ['border-bottom-color', 'border-bottom-style']), d.label).toEqual([
      rgb(d.colour),
      d.line,
    ]);
  }
});

// Issue 19: the letter is the lanes' non-colour cue, so it must be readable where one annotator's
// spans overlap (they shared one 14 px row, each bar 7 px high: the letters were cut off).
test('overlapping spans in one lane each keep a readable letter, in a row of their own', async ({
  app,
}, testInfo) => {
  const page = app.page;
  const doc = seeds[0]!;
  const t = tokenOffsets(doc.text);
  const w = (i: number) => ({ start: t.starts[i] as number, end: t.ends[i] as number });
  const spans = {
    alice: [
      { id: 'a1', start: w(0).start, end: w(4).end, label: 'claim' as const, note: '' },
      { id: 'a2', start: w(2).start, end: w(6).end, label: 'quote' as const, note: '' },
      { id: 'a3', start: w(3).start, end: w(5).end, label: 'speculation' as const, note: '' },
    ],
    ben: [{ id: 'b1', start: w(0).start, end: w(4).end, label: 'claim' as const, note: '' }],
  };
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (
    await chooser
  ).setFiles(
    (['alice', 'ben'] as const).map((who) => ({
      name: `${who}.jsonl`,
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(nativeExport([doc], who, new Map([[doc.id, spans[who]]]))),
    })),
  );
  await expect(page.getByRole('list', { name: 'Import report' })).toContainText('ben.jsonl — imported');
  await page.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Agreement' }).click();
  const view = page.getByRole('region', { name: 'Agreement' });
  await view.getByRole('button', { name: 'Compute agreement' }).click();
  await view.locator('.bar-row[data-label="quote"]').click();
  const lanes = page.getByTestId('lanes');
  await expect(lanes).toBeVisible();
  await lanes.screenshot({ path: testInfo.outputPath('stacked-lanes.png') }); // kept for a look

  // In the piece all three of alice's spans cover: three bars, one above the other, none clipped.
  const bars = await lanes.locator('.lane-cell').evaluateAll((cells) =>
    cells
      .map((c) => [...c.querySelectorAll<HTMLElement>('.lane-bar')])
      .filter((b) => b.length === 3)
      .flatMap((b) =>
        b.map((bar) => {
          const r = bar.getBoundingClientRect();
          return {
            text: bar.textContent,
            top: r.top,
            bottom: r.bottom,
            clipped: bar.scrollHeight > bar.clientHeight,
          };
        }),
      ),
  );
  expect(bars.length).toBeGreaterThanOrEqual(3);
  for (const b of bars) expect(b.clipped, `bar ${b.text}`).toBe(false);
  const first = bars.slice(0, 3).sort((a, b) => a.top - b.top);
  for (let i = 1; i < 3; i++) expect(first[i]!.top).toBeGreaterThanOrEqual(first[i - 1]!.bottom - 0.5);
  // Each span starts in its own piece, with its letter there.
  for (const label of ['claim', 'quote', 'speculation'] as const) {
    const d = LABEL_DISPLAYS.find((x) => x.label === label)!;
    const bar = lanes.locator(`.lane-bar.first.lab-${label}`).first();
    await expect(bar).toHaveText(d.letter);
    expect(await bar.evaluate((e) => e.scrollHeight <= e.clientHeight), label).toBe(true);
  }
});
