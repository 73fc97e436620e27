import { joinJsonl, serializeNativeRecord } from '../../renderer/src/core/formats/native';
import type { Span } from '../../renderer/src/core/model/span';
import { documentIdForText } from '../../renderer/src/core/text/text-hash';
import { expect, type Page } from '@playwright/test';

/** One article ("Budget") that alice and ben labelled differently: two decisions to adjudicate. */
export const text =
  'The minister said the budget grew by 5 percent. Critics doubt it. Prices may rise next year.';
export const at = (s: string): [number, number] => {
  const i = Array.from(text).join('').indexOf(s);
  return [i, i + Array.from(s).length]; // ASCII text: code points equal UTF-16 units here
};
const sp = (id: string, s: string, label: Span['label'], note = '', unsure = false): Span => {
  const [start, end] = at(s);
  return { id, start, end, label, note, ...(unsure ? { unsure: true } : {}) };
};
const file = (annotator: string, spans: Span[]) => ({
  name: `${annotator}.jsonl`,
  mimeType: 'application/x-ndjson',
  buffer: Buffer.from(
    joinJsonl([
      serializeNativeRecord({
        document: { id: documentIdForText(text), title: 'Budget', text, meta: {} },
        annotator,
        status: 'done',
        spans,
      }),
    ]),
  ),
});

/** Imports alice's and ben's spans of the article and opens its disagreements. */
export async function openDisagreements(page: Page) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (
    await chooser
  ).setFiles([
    file('alice', [
      sp('a1', 'the budget grew by 5 percent', 'claim', 'check the source', true),
      sp('a2', '5 percent', 'figure', 'as printed'),
      sp('a3', 'Prices may rise next year', 'speculation', 'hedged'),
    ]),
    file('ben', [
      sp('b1', 'the budget grew', 'claim', 'shorter is enough'),
      sp('b2', '5 percent', 'figure', 'rounded?', true),
    ]),
  ]);
  await expect(page.getByRole('list', { name: 'Import report' })).toContainText('ben.jsonl — imported');
  await page.getByRole('button', { name: 'Close' }).click();
  return openBudgetDisagreements(page);
}

/** Agreement → Compute → the Budget article's disagreements, at the first of `decisions`. */
export async function openBudgetDisagreements(page: Page, decisions = 2) {
  await page.getByRole('button', { name: 'Agreement' }).click();
  const view = page.getByRole('region', { name: 'Agreement' });
  await view.getByRole('button', { name: 'Compute agreement' }).click();
  await view
    .getByRole('region', { name: 'Documents, worst first' })
    .getByRole('button', { name: /Budget/ })
    .first()
    .click();
  const dis = page.getByRole('region', { name: 'Disagreements' });
  await expect(dis.getByTestId('decision-position')).toContainText(`1 of ${decisions}`);
  return { dis, decision: dis.getByRole('region', { name: 'Decision' }) };
}
