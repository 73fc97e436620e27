import { expect, test } from './fixtures';
import { storedRows } from './helpers';
import { AnnotatePage } from './pages/AnnotatePage';

interface Row {
  start: number;
  end: number;
  label: string;
  note: string;
}

// Issue 14 break 3: two tabs on one document used to lose edits silently.
test('two tabs on one document: a relabel in A and a note in B both survive, each tab follows the other, undo in A keeps B’s note', async ({
  app: a,
  page,
}) => {
  await a.dragSelect(0, 7);
  await page.keyboard.press('1');
  await a.expectSaved();

  const b = new AnnotatePage(await page.context().newPage());
  await b.open();
  await expect(b.spanItems()).toHaveCount(1);

  // B adds a note; A, at the same time, relabels the span it shows (without the note) as quote.
  await b.clickAt(2);
  const note = b.inspector().getByRole('textbox', { name: /^Note on claim/ });
  await note.fill('from B');
  await note.press('Enter');
  await b.expectSaved();
  await a.clickAt(2);
  await a
    .inspector()
    .getByRole('combobox', { name: /^Label of claim/ })
    .selectOption('quote');
  await a.expectSaved();

  const stored = async () =>
    (await storedRows<Row>(page, 'spans'))
      .map(({ start, end, label, note }) => ({
        start,
        end,
        label,
        note,
      }))
      .sort((x, y) => x.start - y.start);
  expect(await stored()).toEqual([{ start: 0, end: 7, label: 'quote', note: 'from B' }]);
  // Each tab shows the other's change without a reload.
  await expect(a.spanItems().first()).toContainText('from B');
  await expect(a.spanItems().first()).toContainText('Quote');
  await expect(b.spanItems().first()).toContainText('Quote');

  // A span B adds shows in A.
  await b.dragSelect(8, 14);
  await b.page.keyboard.press('3');
  await b.expectSaved();
  await expect(a.spanItems()).toHaveCount(2);

  // Undo in A takes back A's relabel only: B's note stays.
  await a.clickAt(20);
  await page.keyboard.press('Control+z');
  await expect(a.status()).toHaveText('Undid: changed claim to quote');
  await a.expectSaved();
  expect(await stored()).toEqual([
    { start: 0, end: 7, label: 'claim', note: 'from B' },
    { start: 8, end: 14, label: 'figure', note: '' },
  ]);
  await expect(b.spanItems().first()).toContainText('Claim');
  await expect(b.spanItems().first()).toContainText('from B');
});

test('two tabs: a change that clashes with the other tab’s is refused and shown, and the tab shows what is stored', async ({
  app: a,
  page,
}) => {
  await a.dragSelect(0, 7);
  await page.keyboard.press('1');
  await a.expectSaved();
  // B's writes are not announced to other tabs (Dexie's cross-tab channel is muted in B only), so
  // A surely acts before it heard of B's change: on a loaded machine the announcement could arrive
  // between the test finding A's "Label of claim" and choosing, and A then relabelled B's figure.
  const bPage = await page.context().newPage();
  await bPage.addInitScript(() => {
    const post = BroadcastChannel.prototype.postMessage;
    BroadcastChannel.prototype.postMessage = function (this: BroadcastChannel, m: unknown) {
      if (this.name !== 'x-storagemutated-1') post.call(this, m);
    };
  });
  const b = new AnnotatePage(bPage);
  await b.open();
  await expect(b.spanItems()).toHaveCount(1);

  // Both relabel the same span, A before it heard of B's change: A's label is not written over B's.
  await b.clickAt(2);
  await a.clickAt(2);
  await b
    .inspector()
    .getByRole('combobox', { name: /^Label of claim/ })
    .selectOption('figure');
  await b.expectSaved();
  await a
    .inspector()
    .getByRole('combobox', { name: /^Label of claim/ })
    .selectOption('quote');
  await expect(a.status()).toContainText('changed in another window');
  await expect(a.page.getByTestId('save-state')).toHaveAccessibleName('Not saved');
  expect((await storedRows<Row>(page, 'spans')).map((r) => r.label)).toEqual(['figure']);
  await expect(a.spanItems().first()).toContainText('Figure');
  // Showing what is stored is no edit of A's: the refusal stays said.
  await expect(a.status()).toContainText('changed in another window');
});
