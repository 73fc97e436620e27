import { readFileSync } from 'node:fs';

import type { Page } from '@playwright/test';

import { expect, test } from './fixtures';
import type { AnnotatePage } from './pages/AnnotatePage';

/** Issue 14 (hostile backups, recovery) and issue 19 items 3–4 (restore UX), on real IndexedDB. */

async function tag(app: AnnotatePage, at: number, count: number, key: string): Promise<void> {
  await app.keyboardSelect(at, count);
  await app.page.keyboard.press(key);
  await app.expectSaved();
}

const settings = (page: Page) => page.getByRole('dialog', { name: 'Settings' });

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(settings(page)).toBeVisible();
}

/** "Back up now": the download's content (the browser also keeps it as a snapshot). */
async function backUpNow(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    settings(page).getByRole('button', { name: 'Back up now' }).click(),
  ]);
  await expect(page.getByTestId('settings-message')).toContainText('Backup saved');
  return readFileSync(await download.path(), 'utf8');
}

async function closeSettings(page: Page): Promise<void> {
  await settings(page).getByRole('button', { name: 'Close' }).click();
}

/** Every span row, straight from IndexedDB. */
async function storedSpans(page: Page): Promise<{ id: string; start: number; end: number; label: string }[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const req = indexedDB.open('marginalia');
      req.onsuccess = () => resolve(req.result);
    });
    const rows = await new Promise<{ id: string; start: number; end: number; label: string }[]>((r) => {
      const q = db.transaction('spans').objectStore('spans').getAll();
      q.onsuccess = () => r(q.result as { id: string; start: number; end: number; label: string }[]);
    });
    db.close();
    return rows.map(({ id, start, end, label }) => ({ id, start, end, label }));
  });
}

/** Writes into IndexedDB behind the app's back, as a faulty version or a hostile file could. */
async function corrupt(page: Page, store: 'spans' | 'settings', edit: string): Promise<void> {
  await page.evaluate(
    async ({ store, edit }) => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const req = indexedDB.open('marginalia');
        req.onsuccess = () => resolve(req.result);
      });
      const tx = db.transaction([store, 'spanPacks'], 'readwrite');
      tx.objectStore('spanPacks').clear();
      if (store === 'spans') {
        const rows = await new Promise<Record<string, unknown>[]>((r) => {
          const q = tx.objectStore('spans').getAll();
          q.onsuccess = () => r(q.result as Record<string, unknown>[]);
        });
        for (const row of rows)
          tx.objectStore('spans').put({ ...row, start: 3, end: 99999999, label: 'bogus<b>' });
      } else {
        tx.objectStore('settings').put({ key: edit, value: { not: 'a name' } });
      }
      await new Promise((r) => (tx.oncomplete = r));
      db.close();
    },
    { store, edit },
  );
}

test('a corrupt span stored in IndexedDB: the document says so, Settings restores a backup, no reload needed', async ({
  app,
}) => {
  const { page } = app;
  await tag(app, 0, 6, '1');
  await tag(app, 8, 5, '2');
  await openSettings(page);
  await backUpNow(page);
  await closeSettings(page);
  const good = await storedSpans(page);
  expect(good).toHaveLength(2);

  await corrupt(page, 'spans', '');
  await page.reload();
  // Before: a blank page ("code point offset 99999999 outside …"). Now only this view fails.
  const failed = page.getByTestId('view-failed');
  await expect(failed).toContainText('cannot be shown');
  await expect(failed).toContainText('99999999');
  await expect(page.getByRole('list', { name: 'Documents' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('view-failed.png') });

  await failed.getByRole('button', { name: 'Restore a backup…' }).click();
  await expect(settings(page)).toBeVisible();
  await settings(page).getByRole('button', { name: 'Restore from backup…' }).click();
  const question = settings(page).getByRole('alertdialog', { name: 'Replace your data with this backup?' });
  await expect(question).toContainText('which holds');
  await expect(question).toContainText('2 spans');
  await question.getByRole('button', { name: 'Replace with this backup' }).click();
  // The damaged data cannot be copied first: nothing happens, the question says so, the user decides.
  await expect(page.getByTestId('settings-message')).toContainText('Not restored yet');
  await expect(question).toContainText('cannot be kept as a backup first, because it is damaged');
  const [raw] = await Promise.all([
    page.waitForEvent('download'),
    question.getByRole('button', { name: 'Save raw data' }).click(),
  ]);
  const dump = JSON.parse(readFileSync(await raw.path(), 'utf8')) as { spans: { end: number }[] };
  expect(dump.spans.map((s) => s.end)).toEqual([99999999, 99999999]);
  await page.screenshot({ path: test.info().outputPath('restore-confirm.png') });
  await question.getByRole('button', { name: 'Replace without a copy' }).click();
  await expect(page.getByTestId('settings-message')).toContainText('Restored the backup');
  await closeSettings(page);
  await expect(failed).toHaveCount(0);
  await expect(app.spanItems()).toHaveCount(2);
  expect(await storedSpans(page)).toEqual(good);
});

test('stored data the shell cannot show gives a recovery screen: raw data, restore from a file', async ({
  app,
}) => {
  const { page } = app;
  await tag(app, 0, 6, '1');
  await openSettings(page);
  const file = await backUpNow(page);
  await closeSettings(page);
  await corrupt(page, 'settings', 'annotator');
  await page.reload();
  const screen = page.getByTestId('recovery-screen');
  await expect(screen).toContainText('Marginalia cannot show your stored data');
  await page.screenshot({ path: test.info().outputPath('recovery.png') });

  const [raw] = await Promise.all([
    page.waitForEvent('download'),
    screen.getByRole('button', { name: 'Save raw data' }).click(),
  ]);
  const dump = JSON.parse(readFileSync(await raw.path(), 'utf8')) as Record<string, unknown[]>;
  expect(dump['spans']).toHaveLength(1);
  expect(dump['settings']).toContainEqual({ key: 'annotator', value: { not: 'a name' } });

  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    screen.getByRole('button', { name: 'Restore from a file…' }).click(),
  ]);
  await chooser.setFiles({
    name: 'backup.jsonl',
    mimeType: 'application/x-ndjson',
    buffer: Buffer.from(file),
  });
  const question = screen.getByRole('alertdialog', { name: 'Replace your data with this backup?' });
  await expect(question).toContainText('1 span');
  await question.getByRole('button', { name: 'Replace with this backup' }).click();
  await expect(screen).toHaveCount(0);
  await expect(app.spanItems()).toHaveCount(1);
});

test('restore asks first (counts now and in the backup, its date), updates the open view, and keeps every snapshot', async ({
  app,
}) => {
  const { page } = app;
  await tag(app, 0, 6, '1');
  await openSettings(page);
  await backUpNow(page); // state A: 1 span
  await closeSettings(page);
  await tag(app, 8, 5, '2');
  await tag(app, 20, 4, '3'); // state B: 3 spans
  await expect(app.spanItems()).toHaveCount(3);

  await openSettings(page);
  const choice = settings(page).getByRole('combobox', { name: 'Backup to restore' });
  await expect(choice.locator('option')).toHaveCount(1);
  await settings(page).getByRole('button', { name: 'Restore from backup…' }).click();
  const question = settings(page).getByRole('alertdialog', { name: 'Replace your data with this backup?' });
  const text = (await question.getByTestId('restore-confirm-text').textContent()) ?? '';
  expect(text).toMatch(/^Restore the backup of .+, which holds \d+ documents and 1 span\? /);
  expect(text).toMatch(/Your library now holds \d+ documents and 3 spans; all of it will be replaced\./);
  // Cancel changes nothing.
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(question).toHaveCount(0);
  expect(await storedSpans(page)).toHaveLength(3);

  await settings(page).getByRole('button', { name: 'Restore from backup…' }).click();
  await question.getByRole('button', { name: 'Replace with this backup' }).click();
  await expect(page.getByTestId('settings-message')).toContainText(
    'Your previous data was kept as the backup',
  );
  // The pre-restore copy is a new snapshot: A is still there (before, it overwrote the only one).
  await expect(choice.locator('option')).toHaveCount(2);
  await page.screenshot({ path: test.info().outputPath('settings-after-restore.png') });
  await closeSettings(page);
  // The open view shows the restored data at once (before: the old spans until a reload).
  await expect(app.spanItems()).toHaveCount(1);
  // Undo never replays a command made on the data the restore replaced.
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  await app.article.click();
  await page.keyboard.press('Control+z');
  await expect(app.status()).toHaveText('Nothing to undo.');
  expect(await storedSpans(page)).toHaveLength(1);

  // Restoring the pre-restore copy gives B back, and A is still kept: no toggling between two states.
  await openSettings(page);
  await expect(choice.locator('option')).toHaveCount(2); // the kept backups are listed once read
  const names = await choice
    .locator('option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  await choice.selectOption(names.find((n) => n.includes('before-restore')) ?? '');
  await settings(page).getByRole('button', { name: 'Restore from backup…' }).click();
  await expect(question).toContainText('3 spans');
  await question.getByRole('button', { name: 'Replace with this backup' }).click();
  await expect(page.getByTestId('settings-message')).toContainText('Restored the backup');
  await expect(choice.locator('option')).toHaveCount(3);
  await closeSettings(page);
  await expect(app.spanItems()).toHaveCount(3);
});

// Issue 19 review: Settings showed an empty backup select before any backup, and each backup's
// time twice (the date, then the file name holding it again); the recovery screen had its own copy.
test('Settings has one backup chooser: none before the first backup, then when and why per backup', async ({
  app,
}) => {
  const { page } = app;
  await openSettings(page);
  const choice = settings(page).getByRole('combobox', { name: 'Backup to restore' });
  await expect(settings(page)).toContainText('No backup is kept yet.');
  await expect(choice).toHaveCount(0);
  await expect(settings(page).getByRole('button', { name: 'Restore from backup…' })).toHaveCount(0);
  await expect(settings(page).getByRole('button', { name: 'Restore from a file…' })).toBeEnabled();
  await backUpNow(page);
  await expect(choice).toHaveCount(1);
  await expect(settings(page).getByRole('combobox')).toHaveCount(1);
  const lines = await choice.locator('option').allTextContents();
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^\d+\/\d+\/\d{4}, \d+:\d\d:\d\d [AP]M — Back up now$/);
  expect(lines[0]).not.toContain('marginalia-backup');
});

for (const variant of [
  'span_extras overwriting offsets',
  'records 0 with extra_tables naming core tables',
] as const) {
  test(`a crafted backup file (${variant}, checksum recomputed) is refused and nothing changes`, async ({
    app,
  }) => {
    const { page } = app;
    await tag(app, 0, 6, '1');
    await openSettings(page);
    const file = await backUpNow(page);
    const before = await storedSpans(page);
    const crafted = await page.evaluate(
      async ({ content, zero }) => {
        const lines = content.trimEnd().split('\n');
        const header = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
        let records = lines.slice(1, -1);
        if (zero) {
          // Issue 14's variant: no records, core tables smuggled in as "extra" tables.
          const id = 'not-a-hash/../../x';
          header['documents'] = [];
          header['span_extras'] = {};
          header['extra_tables'] = {
            documents: [{ id, title: 't', length: 3, source: 's', meta: {}, order: 0, addedAt: 0 }],
            texts: [{ id, text: 'a\u0000b\ud800' }],
            spans: [{ id: 's', docId: id, annotator: 'x', start: -5, end: 1e9, label: 'claim', note: '' }],
          };
          records = [];
        } else {
          const record = JSON.parse(lines[1] ?? '{}') as { spans: { id: string }[] };
          (header['span_extras'] as Record<string, unknown>)[record.spans[0]?.id ?? ''] = {
            start: 3,
            end: 99999999,
            label: 'bogus<b>',
          };
        }
        const above = `${[JSON.stringify(header), ...records].join('\n')}\n`;
        const end = JSON.parse(lines.at(-1) ?? '{}') as Record<string, unknown>;
        end['records'] = records.length;
        const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(above)));
        end['checksum'] = `sha256:${Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('')}`;
        return `${above}${JSON.stringify(end)}\n`;
      },
      { content: file, zero: variant.startsWith('records 0') },
    );
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      settings(page).getByRole('button', { name: 'Restore from a file…' }).click(),
    ]);
    await chooser.setFiles({
      name: 'crafted.jsonl',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(crafted),
    });
    await expect(page.getByTestId('settings-message')).toContainText('Not restored');
    await expect(page.getByTestId('settings-message')).toContainText('Nothing was changed');
    expect(await storedSpans(page)).toEqual(before);
    await closeSettings(page);
    await page.reload();
    await expect(app.spanItems()).toHaveCount(1);
  });
}

test('a restore in one tab shows at once in another tab on the same document', async ({ app }) => {
  const { page } = app;
  await tag(app, 0, 6, '1');
  await openSettings(page);
  await backUpNow(page);
  await closeSettings(page);
  await tag(app, 8, 5, '2');
  const other = await page.context().newPage();
  await other.goto('/');
  const otherSpans = other.getByRole('list', { name: 'Spans in text order' }).getByRole('listitem');
  await expect(otherSpans).toHaveCount(2);
  await openSettings(page);
  await settings(page).getByRole('button', { name: 'Restore from backup…' }).click();
  await settings(page).getByRole('button', { name: 'Replace with this backup' }).click();
  await expect(page.getByTestId('settings-message')).toContainText('Restored the backup');
  await expect(otherSpans).toHaveCount(1);
  await other.close();
});
