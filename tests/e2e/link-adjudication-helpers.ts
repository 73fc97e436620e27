import { expect, type Page } from '@playwright/test';

import { joinJsonl, serializeNativeRecord } from '../../renderer/src/core/formats/native';
import { serializeNativeLink } from '../../renderer/src/core/formats/native-links';
import type { Link } from '../../renderer/src/core/links/link';
import type { Span } from '../../renderer/src/core/model/span';
import { documentIdForText } from '../../renderer/src/core/text/text-hash';

import { openBudgetDisagreements } from './adjudication-helpers';

/** One article ("Budget") where alice and ben mark the same two claims and link them differently. */
const text = 'The minister said the budget grew by 5 percent. Critics doubt it. Prices may rise next year.';
const docId = documentIdForText(text);
const at = (s: string): { start: number; end: number } => {
  const i = text.indexOf(s);
  return { start: i, end: i + s.length }; // ASCII: code points equal UTF-16 units
};
export const GREW = at('the budget grew by 5 percent');
export const DOUBT = at('Critics doubt it');

function file(annotator: string, relation: Link['relation'], extra: Span[]) {
  const span = (id: string, e: { start: number; end: number }): Span => ({
    id: `${annotator}-${id}`,
    ...e,
    label: 'claim',
    note: '',
  });
  const link: Link = {
    id: `${annotator}-link`,
    annotator,
    relation,
    // ben's supports runs the other way: the doubt supports the growth claim.
    from: { docId, ...(relation === 'supports' ? DOUBT : GREW) },
    to: { docId, ...(relation === 'supports' ? GREW : DOUBT) },
    note: '',
  };
  const record = serializeNativeRecord({
    document: { id: docId, title: 'Budget', text, meta: {} },
    annotator,
    status: 'done',
    spans: [span('grew', GREW), span('doubt', DOUBT), ...extra],
  });
  return {
    name: `${annotator}.jsonl`,
    mimeType: 'application/x-ndjson',
    buffer: Buffer.from(joinJsonl([record, serializeNativeLink(link)])),
  };
}

/**
 * Imports alice's contradicts and ben's supports between the two claims (alice also marks a
 * speculation, so the article has a span disagreement), opens its disagreements, accepts the agreed
 * claims into gold and returns the Link decisions region.
 */
export async function openLinkDecisions(page: Page) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (
    await chooser
  ).setFiles([
    file('alice', 'contradicts', [
      { id: 'alice-spec', ...at('Prices may rise next year'), label: 'speculation', note: '' },
    ]),
    file('ben', 'supports', []),
  ]);
  await expect(page.getByRole('list', { name: 'Import report' })).toContainText('ben.jsonl — imported');
  await page.getByRole('button', { name: 'Close' }).click();
  const { dis } = await openBudgetDisagreements(page, 1);
  await dis.getByRole('button', { name: /Accept everything all annotators agree on \(2\)/ }).click();
  const links = dis.getByRole('region', { name: 'Link decisions' });
  await expect(links).toBeVisible();
  return { dis, links, docId };
}
