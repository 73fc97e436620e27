import { expect, test } from './fixtures';

/**
 * A label's frame carries only the new highlight (docs/performance.md, "Rendering and highlights"):
 * the selection collapses after that frame, so the selectionchange work (Lexical's selection sync,
 * the spans at the caret, the inspector) does not run before the frame's end, as the bench sees it.
 */
test('the selection collapses after the label frame, and a second key then finds no selection', async ({
  app,
  page,
}) => {
  await app.dragSelect(0, 14);
  await expect.poll(() => page.evaluate(() => getSelection()?.toString())).toBe('AI firm OpenAI');
  // As the bench: from the key event, the first frame's end is a message posted in its rAF callback.
  await page.evaluate(() => {
    const log: string[] = [];
    (window as unknown as { __order: string[] }).__order = log;
    document.addEventListener('selectionchange', () => log.push('selectionchange'));
    addEventListener(
      'keydown',
      () => {
        log.push('keydown');
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => log.push('frame end');
          ch.port2.postMessage(null);
        });
      },
      { capture: true, once: true },
    );
  });
  await page.keyboard.press('1');
  await expect(app.spanItems()).toHaveCount(1);
  // Collapsed at the span's end once the frame is out.
  await expect
    .poll(() =>
      page.evaluate(() => {
        const sel = getSelection();
        return sel ? { collapsed: sel.isCollapsed, at: sel.focusOffset } : null;
      }),
    )
    .toEqual({ collapsed: true, at: 14 });
  const order = await page.evaluate(() => (window as unknown as { __order: string[] }).__order);
  expect(order.slice(0, 2)).toEqual(['keydown', 'frame end']);
  expect(order).toContain('selectionchange');

  // Two label keys in one task (before any frame): the second finds the selection taken, as when the
  // collapse ran in the key task, and labels nothing.
  await app.dragSelect(15, 18);
  await expect.poll(() => page.evaluate(() => getSelection()?.toString())).toBe('has');
  await page.getByTestId('article').evaluate((el) => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key: '2', bubbles: true, cancelable: true }));
    el.dispatchEvent(new KeyboardEvent('keydown', { key: '3', bubbles: true, cancelable: true }));
  });
  await expect(app.spanItems()).toHaveCount(2);
  await expect(app.spanItems().nth(1)).toContainText('Quote');
  await expect(app.spanItems().filter({ hasText: 'Figure' })).toHaveCount(0);
  // A selection made after a label key, before that label's frame, is the user's: it stays.
  await app.dragSelect(19, 24);
  await expect.poll(() => page.evaluate(() => getSelection()?.toString())).toBe('begun');
  const after = await page.getByTestId('article').evaluate(async (el) => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key: '4', bubbles: true, cancelable: true }));
    const first = document.createTreeWalker(el, NodeFilter.SHOW_TEXT).nextNode();
    if (first) getSelection()?.setBaseAndExtent(first, 0, first, 7);
    for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return getSelection()?.toString();
  });
  expect(after).toBe('AI firm');
  await expect(app.spanItems()).toHaveCount(3);
});

test("a label's key task registers the highlight and shows Saving… before its frame; the span list follows", async ({
  app,
  page,
}) => {
  await app.dragSelect(0, 14);
  await expect.poll(() => page.evaluate(() => getSelection()?.toString())).toBe('AI firm OpenAI');
  const seen = await page.getByTestId('article').evaluate(async (el) => {
    const rows = (): number => document.querySelectorAll('[aria-label="Spans in text order"] li').length;
    const claims = (): number => CSS.highlights.get('m-claim')?.size ?? 0;
    const state = (): string | null =>
      document.querySelector('[data-testid="save-state"]')?.getAttribute('aria-label') ?? null;
    const before = { rows: rows(), claims: claims() };
    el.dispatchEvent(new KeyboardEvent('keydown', { key: '1', bubbles: true, cancelable: true }));
    // React flushes an update from outside its own events in a microtask: let those run.
    for (let i = 0; i < 5; i++) await new Promise<void>((r) => queueMicrotask(r));
    const inTask = { rows: rows(), claims: claims(), state: state() };
    for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return { before, inTask, after: { rows: rows(), claims: claims() } };
  });
  expect(seen.before).toEqual({ rows: 0, claims: 0 });
  // Before the frame: the highlight is registered and "Saving…" shows; the span list has not rendered.
  expect(seen.inTask).toEqual({ rows: 0, claims: 1, state: 'Saving…' });
  expect(seen.after).toEqual({ rows: 1, claims: 1 });
  await expect(app.spanItems()).toHaveCount(1);
  await app.expectSaved();
});
