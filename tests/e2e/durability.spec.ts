import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import type { Page } from '@playwright/test';

import { expect, test } from './fixtures';
import { addArticle, fillDisk, storedDump as dump } from './helpers';
import { AnnotatePage } from './pages/AnnotatePage';

async function deleteMainDb(page: Page): Promise<void> {
  // The app closes its connection on versionchange (db/database.ts), so the delete is not blocked.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.deleteDatabase('marginalia');
        req.onsuccess = () => resolve();
        req.onerror = () => reject(req.error);
      }),
  );
}

async function tag(app: AnnotatePage, at: number, count: number, key: string): Promise<void> {
  await app.keyboardSelect(at, count);
  await app.page.keyboard.press(key);
  await app.expectSaved();
}

async function backUpNow(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Settings' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Back up now' }).click(),
  ]);
  await expect(page.getByTestId('settings-message')).toContainText('Backup saved');
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Close' }).click();
  return readFileSync(await download.path(), 'utf8');
}

test('Settings → Diagnostics states persistence as answered, the storage estimate and the schema version', async ({
  app,
}) => {
  await app.page.getByRole('button', { name: 'Settings' }).click();
  await expect(app.page.getByTestId('persist-state')).toHaveText(/^(Granted|Not granted|Not supported)/);
  await expect(app.page.getByTestId('storage-estimate')).toHaveText(/MB used of .* MB available/);
  await expect(app.page.getByTestId('schema-version')).toHaveText('9');
  await expect(app.page.getByTestId('backup-location')).toContainText('marginalia-backup');
});

test('a full disk: plain message, read-only, nothing stored changes, a backup can still be downloaded', async ({
  app,
}) => {
  const { page } = app;
  await tag(app, 0, 6, '1');
  const before = await dump(page);
  await fillDisk(page);
  await app.keyboardSelect(10, 5);
  await page.keyboard.press('2');
  await expect(page.getByTestId('read-only')).toContainText('The disk is full');
  await expect(page.getByTestId('save-state')).toHaveAccessibleName('Not saved');
  await expect(app.spanItems()).toHaveCount(1);
  // Further annotation is refused with the same plain words, before any write is attempted.
  await app.keyboardSelect(20, 4);
  await page.keyboard.press('3');
  await expect(app.status()).toContainText('The disk is full');
  await expect(app.spanItems()).toHaveCount(1);
  expect(await dump(page)).toEqual(before);
  const backup = await backUpNow(page);
  expect(backup.split('\n').filter((l) => l.includes('"spans":[{')).length).toBe(1);
  expect(await dump(page)).toEqual(before);
});

test('a real quota, set before the database opens: plain message, read-only, export and backup work, nothing acknowledged is lost', async ({
  playwright,
  launchOptions,
  baseURL,
}) => {
  test.setTimeout(120_000);
  // A profile on disk, as the desktop app has: Chromium ignores a quota override for the in-memory
  // storage of an incognito context, which is what Playwright's contexts are.
  const profile = await mkdtemp(path.join(os.tmpdir(), 'marginalia-quota-'));
  const context = await playwright.chromium.launchPersistentContext(profile, {
    ...launchOptions,
    ...(baseURL ? { baseURL } : {}),
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
  });
  // As the shared fixture does: no save picker can be answered in a test, so exports download.
  await context.addInitScript(() =>
    Object.defineProperty(window, 'showSaveFilePicker', {
      value: undefined,
      configurable: true,
      writable: true,
    }),
  );
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    const app = new AnnotatePage(page);
    await app.open();
    await app.setName('alice');
    await tag(app, 0, 6, '1');
    await tag(app, 10, 5, '2');
    const acknowledged = await dump(page);
    // Chromium's own quota for the origin (DevTools protocol), in force before the page opens the
    // database again: the origin already uses more than 1 byte, so every write that adds data fails
    // with a real QuotaExceededError, as on a full disk. Nothing in the page is patched. Chromium reads
    // the quota when it opens the origin's database files, and keeps them open for 2 s after the last
    // connection closes, so the page leaves first.
    const cdp = await context.newCDPSession(page);
    const origin = new URL(page.url()).origin;
    await page.goto('about:blank');
    await page.waitForTimeout(5_000);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
    await app.open();
    await expect(app.article.locator('p').first()).toBeVisible();
    // Everything acknowledged as saved before is there, on screen and stored.
    await expect(app.spanItems()).toHaveCount(2);
    expect(await dump(page)).toEqual(acknowledged);
    // The first write (remembering the open document, or else this label) meets the full disk: the
    // app says so in plain words and turns read-only; the label is not kept.
    await app.keyboardSelect(20, 4);
    await page.keyboard.press('3');
    await expect(page.getByTestId('read-only')).toContainText('The disk is full');
    await expect(page.getByTestId('read-only')).toContainText('Nothing already saved was changed');
    await expect(app.spanItems()).toHaveCount(2);
    // Read-only: the next action is refused in the same plain words, before any write is tried.
    await app.keyboardSelect(30, 4);
    await page.keyboard.press('4');
    await expect(app.status()).toContainText('The disk is full');
    await expect(app.spanItems()).toHaveCount(2);
    expect(await dump(page)).toEqual(acknowledged);
    // Export and backup still work, and carry the acknowledged spans.
    const { lines } = await app.exportDownload();
    const exported = lines.flatMap((l) => (l['spans'] as { label: string }[] | undefined) ?? []);
    expect(exported.map((sp) => sp.label).sort()).toEqual(['claim', 'quote']);
    const backup = await backUpNow(page);
    expect(backup).toContain('"label":"claim"');
    expect(backup).toContain('"label":"quote"');
    expect(await dump(page)).toEqual(acknowledged);
    // With the disk freed, a restart shows exactly what was acknowledged, and labelling works again.
    await page.goto('about:blank');
    await page.waitForTimeout(5_000);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    await app.open();
    await expect(app.spanItems()).toHaveCount(2);
    expect(await dump(page)).toEqual(acknowledged);
    await tag(app, 20, 4, '3');
    await expect(app.spanItems()).toHaveCount(3);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
});

test('the database deleted: the next start offers the newest backup and restores everything in one click', async ({
  app,
}) => {
  const { page } = app;
  await tag(app, 0, 6, '1');
  await tag(app, 2, 8, '2');
  await page.getByRole('combobox', { name: 'Status of this document' }).selectOption('done');
  await expect(app.status()).toHaveText('Status saved: Done.');
  await backUpNow(page);
  const before = await dump(page);
  await deleteMainDb(page);
  await page.reload();
  await page.getByRole('button', { name: /Restore newest backup/ }).click();
  await expect(app.article.locator('p').first()).toBeVisible();
  await expect(app.spanItems()).toHaveCount(2);
  expect(await dump(page)).toEqual(before);
});

test('backup file → wipe → restore from the file gives identical data (astral text, overlaps, notes, gold)', async ({
  app,
}) => {
  const { page } = app;
  const text = '𝔘nicode 😀 test: the 👩‍👩‍👧 family said "prices rose 3.5%".';
  await addArticle(page, text, 'Astral');
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const req = indexedDB.open('marginalia');
      req.onsuccess = () => resolve(req.result);
    });
    const last = await new Promise<{ id: string }>((resolve) => {
      const req = db
        .transaction('documents')
        .objectStore('documents')
        .index('order')
        .openCursor(null, 'prev');
      req.onsuccess = () => resolve(req.result?.value as { id: string });
    });
    const docId = last.id;
    // Raw writes bypass the app's span-packs middleware: drop the packs, as it would.
    const tx = db.transaction(['spans', 'spanPacks', 'goldSpans', 'progress'], 'readwrite');
    tx.objectStore('spanPacks').clear();
    const put = (
      id: string,
      annotator: string,
      start: number,
      end: number,
      label: string,
      note = '',
      extra = {},
    ) =>
      tx.objectStore('spans').put({ id, docId, annotator, start, end, label, note, updatedAt: 1, ...extra });
    put('s1', 'alice', 0, 7, 'claim', 'astral 😀 note');
    put('s2', 'alice', 0, 9, 'quote');
    put('s3', 'alice', 8, 9, 'figure', '', { unsure: true });
    put('s4', 'bob', 2, 30, 'speculation', 'bob’s');
    // Gold has its own table (schema v4).
    tx.objectStore('goldSpans').put({
      id: 'g1',
      docId,
      start: 0,
      end: 9,
      label: 'quote',
      note: '',
      updatedAt: 1,
      provenance: {
        proposedBy: ['alice'],
        decidedBy: 'carol',
        decidedAt: '2025-01-01T00:00:00Z',
        action: 'accepted',
        decision: 'd1',
      },
    });
    tx.objectStore('progress').put({ docId, annotator: 'bob', status: 'in_progress', updatedAt: 1 });
    await new Promise((r) => (tx.oncomplete = r));
    db.close();
  });
  await page.reload();
  await expect(app.article.locator('p').first()).toBeVisible();
  const before = await dump(page);
  const file = await backUpNow(page);
  await deleteMainDb(page);
  await page.reload();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Restore from a file…' }).click(),
  ]);
  await chooser.setFiles({
    name: 'backup.jsonl',
    mimeType: 'application/x-ndjson',
    buffer: Buffer.from(file),
  });
  await expect(app.article.locator('p').first()).toBeVisible();
  expect(await dump(page)).toEqual(before);
});

test('a database written by a newer Marginalia: a clear message within 5 s, and the data is left alone', async ({
  app,
}) => {
  const { page } = app;
  await deleteMainDb(page);
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const req = indexedDB.open('marginalia', 990);
        req.onupgradeneeded = () => req.result.createObjectStore('future', { keyPath: 'id' });
        req.onsuccess = () => {
          const tx = req.result.transaction('future', 'readwrite');
          tx.objectStore('future').put({ id: 'keep-me' });
          tx.oncomplete = () => {
            req.result.close();
            resolve();
          };
        };
      }),
  );
  const started = Date.now();
  await page.reload();
  await expect(page.getByTestId('startup-problem')).toContainText('newer version of Marginalia', {
    timeout: 5_000,
  });
  expect(Date.now() - started).toBeLessThan(5_000);
  const kept = await page.evaluate(
    () =>
      new Promise<{ version: number; rows: number }>((resolve) => {
        const req = indexedDB.open('marginalia');
        req.onsuccess = () => {
          const count = req.result.transaction('future').objectStore('future').count();
          count.onsuccess = () => resolve({ version: req.result.version, rows: count.result });
        };
      }),
  );
  expect(kept).toEqual({ version: 990, rows: 1 });
});
