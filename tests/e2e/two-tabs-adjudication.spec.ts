import type { Locator, Page } from '@playwright/test';

import { at, openBudgetDisagreements, openDisagreements } from './adjudication-helpers';
import { expect, test } from './fixtures';
import { storedRows } from './helpers';

interface GoldRow {
  start: number;
  end: number;
  label: string;
  provenance: { action: string };
}

/**
 * Lets a test hold this page's cross-tab news (Dexie announces another tab's commits over a
 * BroadcastChannel): while held, the page has not heard of the other tab's write yet, as happens
 * when both adjudicate within the same moment. Nothing of the app is replaced; the messages are
 * delivered, in order, on release.
 */
async function installNewsHold(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __hold: boolean; __release: () => void };
    const held: (() => void)[] = [];
    w.__hold = false;
    w.__release = () => {
      w.__hold = false;
      for (const deliver of held.splice(0)) deliver();
    };
    const desc = Object.getOwnPropertyDescriptor(BroadcastChannel.prototype, 'onmessage');
    if (!desc?.set || !desc.get) throw new Error('BroadcastChannel.onmessage is not an accessor');
    const { get, set } = desc;
    Object.defineProperty(BroadcastChannel.prototype, 'onmessage', {
      configurable: true,
      get() {
        return get.call(this);
      },
      set(handler: ((this: BroadcastChannel, ev: MessageEvent) => unknown) | null) {
        if (!handler) return set.call(this, handler);
        set.call(this, function (this: BroadcastChannel, ev: MessageEvent) {
          if (w.__hold) held.push(() => handler.call(this, ev));
          else handler.call(this, ev);
        });
      },
    });
  });
}

const hold = (page: Page) => page.evaluate(() => ((window as unknown as { __hold: boolean }).__hold = true));
const release = (page: Page) =>
  page.evaluate(() => (window as unknown as { __release: () => void }).__release());

async function setBoundaries(decision: Locator, start: number | null, end: number | null): Promise<void> {
  if (start !== null)
    await decision.getByRole('spinbutton', { name: 'Gold start (code points)' }).fill(String(start));
  if (end !== null)
    await decision.getByRole('spinbutton', { name: 'Gold end (code points)' }).fill(String(end));
  await decision.getByRole('button', { name: 'Set boundaries' }).click();
}

const goldNow = (decision: Locator) => decision.getByRole('group', { name: 'Gold for this decision' });
const storedGold = async (page: Page) =>
  (await storedRows<GoldRow>(page, 'goldSpans')).map(({ start, end, label }) => ({ start, end, label }));

// Issue 17: two tabs adjudicating the same document. Decisions follow between tabs without a
// reload; a gold edit is written per field, so a clash on one field is refused with its message
// (nothing of it stored) and different fields edited in each tab are both kept.
test('two tabs adjudicating one document: decisions show in the other tab, a clashing gold edit is refused, different fields are both kept', async ({
  app,
}) => {
  test.setTimeout(120_000);
  const a = app.page;
  const { decision: inA } = await openDisagreements(a);
  const b = await a.context().newPage();
  await installNewsHold(b);
  await b.goto('/');
  const { decision: inB } = await openBudgetDisagreements(b);
  await expect(inB).toHaveAttribute('data-status', 'open');

  const [claimStart, aliceEnd] = at('the budget grew by 5 percent');

  // A decision in A shows in B without a reload.
  await inA.getByRole('button', { name: 'Accept alice’s' }).click();
  await expect(inA).toHaveAttribute('data-status', 'accepted');
  await expect(inB).toHaveAttribute('data-status', 'accepted');
  await expect(goldNow(inB)).toContainText(`claim ${claimStart}–${aliceEnd}`);
  await expect(goldNow(inB)).toContainText('accepted by alice');
  await expect(inB.getByRole('spinbutton', { name: 'Gold end (code points)' })).toHaveValue(String(aliceEnd));

  // The same field in both tabs at the same moment: B has not heard of A's edit when it makes its own.
  await hold(b);
  await setBoundaries(inA, null, aliceEnd - 1);
  await expect.poll(() => storedGold(a)).toEqual([{ start: claimStart, end: aliceEnd - 1, label: 'claim' }]);
  await setBoundaries(inB, null, aliceEnd - 2);
  await expect(b.getByText(/end was changed in another window meanwhile/).first()).toBeVisible();
  // Nothing of B's edit is stored; B shows the gold as stored, A's.
  expect(await storedGold(a)).toEqual([{ start: claimStart, end: aliceEnd - 1, label: 'claim' }]);
  await release(b);
  await expect(goldNow(inB)).toContainText(`claim ${claimStart}–${aliceEnd - 1}`);
  await expect(inB.getByRole('spinbutton', { name: 'Gold end (code points)' })).toHaveValue(
    String(aliceEnd - 1),
  );
  await expect(goldNow(inA)).toContainText(`claim ${claimStart}–${aliceEnd - 1}`);

  // Different fields at the same moment: A moves the start, B (not yet told) the end. Both are kept.
  await hold(b);
  await setBoundaries(inA, claimStart + 4, null);
  await expect
    .poll(() => storedGold(a))
    .toEqual([{ start: claimStart + 4, end: aliceEnd - 1, label: 'claim' }]);
  await setBoundaries(inB, null, aliceEnd - 3);
  await expect
    .poll(() => storedGold(a))
    .toEqual([{ start: claimStart + 4, end: aliceEnd - 3, label: 'claim' }]);
  await release(b);
  for (const decision of [inA, inB])
    await expect(goldNow(decision)).toContainText(`claim ${claimStart + 4}–${aliceEnd - 3}`);
  await expect(b.getByText(/changed in another window/)).toHaveCount(0);
  const rows = await storedRows<GoldRow>(a, 'goldSpans');
  expect(rows.map((r) => r.provenance.action)).toEqual(['edited']);
  await b.close();
});
