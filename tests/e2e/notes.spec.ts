import { expect, test } from './fixtures';
import { storedNotes } from './helpers';
import type { AnnotatePage } from './pages/AnnotatePage';

/** Tags "AI firm OpenAI" as a claim and puts the caret in it, so the inspector shows its note field. */
async function claimWithNoteField(app: AnnotatePage) {
  await app.dragSelect(0, 14);
  await app.page.keyboard.press('1');
  await app.expectSaved();
  await app.clickAt(3);
  const note = app.inspector().getByRole('textbox', { name: 'Note on claim “AI firm OpenAI”' });
  await expect(note).toBeVisible();
  return note;
}

// Issue 19, defect 1: the note was committed only on blur or Enter, so a reload lost it.
test('a note is saved while typing, without leaving the field, and survives a reload', async ({
  app,
  page,
}) => {
  const note = await claimWithNoteField(app);
  await note.click();
  await note.pressSequentially('hedged in the source');
  // Typing shows that a save is coming; the field keeps the focus while it saves.
  await expect(page.getByTestId('save-state')).toHaveAccessibleName('Saving…');
  await app.expectSaved();
  await expect(note).toBeFocused();
  await expect(note).toHaveValue('hedged in the source');
  await page.waitForTimeout(200);
  await page.reload();
  await expect(app.spanItems().filter({ hasText: 'hedged in the source' })).toHaveCount(1);
});

test('one undo step per edit session of a note, not one per key', async ({ app, page }) => {
  const note = await claimWithNoteField(app);
  await note.click();
  await note.pressSequentially('first');
  await app.expectSaved();
  // A pause longer than the save delay, then more typing: still the same edit session.
  await page.waitForTimeout(700);
  await note.pressSequentially(' thought');
  await app.expectSaved();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeEnabled();
  await app.clickAt(3); // back in the article: the edit session ends
  await expect(note).toHaveValue('first thought');

  await page.keyboard.press('Control+z');
  await expect(note).toHaveValue('');
  await expect(app.status()).toHaveText('Undid: edited the note on claim');
  await app.expectSaved();
  expect(await storedNotes(page)).toEqual(['']);
  // The one step before it is the claim itself.
  await page.keyboard.press('Control+z');
  await expect(app.spanItems()).toHaveCount(0);
  await page.keyboard.press('Control+y');
  await page.keyboard.press('Control+y');
  await app.clickAt(3);
  await expect(note).toHaveValue('first thought');
  await app.expectSaved();
  expect(await storedNotes(page)).toEqual(['first thought']);
});

test('a note being typed is saved on switching documents and when the page is hidden', async ({
  app,
  page,
}) => {
  let note = await claimWithNoteField(app);
  await note.click();
  await note.pressSequentially('switch');
  await app.openDocument('OpenAI Ends Collaboration with Scale AI Amid Meta Partnership');
  await app.openDocument(/^AI firm OpenAI has begun/);
  await expect(app.spanItems().filter({ hasText: 'switch' })).toHaveCount(1);

  // With the page's timers stopped, only the visibilitychange/pagehide handlers can save.
  await app.clickAt(3);
  note = app.inspector().getByRole('textbox', { name: 'Note on claim “AI firm OpenAI”' });
  await note.click();
  await page.clock.install();
  await note.pressSequentially(' and hide');
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect.poll(() => storedNotes(page)).toEqual(['switch and hide']);
  await note.pressSequentially('!');
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false })));
  await expect.poll(() => storedNotes(page)).toEqual(['switch and hide!']);
});

// Issue 19 item 8: the refused duplicate's error went on standing through later edits.
test('a refused duplicate’s error clears on the next edit', async ({ app, page }) => {
  const note = await claimWithNoteField(app);
  await app.dragSelect(0, 14);
  await page.keyboard.press('1');
  await expect(app.status()).toHaveText('This exact claim span already exists.');
  await app.clickAt(3);
  await note.click();
  await note.pressSequentially('x');
  await app.expectSaved();
  await expect(app.status()).not.toHaveText('This exact claim span already exists.');
  await expect(page.locator('.status-line.status-error')).toHaveCount(0);
});
