import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Locator } from '@playwright/test';

import { LABEL_DISPLAYS } from '../../renderer/src/core/model/label-display';
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
