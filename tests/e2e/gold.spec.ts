import { readFileSync } from 'node:fs';

import { expect, test } from './fixtures';
import { at, openDisagreements } from './adjudication-helpers';
import { storedRows } from './helpers';

// Issue 19 item 5: gold keeps the accepted spans' notes and "unsure" flags with who wrote them,
// its export carries them, and gold is done once nothing is left to decide (the lead can reopen).
test('gold keeps notes and unsure with their authors, is exported with them, and is done when all is decided', async ({
  app,
}, testInfo) => {
  const page = app.page;
  const { dis, decision } = await openDisagreements(page);
  const goldStatus = dis.getByTestId('gold-status');
  await expect(dis.getByTestId('decision-position')).toContainText('1 of 2');
  await expect(goldStatus).toHaveText('Gold: To do');

  // The claim: alice's, with her note and unsure flag.
  await decision.getByRole('button', { name: 'Accept alice’s' }).click();
  await expect(decision).toHaveAttribute('data-status', 'accepted');
  await expect(decision.locator('.gold-now')).toContainText('note: alice: check the source');
  await expect(goldStatus).toHaveText('Gold: In progress');
  // The speculation only alice marked.
  await page.keyboard.press('j');
  await decision.getByRole('button', { name: 'Accept alice’s' }).click();
  await expect(decision).toHaveAttribute('data-status', 'accepted');
  await expect(goldStatus).toHaveText('Gold: In progress'); // the agreed figure is not in gold yet
  // The figure both marked: both notes kept.
  const acceptAgreed = dis.getByRole('button', { name: /Accept everything all annotators agree on/ });
  await acceptAgreed.click();
  await expect(goldStatus).toHaveText('Gold: Done');
  // Nothing is left to decide: the bulk accept is no longer offered (review of issue 19).
  await expect(acceptAgreed).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('gold-done.png') }); // kept for a look
  await expect
    .poll(async () =>
      // Gold's status has its own table since schema v7 (issue 17).
      (await storedRows<{ status: string }>(page, 'goldStatus')).map((r) => r.status),
    )
    .toEqual(['done']);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dis.getByRole('button', { name: 'Export gold' }).click(),
  ]);
  const record = JSON.parse(readFileSync(await download.path(), 'utf8').trim()) as {
    status: string;
    spans: { id: string; label: string; note: string; unsure?: boolean }[];
    meta: {
      gold: Record<string, { notes?: { annotator: string; note: string }[]; unsure_by?: string[] }>;
    };
  };
  expect(record.status).toBe('done');
  const byLabel = new Map(record.spans.map((s) => [s.label, s]));
  expect(byLabel.get('claim')).toMatchObject({ note: 'alice: check the source', unsure: true });
  expect(byLabel.get('speculation')).toMatchObject({ note: 'alice: hedged' });
  expect(byLabel.get('speculation')?.unsure).toBeUndefined();
  expect(byLabel.get('figure')).toMatchObject({ note: 'alice: as printed\nben: rounded?', unsure: true });
  const figure = record.meta.gold[byLabel.get('figure')!.id];
  expect(figure?.notes).toEqual([
    { annotator: 'alice', note: 'as printed' },
    { annotator: 'ben', note: 'rounded?' },
  ]);
  expect(figure?.unsure_by).toEqual(['ben']);
  expect(record.meta.gold[byLabel.get('claim')!.id]?.unsure_by).toEqual(['alice']);

  // The lead reopens gold; it stays open after a reload, and undo makes it done again.
  await dis.getByRole('button', { name: 'Reopen gold' }).click();
  await expect(goldStatus).toHaveText('Gold: In progress');
  // Reopened, it is offered again; gold holds every agreed span, so there is nothing it would add.
  await expect(acceptAgreed).toHaveText('Accept everything all annotators agree on (0)');
  await expect(acceptAgreed).toBeDisabled();
  await page.keyboard.press('Control+z');
  await expect(goldStatus).toHaveText('Gold: Done');
  await page.keyboard.press('Control+Shift+z');
  await expect(goldStatus).toHaveText('Gold: In progress');
  await expect
    .poll(async () => (await storedRows<{ status: string }>(page, 'goldStatus')).map((r) => r.status))
    .toEqual(['in_progress']);
});

// Issue 19 items 6 and 7: a reason is recorded with the decision it was given for only, and the
// boundary fields follow the gold choice.
test('each decision records only its own reason; the boundary fields follow the gold choice', async ({
  app,
}) => {
  const page = app.page;
  const { dis, decision } = await openDisagreements(page);
  const start = decision.getByRole('spinbutton', { name: 'Gold start (code points)' });
  const end = decision.getByRole('spinbutton', { name: 'Gold end (code points)' });
  const [, aliceEnd] = at('the budget grew by 5 percent');
  const [benStart, benEnd] = at('the budget grew');

  // The claim: the fields show the first candidate (ben's, shorter), then follow each choice.
  await expect(end).toHaveValue(String(benEnd));
  await decision.getByRole('combobox', { name: 'Reason' }).selectOption('annotator_error');
  await decision.getByRole('button', { name: 'Accept alice’s' }).click();
  await expect(decision).toHaveAttribute('data-status', 'accepted');
  await expect(end).toHaveValue(String(aliceEnd));
  await expect(start).toHaveValue(String(benStart));
  // The reason was used up by that decision.
  await expect(decision.getByRole('combobox', { name: 'Reason' })).toHaveValue('');
  await decision.getByRole('button', { name: 'Accept ben’s' }).click();
  await expect(end).toHaveValue(String(benEnd));
  await decision.getByRole('button', { name: 'Accept alice’s' }).click();
  await expect(end).toHaveValue(String(aliceEnd));
  // Setting the boundaries as shown changes nothing: gold keeps alice's span.
  await decision.getByRole('button', { name: 'Set boundaries' }).click();
  await expect(page.getByRole('status').first()).toContainText('The boundaries are unchanged.');
  await expect(decision.locator('.gold-now')).toContainText(`${benStart}–${aliceEnd}`);

  // The speculation: rejected with no reason given.
  await page.keyboard.press('j');
  await expect(dis.getByTestId('decision-position')).toContainText('2 of 2');
  await decision.getByRole('button', { name: 'Reject' }).click();
  await expect(decision).toHaveAttribute('data-status', 'rejected');
  await expect(decision.locator('.gold-now')).toHaveText('Rejected by alice.');

  // Gold and decisions have their own tables (schema v4).
  type Row = { provenance?: { reason?: string; action: string } };
  await expect
    .poll(async () =>
      (await storedRows<Row>(page, 'goldSpans')).map((r) => [
        r.provenance?.action,
        r.provenance?.reason ?? null,
      ]),
    )
    .toEqual([['accepted', null]]);
  const rejections = await storedRows<Record<string, unknown>>(page, 'decisions');
  expect(rejections).toEqual([expect.not.objectContaining({ reason: expect.anything() })]);
});

// Issue 19 item 13: every figure opens the spans behind it; diagonal confusion cells are agreements.
test('overall figures and confusion cells open the spans behind them, with a correct label', async ({
  app,
}, testInfo) => {
  const page = app.page;
  await openDisagreements(page);
  await page.getByRole('button', { name: '‹ Back' }).click();
  const view = page.getByRole('region', { name: 'Agreement' });
  const dis = page.getByRole('region', { name: 'Disagreements' });
  const overall = view.getByRole('region', { name: 'Overall figures' });
  const alpha = overall.locator('tr[data-figure="krippendorff_alpha"] td').first();
  await expect(alpha).toHaveRole('button');
  await expect(alpha).toHaveAccessibleName(/^Krippendorff.*show the spans behind it/);
  await alpha.click();
  // The heading says what is listed: here two disagreements and one agreed span.
  await expect(dis.getByRole('heading', { level: 2 })).toHaveText(
    /^Disagreements and agreements: Krippendorff/,
  );
  await expect(dis.getByTestId('decision-position')).toContainText('1 of 2');
  await expect(dis.getByRole('list', { name: 'Agreements' }).getByRole('listitem')).toHaveText([
    /figure \d+–\d+ “5 percent” · alice, ben/,
  ]);
  await page.screenshot({ path: testInfo.outputPath('behind-alpha.png') }); // kept for a look
  await page.getByRole('button', { name: '‹ Back' }).click();

  // Both marked "5 percent" a figure alike: the figure bar opens that agreement alone, and the
  // heading does not call it a disagreement.
  await view.getByRole('button', { name: /^figure F .*show the figure spans behind it$/ }).click();
  await expect(dis.getByRole('heading', { level: 2 })).toHaveText('Agreements: label figure');
  await expect(dis.getByTestId('decision-position')).toContainText('No disagreement here');
  await expect(dis.getByRole('list', { name: 'Agreements' }).getByRole('listitem')).toHaveCount(1);
  await page.getByRole('button', { name: '‹ Back' }).click();

  // Every overall figure opens; so does every figure of the document table.
  const rows = overall.locator('tr[data-figure]');
  const count = await rows.count();
  expect(count).toBeGreaterThan(4);
  for (let i = 0; i < count; i++) await expect(rows.nth(i).locator('td').first()).toHaveRole('button');
  await expect(
    view.getByRole('region', { name: 'Documents, worst first' }).getByRole('button', { name: /Budget: α/ }),
  ).toBeVisible();

  // Token view: alice's claim covers "5 percent" too, so the diagonal cell with tokens is claim × claim.
  const confusion = view.getByRole('table', { name: /Label confusion/ });
  const diagonal = confusion.getByRole('button', {
    name: /^3 tokens: alice claim, ben claim\. Show these agreements$/,
  });
  await expect(diagonal).toHaveCount(1);
  await expect(
    confusion.getByRole('button', { name: /^2 tokens: alice claim, ben figure\. Show these disagreements$/ }),
  ).toHaveCount(1);
  await expect(
    confusion.getByRole('button', { name: /alice (\w+), ben \1\. Show these disagreements/ }),
  ).toHaveCount(0);
  await diagonal.click();
  // Both marked a claim there, with other ends: that one decision, and no agreed claim span.
  await expect(dis.getByRole('heading', { level: 2 })).toHaveText('Disagreements: alice claim × ben claim');
  await expect(dis.getByTestId('decision-position')).toContainText('1 of 1');
  await expect(dis.getByRole('region', { name: 'Decision' })).toContainText('claim');
  await expect(dis.getByRole('list', { name: 'Agreements' }).getByRole('listitem')).toHaveCount(0);
});
