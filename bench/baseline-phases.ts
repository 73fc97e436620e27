/**
 * The label and scroll figures of the two no-framework baselines (the lab page, bench/lab/), measured
 * the same way as the app's: the same article, spans, selections and scroll steps. Printed beside the
 * app's figures as the physical limit, as for open.
 */
import type { Page } from '@playwright/test';

import { scrollThrough } from './app-driver';
import type { SeededCase } from './lab/seed-db';
import { percentile, summarize, type Summary } from './stats';

export const KINDS = ['mark', 'css'] as const;
export type Kind = (typeof KINDS)[number];

export async function gotoLab(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/bench-lab/index.html`);
  await page.waitForFunction(() => document.body.dataset['ready'] === 'true');
}

async function render(page: Page, kind: Kind, c: SeededCase): Promise<void> {
  await page.evaluate(() => window.__lab.clear());
  const shown = await page.evaluate(({ kind, c }) => window.__lab.baseline(kind, c), { kind, c });
  if (kind === 'css' && shown.painted !== c.spans)
    throw new Error(`CSS baseline painted ${shown.painted} of ${c.spans}`);
}

export interface BaselineLabel {
  readonly p50: Summary;
  readonly p95: Summary;
}

/** p50/p95 of `perRun` labels per run on each baseline, medians across runs. */
export async function labelBaselines(
  page: Page,
  base: string,
  c: SeededCase,
  runs: number,
  perRun: number,
  problems: string[],
) {
  await gotoLab(page, base);
  const out = {} as Record<Kind, BaselineLabel>;
  for (const kind of KINDS) {
    const p50: number[] = [];
    const p95: number[] = [];
    for (let r = 0; r < runs; r++) {
      await render(page, kind, c);
      const { ms, added } = await page.evaluate(
        ({ kind, perRun, r }) => window.__lab.labelBaseline(kind, perRun, r),
        {
          kind,
          perRun,
          r,
        },
      );
      if (added !== ms.length)
        problems.push(`${kind} baseline: ${ms.length} labels added ${added} highlights`);
      p50.push(percentile(ms, 50));
      p95.push(percentile(ms, 95));
    }
    out[kind] = { p50: summarize(p50), p95: summarize(p95) };
  }
  await page.evaluate(() => window.__lab.clear());
  return out;
}

/** p95 scroll frame over each baseline, top to bottom (app-driver.scrollThrough), median across runs. */
export async function scrollBaselines(page: Page, base: string, c: SeededCase, runs: number) {
  await gotoLab(page, base);
  const out = {} as Record<Kind, Summary>;
  for (const kind of KINDS) {
    await render(page, kind, c);
    const p95: number[] = [];
    for (let r = 0; r < runs; r++) p95.push(percentile((await scrollThrough(page, '#scroller')).work, 95));
    out[kind] = summarize(p95);
  }
  await page.evaluate(() => window.__lab.clear());
  return out;
}
