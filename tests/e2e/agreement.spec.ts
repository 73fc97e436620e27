import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { computeAgreement } from '../../renderer/src/core/agreement/report';
import { formatFigure } from '../../renderer/src/core/agreement-report/format';
import { loadSeeds, nativeExport, twoAnnotators } from '../shared/agreement-data';
import { expect, test } from './fixtures';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const seeds = loadSeeds(ROOT);
const { alice, ben } = twoAnnotators(seeds);
const files = [
  {
    name: 'alice.jsonl',
    mimeType: 'application/x-ndjson',
    buffer: Buffer.from(nativeExport(seeds, 'alice', alice)),
  },
  {
    name: 'ben.jsonl',
    mimeType: 'application/x-ndjson',
    buffer: Buffer.from(nativeExport(seeds, 'ben', ben)),
  },
];
const expected = computeAgreement({
  documents: seeds.map((d) => ({ id: d.id, text: d.text })),
  annotators: ['alice', 'ben'],
  spans: [
    ...[...alice].flatMap(([doc, list]) => list.map((s) => ({ ...s, doc, annotator: 'alice' }))),
    ...[...ben].flatMap(([doc, list]) => list.map((s) => ({ ...s, doc, annotator: 'ben' }))),
  ],
});

test('import two annotators, check the agreement shown, adjudicate three disagreements, export gold', async ({
  app,
}, testInfo) => {
  const page = app.page;
  // Two annotators' native exports of the seed articles, through the import dialog.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (await chooser).setFiles(files);
  const report = page.getByRole('list', { name: 'Import report' });
  await expect(report).toContainText('alice.jsonl — imported');
  await expect(report).toContainText('ben.jsonl — imported');
  await page.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('button', { name: 'Agreement' }).click();
  const view = page.getByRole('region', { name: 'Agreement' });
  await expect(view.getByRole('checkbox', { name: 'alice' })).toBeChecked();
  await expect(view.getByRole('checkbox', { name: 'ben' })).toBeChecked();
  await view.getByRole('button', { name: 'Compute agreement' }).click();

  // The figures shown are computeAgreement's for the same data, with their basis.
  const overall = view.getByRole('region', { name: 'Overall figures' });
  await expect(overall.getByTestId('basis')).toHaveText(
    `${expected.n_documents} documents · ${expected.n_tokens} tokens · spans: alice ${expected.n_spans['alice']}, ben ${expected.n_spans['ben']}`,
  );
  const shown = async (key: string) => {
    const cell = overall.locator(`tr[data-figure="${key}"] td`).first();
    return { text: (await cell.textContent()) ?? '', value: await cell.getAttribute('data-value') };
  };
  const checks: [string, number | null][] = [
    ['krippendorff_alpha', expected.token.krippendorff_alpha],
    ['fleiss_kappa', expected.token.fleiss_kappa],
    ['cohen_kappa_mean', expected.token.cohen_kappa.mean],
    ['overlap_f1', expected.span.overlap.mean_f1],
    ['exact_f1', expected.span.exact.mean_f1],
    ['alpha_u', expected.unitizing.alpha_u],
  ];
  for (const [key, want] of checks) {
    const got = await shown(key);
    expect(got.value, key).toBe(String(want));
    expect(got.text.startsWith(formatFigure(want)), key).toBe(true);
  }
  const kappaCell = view.locator('g.cell[data-metric="kappa"][data-pair="alice|ben"]');
  await expect(kappaCell).toHaveAttribute(
    'data-value',
    String(expected.token.cohen_kappa.pairs['alice|ben']),
  );
  for (const label of ['claim', 'quote', 'figure', 'speculation']) {
    await expect(view.locator(`g.bar-row[data-label="${label}"]`)).toHaveAttribute(
      'data-value',
      String(expected.token.per_label[label]?.krippendorff_alpha ?? null),
    );
  }

  // The report saves as a self-contained HTML page (no script) and as CSV with the same κ.
  const save = async (name: string) => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      view.getByRole('button', { name: `Save report as ${name}` }).click(),
    ]);
    const { readFileSync } = await import('node:fs');
    return readFileSync(await download.path(), 'utf8');
  };
  const html = await save('HTML page');
  expect(html).toContain('<svg');
  expect(html).not.toMatch(/<script/i);
  const csv = await save('CSV');
  expect(csv).toContain(
    `token,cohen_kappa,,alice|ben,${expected.token.cohen_kappa.pairs['alice|ben']},true,`,
  );
  mkdirSync(testInfo.outputDir, { recursive: true }); // kept for a look at the printed report
  writeFileSync(join(testInfo.outputDir, 'agreement-report.html'), html);

  // The worst document's row opens its disagreements.
  await view.getByRole('region', { name: 'Documents, worst first' }).getByRole('button').first().click();
  const dis = page.getByRole('region', { name: 'Disagreements' });
  await expect(dis.getByTestId('lanes')).toBeVisible();
  const position = dis.getByTestId('decision-position');
  await expect(position).toContainText('1 of');
  const decision = dis.getByRole('region', { name: 'Decision' });

  // 1: accept alice's span.
  await decision.getByRole('button', { name: /^Accept alice’s$/ }).click();
  await expect(decision).toHaveAttribute('data-status', 'accepted');
  // 2: next (j), reject with a reason.
  await page.keyboard.press('j');
  await expect(position).toContainText('2 of');
  await decision.getByRole('combobox', { name: 'Reason' }).selectOption('guideline_gap');
  await decision.getByRole('button', { name: 'Reject' }).click();
  await expect(decision).toHaveAttribute('data-status', 'rejected');
  // 3: next, accept ben's, then undo and redo it.
  await page.getByRole('button', { name: 'Next disagreement ›' }).click();
  await expect(position).toContainText('3 of');
  await decision
    .getByRole('button', { name: /^Accept (ben|alice)’s$/ })
    .first()
    .click();
  await expect(decision).toHaveAttribute('data-status', 'accepted');
  await page.keyboard.press('Control+z');
  await expect(decision).toHaveAttribute('data-status', 'open');
  await page.keyboard.press('Control+Shift+z');
  await expect(decision).toHaveAttribute('data-status', 'accepted');
  await expect(position).toContainText('3 decided');
  await dis.getByRole('button', { name: /Accept everything all annotators agree on/ }).click();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dis.getByRole('button', { name: 'Export gold' }).click(),
  ]);
  const { readFileSync } = await import('node:fs');
  const lines = readFileSync(await download.path(), 'utf8')
    .trim()
    .split('\n')
    .map(
      (l) =>
        JSON.parse(l) as {
          annotator: string;
          text: string;
          spans: { id: string; start: number; end: number; text: string }[];
          meta: {
            gold: Record<
              string,
              {
                proposed_by: string[];
                decided_by: string;
                decided_at: string;
                action: string;
                reason?: string;
              }
            >;
          };
        },
    );
  expect(lines).toHaveLength(1);
  const gold = lines[0]!;
  expect(gold.annotator).toBe('gold');
  expect(gold.spans.length).toBeGreaterThan(2);
  for (const s of gold.spans) {
    const p = gold.meta.gold[s.id];
    expect(p, s.id).toBeDefined();
    expect(p!.decided_by).toBe('alice');
    expect(Number.isNaN(Date.parse(p!.decided_at))).toBe(false);
    expect(p!.proposed_by.length).toBeGreaterThan(0);
    expect(Array.from(gold.text).slice(s.start, s.end).join('')).toBe(s.text);
  }
  const actions = Object.values(gold.meta.gold).map((p) => p.action);
  expect(actions.filter((a) => a === 'accepted')).toHaveLength(2);
  expect(actions.filter((a) => a === 'agreed').length).toBeGreaterThan(0);
});
