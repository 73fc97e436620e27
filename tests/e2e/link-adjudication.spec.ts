import { readFileSync } from 'node:fs';

import { expect, test } from './fixtures';
import { DOUBT, GREW, openLinkDecisions } from './link-adjudication-helpers';

// Issue 16 item 4: the lead decides the annotators' links into gold like spans, with provenance,
// undoably, and the gold export carries the gold link.
test('two annotators link two claims differently; the lead accepts one; gold export has it', async ({
  app,
}) => {
  const page = app.page;
  const { dis, links, docId } = await openLinkDecisions(page);
  const item = links.getByRole('listitem').filter({ hasText: 'alice:' }).first();
  await expect(item).toHaveAttribute('data-status', 'open');
  await expect(item).toContainText('alice: contradicts');
  await expect(item).toContainText('ben: “Critics doubt it” supports “the budget grew by 5 percent”');

  await item.getByRole('button', { name: 'Accept alice’s link' }).click();
  await expect(item).toHaveAttribute('data-status', 'accepted');
  await expect(item.locator('.gold-now')).toContainText('Gold: contradicts — accepted by');
  await expect(item.locator('.gold-now')).toContainText('proposed by alice');
  await expect(app.status()).toContainText("Gold: accepted alice's link.");

  // Undo and redo go through the adjudication's command queue.
  await dis.getByRole('button', { name: 'Undo' }).click();
  await expect(item).toHaveAttribute('data-status', 'open');
  await dis.getByRole('button', { name: 'Redo' }).click();
  await expect(item).toHaveAttribute('data-status', 'accepted');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dis.getByRole('button', { name: 'Export gold' }).click(),
  ]);
  const records = readFileSync(await download.path(), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const gold = records.find((r) => r['record'] === undefined) as { spans: { start: number; end: number }[] };
  expect(gold.spans).toEqual(
    expect.arrayContaining([expect.objectContaining(GREW), expect.objectContaining(DOUBT)]),
  );
  expect(records.filter((r) => r['record'] === 'link')).toMatchObject([
    {
      annotator: 'gold',
      relation: 'contradicts',
      from: { doc_id: docId, ...GREW },
      to: { doc_id: docId, ...DOUBT },
      provenance: { proposed_by: ['alice'], action: 'accepted' },
    },
  ]);
});
