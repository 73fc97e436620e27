import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Page } from '@playwright/test';

import { loadSeeds, nativeExport, twoAnnotators } from '../shared/agreement-data';
import { expect, test } from './fixtures';
import { openLinkDecisions } from './link-adjudication-helpers';
import { AnnotatePage } from './pages/AnnotatePage';
import { ARTICLES, connectTeam, setUpProject, startTeamServer } from './team-server';

/**
 * axe-core with the WCAG 2.1 A and AA rules on every view (issue 19, "Done when"): no serious or
 * critical violation in the annotate view (library, article, palette, span list, inspector), the
 * help and Formats dialogs, export, settings with its Team section, the computed agreement, the
 * agreements behind a figure, adjudication (with link decisions), the import report, the Claims view, and (second test, with a team server)
 * the lead's Progress dashboard. A failure lists each rule id,
 * target and summary per view; each view's screenshot is kept in the test's output.
 */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
// Evaluated through the DevTools protocol: the app's CSP (script-src 'self') refuses a script tag.
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const seeds = loadSeeds(ROOT);

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: unknown[] }> };
      }
    ).axe;
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return r.violations;
  });
  return (violations as Violation[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map(
        (n) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(n.target)}: ${n.failureSummary ?? ''}`,
      ),
    );
}

test('no serious or critical WCAG 2.1 A/AA violation on any view', async ({ app }, testInfo) => {
  test.setTimeout(180_000);
  const { page } = app;
  const found: Record<string, string[]> = {};
  const check = async (view: string) => {
    found[view] = await seriousViolations(page);
    await page.screenshot({ path: testInfo.outputPath(`${view.replace(/\W+/g, '-')}.png`) });
  };

  // Import two annotators' spans: the report dialog, then every view has data to show.
  const { alice, ben } = twoAnnotators(seeds);
  const files = (['alice', 'ben'] as const).map((who) => ({
    name: `${who}.jsonl`,
    mimeType: 'application/x-ndjson',
    buffer: Buffer.from(nativeExport(seeds, who, who === 'alice' ? alice : ben)),
  }));
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (await chooser).setFiles(files);
  await expect(page.getByRole('list', { name: 'Import report' })).toContainText('ben.jsonl — imported');
  await check('import report');
  await page.keyboard.press('Escape');

  // Annotate: the library beside the article with alice's spans, the span list, the inspector open.
  await app.openDocument(seeds[1]!.title);
  await expect(app.spanItems().first()).toBeVisible();
  await app.spanItems().first().getByRole('button').first().click();
  await expect(app.inspector().getByRole('textbox').first()).toBeVisible();
  await check('annotate, library, inspector');

  await page.keyboard.press('Escape');
  await app.article.focus();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await check('help');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Formats' }).click();
  await expect(page.getByRole('dialog', { name: 'File formats' })).toBeVisible();
  await check('help: formats');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Export…' }).click();
  await expect(page.getByRole('dialog', { name: 'Export' })).toBeVisible();
  await check('export');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(settings.getByRole('region', { name: 'Team' })).toBeVisible();
  await check('settings with team');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Agreement' }).click();
  const view = page.getByRole('region', { name: 'Agreement' });
  await view.getByRole('button', { name: 'Compute agreement' }).click();
  await expect(view.getByRole('region', { name: 'Overall figures' })).toBeVisible();
  await check('agreement computed');

  // A diagonal cell: the agreements behind it, listed above the lanes.
  await view
    .getByRole('button', { name: /Show these agreements$/ })
    .first()
    .click();
  const dis = page.getByRole('region', { name: 'Disagreements' });
  await expect(dis.locator('.agreed-list')).toBeVisible();
  await check('agreements list');
  await dis.getByRole('button', { name: '‹ Back' }).click();

  await view.locator('.bar-row[data-label="claim"]').click();
  await expect(page.getByTestId('lanes')).toBeVisible();
  await dis
    .getByRole('button', { name: /^Accept \w+’s$/ })
    .first()
    .click();
  await expect(dis.locator('.gold-now')).toContainText('Gold:');
  await check('adjudicate');

  // The Claims view (issue 16): the imported claim spans, one cluster each.
  await page.getByRole('button', { name: 'Claims', exact: true }).click();
  const claims = page.getByRole('region', { name: 'Claims' });
  await expect(claims.getByTestId('claims-totals')).toContainText('claim clusters');
  await expect(
    claims.getByRole('list', { name: 'Claim clusters' }).getByRole('heading').first(),
  ).toBeVisible();
  await check('claims');

  expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
});

// Link decisions in the Adjudication view (issue 16): two annotators' different links, one accepted.
test('no serious or critical WCAG 2.1 A/AA violation on the link decisions', async ({ app }, testInfo) => {
  const { links } = await openLinkDecisions(app.page);
  const item = links.getByRole('listitem').filter({ hasText: 'alice:' }).first();
  await item.getByRole('button', { name: 'Accept alice’s link' }).click();
  await expect(item.locator('.gold-now')).toContainText('Gold: contradicts');
  const found = await seriousViolations(app.page);
  await app.page.screenshot({ path: testInfo.outputPath('link-decisions.png'), fullPage: true });
  expect(found).toEqual([]);
});

// The lead's Progress dashboard needs a team: a server started here, alice's label on it, the lead's view.
test('no serious or critical WCAG 2.1 A/AA violation on the lead’s Progress dashboard', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const server = await startTeamServer(`http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`);
  try {
    setUpProject(server.url, { alice: [0, 1], bob: [1, 2] });
    const signIn = async (user: string, password: string) => {
      const app = new AnnotatePage(await (await browser.newContext()).newPage());
      await app.open();
      await app.setName(user);
      await connectTeam(app.page, server.url, user, password);
      return app;
    };
    const alice = await signIn('alice', 'alice-pw');
    await alice.openDocument(ARTICLES[1]!.title);
    await alice.dragSelect(0, 5);
    await alice.page.keyboard.press('1');
    await alice.expectSaved();
    const lead = await signIn('lena', 'lena-pw');
    await lead.page.getByRole('button', { name: 'Progress' }).click();
    const view = lead.page.getByRole('region', { name: 'Progress' });
    // The figures have arrived (the table and the documents list filled), so axe sees them.
    await expect(
      view
        .getByRole('table', { name: 'Annotators' })
        .locator('tr[data-annotator="alice"] [data-field="spans"]'),
    ).toHaveText('1', { timeout: 30_000 });
    await expect(view.getByRole('list', { name: 'Documents' }).getByRole('listitem')).toHaveCount(3);
    const found = await seriousViolations(lead.page);
    await lead.page.screenshot({ path: testInfo.outputPath('progress.png') });
    expect(found).toEqual([]);
  } finally {
    await server.stop();
  }
});
