/**
 * The baselines' side of each phase (the lab page, bench/lab/): the same article and spans as the app,
 * rendered with the app's typography in a scroller of the app's article size. The runner interleaves
 * them with the app's repetitions (rotating the order per repetition, `rotation`), so a slow moment of a
 * shared machine hits all of them alike.
 */
import type { Page } from '@playwright/test';

import type { BaselineKind, Measured } from './lab-api';
import type { SeededCase } from './lab/seed-db';

export const BASELINES: readonly BaselineKind[] = ['mark', 'css', 'win'];
export type Subject = 'app' | BaselineKind;

/** The four subjects in the order of repetition `r`: each goes first once in four repetitions. */
export function rotation(r: number): Subject[] {
  const all: Subject[] = ['app', ...BASELINES];
  return all.map((_, i) => all[(i + r) % all.length] as Subject);
}

export interface Geometry {
  readonly width: number;
  readonly height: number;
}

export async function gotoLab(page: Page, base: string): Promise<void> {
  if (!page.url().includes('/bench-lab/')) {
    await page.goto(`${base}/bench-lab/index.html`);
    await page.waitForFunction(() => document.body.dataset['ready'] === 'true');
  }
  await page.evaluate(() => window.__lab.clear());
}

/** Renders baseline `kind` of case `c` on the lab page, sized as the app's article. */
export async function showBaseline(
  page: Page,
  base: string,
  kind: BaselineKind,
  c: SeededCase,
  geometry: Geometry,
): Promise<Measured> {
  await gotoLab(page, base);
  await page.evaluate(({ width, height }) => window.__lab.setGeometry(width, height), geometry);
  return page.evaluate(({ kind, c }) => window.__lab.baseline(kind, c), { kind, c });
}
