import type { Page } from '@playwright/test';

import { LABEL_DISPLAYS } from '../../renderer/src/core/model/label-display';
import { expect, test } from './fixtures';
import { addArticle } from './helpers';
import { seedSpans, type SeedSpan } from './seed-spans';

/**
 * Overlapping spans stay readable (issue 19, "Readable overlaps"): each label keeps its own underline
 * in its line style, stacked where spans overlap, with ticks at starts and ends; where labels overlap
 * a neutral tint replaces the blend of their tints; unsure spans and spans with notes are marked.
 */
const TEXT =
  'Overlaps\n' +
  'The council said the budget of $14.8 billion “will likely grow next year,” according to the mayor, ' +
  'who declined to comment further on 𝔘nicode 😀 and القاهرة figures.';
const at = (s: string): number => Array.from(TEXT.slice(0, TEXT.indexOf(s))).length;
const len = (s: string): number => Array.from(s).length;
const SPANS: SeedSpan[] = [
  { start: at('The council'), end: at(' according'), label: 'claim' },
  {
    start: at('“will'),
    end: at('“will') + len('“will likely grow next year,”'),
    label: 'quote',
    note: 'mayor',
  },
  { start: at('$14.8'), end: at('$14.8') + len('$14.8 billion'), label: 'figure' },
  { start: at('will likely'), end: at(', who'), label: 'speculation', unsure: true },
];

/** Per label, the canvas rows (CSS px, in the host's coordinates) that hold pixels of its colour. */
async function markRows(page: Page): Promise<Record<string, number[]>> {
  return page.evaluate(
    (labels) => {
      const c = document.querySelector<HTMLCanvasElement>('[data-testid="article-marks"]');
      if (!c || c.width === 0) return {};
      const ctx = c.getContext('2d');
      if (!ctx) return {};
      const { data, width, height } = ctx.getImageData(0, 0, c.width, c.height);
      const scale = c.width / c.clientWidth;
      const top = parseFloat(c.style.top);
      const out: Record<string, number[]> = {};
      for (const { label, colour } of labels) {
        const n = parseInt(colour.slice(1), 16);
        const rgb = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
        const rows = new Set<number>();
        for (let y = 0; y < height; y++)
          for (let x = 0; x < width; x++) {
            const i = (y * width + x) * 4;
            // Opaque enough and close to the colour (antialiased edges are skipped).
            if ((data[i + 3] as number) < 200) continue;
            if (rgb.every((v, k) => Math.abs((data[i + k] as number) - v) < 24)) {
              rows.add(Math.round(top + y / scale));
              break;
            }
          }
        out[label] = [...rows].sort((a, b) => a - b);
      }
      return out;
    },
    LABEL_DISPLAYS.map((d) => ({ label: d.label, colour: d.colour })),
  );
}

/** Opens the overlaps article with its four spans; the canvas rows once every label has drawn. */
async function openOverlaps(page: Page, app: { openDocument(title: string): Promise<void> }) {
  await addArticle(page, TEXT, 'Overlaps');
  await seedSpans(page, TEXT, SPANS);
  await app.openDocument('Overlaps');
  await expect(page.locator('.article-scroller')).toHaveAttribute('data-painted', '4');
  await expect.poll(async () => Object.values(await markRows(page)).every((r) => r.length > 0)).toBe(true);
  return markRows(page);
}

// Twice the pixels: the docs picture is sharper, and the canvas must follow the device pixel ratio.
test.use({ deviceScaleFactor: 2 });

test('overlapping claim, quote, figure and speculation each keep their own stacked underline', async ({
  app,
  page,
}) => {
  // Each label draws its own rows; stacked, the four underlines sit on different rows.
  const rows = await openOverlaps(page, app);
  const lowest = Object.fromEntries(Object.entries(rows).map(([l, r]) => [l, Math.max(...r)]));
  // The claim encloses everything and starts first: top lane; the quote nests in it (lane 1); the
  // figure comes earlier but lane 1 is free there; the speculation crosses the quote: lane 2.
  expect(lowest['claim']).toBeLessThan(lowest['quote'] as number);
  expect(lowest['quote']).toBeLessThan(lowest['speculation'] as number);
  expect(new Set(Object.values(lowest)).size).toBeGreaterThanOrEqual(3);

  // Where labels mix, a neutral tint covers exactly the overlapping text, nothing more.
  const mixed = await page.evaluate(() =>
    Array.from(CSS.highlights.get('m-mixed') ?? [], (r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString();
    }),
  );
  expect(mixed).toEqual(['$14.8 billion', '“will likely grow next year,”']);
  const tint = await page.evaluate(() => {
    for (const rule of Array.from(document.styleSheets).flatMap((s) => Array.from(s.cssRules)))
      if (rule instanceof CSSStyleRule && rule.selectorText === '::highlight(m-mixed)')
        return rule.style.getPropertyValue('background-color');
    return '';
  });
  // Opaque: the label tints under it cannot show through and blend.
  expect(tint).toMatch(/^rgb\(\d+, \d+, \d+\)$/);

  // The picture in docs/overlaps.png (look at it after a change to the marks).
  const box = await page.locator('.article').boundingBox();
  if (box) await page.screenshot({ path: 'test-results/overlaps.png', clip: { ...box, height: 150 } });
});

test('the underlines follow their text when the article grows taller, without measuring every span again', async ({
  app,
  page,
}) => {
  const before = await openOverlaps(page, app);
  // Text lower, the same width (as chunks laid out above the screen do): count the span
  // measurements (Range.getClientRects) the redraw makes.
  const moved = await page.evaluate(async () => {
    const first = document.querySelector('[data-testid="article"] .m-paragraph') as HTMLElement;
    const top = first.getBoundingClientRect().top;
    const counted = window as unknown as { rangeRects: number };
    counted.rangeRects = 0;
    const original = Range.prototype.getClientRects;
    Range.prototype.getClientRects = function (this: Range) {
      counted.rangeRects++;
      return original.call(this);
    };
    document.querySelector<HTMLElement>('[data-testid="article"]')?.style.setProperty('padding-top', '40px');
    for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(r));
    await new Promise((r) => setTimeout(r, 50));
    return first.getBoundingClientRect().top - top;
  });
  expect(moved).toBeGreaterThan(20);
  const shifted = (rows: number[] | undefined): number[] => (rows ?? []).map((y) => y + moved);
  await expect
    .poll(async () => {
      const after = await markRows(page);
      return Object.keys(before).every(
        (l) => JSON.stringify(after[l]) === JSON.stringify(shifted(before[l])),
      );
    })
    .toBe(true);
  expect(await page.evaluate(() => (window as unknown as { rangeRects: number }).rangeRects)).toBe(0);
});

test('a label clears and redraws only the lines of its span, and the marks equal a full redraw', async ({
  app,
  page,
}) => {
  const paragraphs = Array.from(
    { length: 16 },
    (_, i) => `Paragraph ${i} says the council approved the budget of $${i}.5 billion for the next year.`,
  );
  const text = `Many lines\n${paragraphs.join('\n')}`;
  const start = (i: number): number => Array.from(text.slice(0, text.indexOf(`Paragraph ${i} `))).length;
  // A claim on "Paragraph" and a figure on the amount of every paragraph: marks on every line.
  const seeded: SeedSpan[] = paragraphs.flatMap((p, i) => {
    const amount = p.indexOf('$');
    return [
      { start: start(i), end: start(i) + 9, label: 'claim' as const },
      { start: start(i) + amount, end: start(i) + amount + 4, label: 'figure' as const },
    ];
  });
  await addArticle(page, text, 'Many lines');
  await seedSpans(page, text, seeded);
  await app.openDocument('Many lines');
  await expect(page.locator('.article-scroller')).toHaveAttribute('data-painted', String(seeded.length));
  await expect.poll(async () => (await markRows(page))['figure']?.length ?? 0).toBeGreaterThan(0);
  // The whole canvas has been drawn (the pass after the first frame) before the label.
  await page.waitForTimeout(300);
  await page.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>('[data-testid="article-marks"]');
    const ctx = c?.getContext('2d');
    if (!ctx) throw new Error('no marks canvas');
    const log = window as unknown as { cleared: number[] };
    log.cleared = [];
    const clear = ctx.clearRect.bind(ctx);
    ctx.clearRect = (x: number, y: number, w: number, h: number) => {
      log.cleared.push(h);
      clear(x, y, w, h);
    };
  });
  // "council" in paragraph 8, as a quote.
  const council = start(8) + paragraphs[8]!.indexOf('council');
  await app.dragSelect(council, council + 7);
  await page.keyboard.press('2');
  await expect(page.locator('.article-scroller')).toHaveAttribute('data-painted', String(seeded.length + 1));
  await expect.poll(async () => (await markRows(page))['quote']?.length ?? 0).toBeGreaterThan(0);
  await page.waitForTimeout(300);
  const { cleared, canvasHeight, lineHeight } = await page.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>('[data-testid="article-marks"]') as HTMLCanvasElement;
    const line = document.querySelectorAll('[data-testid="article"] .m-paragraph')[9] as HTMLElement;
    return {
      cleared: (window as unknown as { cleared: number[] }).cleared,
      canvasHeight: c.clientHeight,
      lineHeight: line.getBoundingClientRect().height,
    };
  });
  // Only the quote's line and the reach of its marks (16 px above and below, rounded out).
  expect(cleared.length).toBeGreaterThan(0);
  for (const h of cleared) expect(h).toBeLessThanOrEqual(lineHeight + 2 * 16 + 2);
  expect(canvasHeight).toBeGreaterThan(3 * (lineHeight + 34));

  // What the label left on the canvas is what a full redraw draws.
  const pixels = (): Promise<string> =>
    page.evaluate(async () => {
      const c = document.querySelector<HTMLCanvasElement>(
        '[data-testid="article-marks"]',
      ) as HTMLCanvasElement;
      const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
      const digest = await crypto.subtle.digest('SHA-256', data);
      return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
    });
  const afterLabel = await pixels();
  const restyle = (name: string, value: string): Promise<number[]> =>
    page.evaluate(
      async ({ name, value }) => {
        const log = window as unknown as { cleared: number[] };
        log.cleared = [];
        const article = document.querySelector<HTMLElement>('[data-testid="article"]');
        if (value) article?.style.setProperty(name, value);
        else article?.style.removeProperty(name);
        for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(r));
        await new Promise((r) => setTimeout(r, 100));
        return log.cleared;
      },
      { name, value },
    );
  // A new article height that moves no line (padding below the text) redraws nothing: the canvas
  // already shows every mark where it stands.
  expect(await restyle('padding-bottom', '40px')).toEqual([]);
  expect(await pixels()).toBe(afterLabel);
  // A new width measures every box again and redraws everything; back at the old width, so does
  // the article, with what a full redraw draws.
  await restyle('width', '300px');
  expect(Math.max(...(await restyle('width', '')))).toBeGreaterThan(canvasHeight - 1);
  expect(await pixels()).toBe(afterLabel);
});
