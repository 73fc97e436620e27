import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { loadSeeds } from '../shared/agreement-data';
import type { ClaimsJson } from '../shared/claims-json';
import { expect, test } from './fixtures';
import { cpSlice } from './helpers';
import { AnnotatePage as AppPage, type AnnotatePage } from './pages/AnnotatePage';

/**
 * Issue 16, "Done when": on the seed articles a new user marks the "continues working" claim and
 * the "winding down" claims, links them with the keyboard (L, the other span, Enter, 1 or 3), sees
 * in the Claims view one cluster contradict the other, and exports both files.
 */
const seeds = loadSeeds(join(dirname(fileURLToPath(import.meta.url)), '../..'));

const CLAIMS = {
  keeps: {
    title: /^OpenAI to continue working/,
    text: 'OpenAI to continue working with Scale AI after Meta deal',
  },
  windsA: {
    title: /^AI firm OpenAI/,
    text: 'AI firm OpenAI has begun winding down its contracts with U.S.-based data labeling firm Scale AI',
  },
  windsB: {
    title: /^OpenAI is gradually ending/,
    text: 'OpenAI is gradually ending its collaboration with Scale AI',
  },
} as const;
type Which = keyof typeof CLAIMS;

/** Where a claim sentence is in the open article, in code points. */
async function extent(app: AnnotatePage, which: Which): Promise<{ start: number; end: number }> {
  const text = await app.text();
  const at = text.indexOf(CLAIMS[which].text);
  expect(at, `${which} is in the article`).toBeGreaterThanOrEqual(0);
  const start = Array.from(text.slice(0, at)).length;
  return { start, end: start + Array.from(CLAIMS[which].text).length };
}

async function markClaim(app: AnnotatePage, which: Which): Promise<void> {
  await app.openDocument(CLAIMS[which].title);
  const { start, end } = await extent(app, which);
  await app.dragSelect(start, end);
  await app.page.keyboard.press('1');
  await expect(app.spanItems()).toHaveCount(1);
  await app.expectSaved();
}

/** The keyboard flow: caret in the first claim, L, open the other article, caret in its claim, Enter, digit. */
async function link(app: AnnotatePage, from: Which, to: Which, digit: '1' | '3'): Promise<void> {
  const page = app.page;
  await app.openDocument(CLAIMS[from].title);
  await app.clickAt((await extent(app, from)).start + 3);
  await page.keyboard.press('l');
  await expect(page.getByTestId('link-prompt')).toContainText('go to the other span and press Enter');
  await app.openDocument(CLAIMS[to].title);
  await app.clickAt((await extent(app, to)).start + 3);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('link-prompt')).toContainText('3 contradicts');
  await page.keyboard.press(digit);
  await expect(app.status()).toContainText(digit === '1' ? 'Linked: same claim' : 'Linked: contradicts');
  await app.expectSaved();
}

test('seed claims: mark, link with the keyboard, see one cluster contradict the other, export both files', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000);
  for (const which of ['keeps', 'windsA', 'windsB'] as const) await markClaim(app, which);
  await link(app, 'windsA', 'windsB', '1');
  await link(app, 'keeps', 'windsA', '3');

  await page.getByRole('button', { name: 'Claims', exact: true }).click();
  const view = page.getByRole('region', { name: 'Claims' });
  await expect(view.getByTestId('claims-totals')).toHaveText('2 claim clusters, 3 mentions');
  const list = view.getByRole('list', { name: 'Claim clusters' });
  // Clusters are numbered in library order of their first mention: the "winding down" article comes first.
  await expect(list.getByRole('heading', { level: 3 })).toHaveText([
    'Claim c1: 2 mentions in 2 articles by 1 annotator (alice)',
    'Claim c2: 1 mention in 1 article by 1 annotator (alice)',
  ]);
  const starts = (which: Which) => new RegExp(`^“${CLAIMS[which].text.replace(/[.]/g, '\\.')}”`);
  await expect(view.getByTestId('mention-c1')).toHaveText([starts('windsA'), starts('windsB')]);
  await expect(view.getByTestId('mention-c1').first()).toContainText('· alice');
  await expect(view.getByTestId('mention-c2')).toHaveText([starts('keeps')]);
  await expect(view.getByTestId('contradicts-c1')).toHaveText('Contradicts: c2');
  await expect(view.getByTestId('contradicts-c2')).toHaveText('Contradicts: c1');

  // Keyboard: "Go to claim c1" from c2's relations moves the focus to c1's heading.
  await view.getByRole('button', { name: 'Go to claim c1' }).focus();
  await page.keyboard.press('Enter');
  await expect(list.getByRole('heading', { name: /^Claim c1:/ })).toBeFocused();

  // Export the claims JSON (the same as `marginalia claims --format json`).
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    view.getByRole('button', { name: 'Export claims JSON' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('marginalia-claims.json');
  const claims = JSON.parse(readFileSync(await download.path(), 'utf8')) as ClaimsJson;
  expect(
    claims.clusters.map((c) => [c.id, c.mentions.length, c.articles, c.annotators, c.contradicts]),
  ).toEqual([
    ['c1', 2, 2, ['alice'], ['c2']],
    ['c2', 1, 1, ['alice'], ['c1']],
  ]);
  const byId = new Map(seeds.map((d) => [d.id, d.text]));
  const mentionTexts = claims.clusters.flatMap((c) =>
    c.mentions.map((m) => {
      const doc = byId.get(m.doc_id);
      expect(doc, `${m.doc_id} is a seed article`).toBeDefined();
      // Offsets are code points: Python's text[start:end].
      expect(cpSlice(doc ?? '', m.start, m.end)).toBe(m.text);
      return m.text;
    }),
  );
  expect(mentionTexts).toEqual([CLAIMS.windsA.text, CLAIMS.windsB.text, CLAIMS.keeps.text]);

  await page.screenshot({ path: test.info().outputPath('claims-view.png') });

  // The view follows the database: a claim labelled in another tab appears as a third cluster.
  const other = new AppPage(await page.context().newPage());
  await other.open();
  await other.openDocument(/^OpenAI's relationship/);
  await other.dragSelect(0, 6);
  await other.page.keyboard.press('1');
  await other.expectSaved();
  await expect(view.getByTestId('claims-totals')).toHaveText('3 claim clusters, 4 mentions');
  await expect(list.getByRole('heading', { level: 3 })).toHaveCount(3);
  await other.page.close();

  // A mention opens its article at the span.
  await view.getByTestId('mention-c2').click();
  await expect(page.locator('.article-title')).toHaveText(CLAIMS.keeps.title);
  await expect(app.inspector()).toContainText(CLAIMS.keeps.text);

  // The native JSONL carries the two links, their ends spans of the same export.
  const { lines } = await app.exportDownload();
  const links = lines.filter((l) => l.record === 'link');
  const docs = new Map(
    lines
      .filter((l) => l.record !== 'link')
      .map((l) => [l.doc_id as string, l as { text: string; spans?: { start: number; end: number }[] }]),
  );
  const ends = (e: { doc_id: string; start: number; end: number }) => {
    const doc = docs.get(e.doc_id);
    expect(doc?.spans?.some((s) => s.start === e.start && s.end === e.end)).toBe(true);
    return cpSlice(doc?.text ?? '', e.start, e.end);
  };
  type End = { doc_id: string; start: number; end: number };
  expect(
    links.map((l) => [l.schema_version, l.annotator, l.relation, ends(l.from as End), ends(l.to as End)]),
  ).toEqual(
    expect.arrayContaining([
      [1, 'alice', 'same_claim', CLAIMS.windsA.text, CLAIMS.windsB.text],
      [1, 'alice', 'contradicts', CLAIMS.keeps.text, CLAIMS.windsA.text],
    ]),
  );
  expect(links).toHaveLength(2);
});
