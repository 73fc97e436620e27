import { expect, test } from './fixtures';

// Issue 19 review, item 6: restoring a big backup (10,000 articles) ran its parse, validation and
// digests on the page's thread, freezing it for seconds. They run in a Web Worker now, with progress.
// This spec measures the longest main-thread task (PerformanceObserver 'longtask') from the click on
// "Restore from backup…" to "Restored", and prints it (docs/performance.md quotes the figures).
const ARTICLES = Number(process.env.RESTORE_ARTICLES ?? 10_000);
/**
 * Before the worker: one 19.2 s task (5.6 s in a run at load 13). With the worker reading the kept
 * snapshot and keeping the copy made before the restore itself: 157 ms at load 8-12 on 2 shared
 * cores; far below the freeze, with room for a loaded machine.
 */
const LONGEST_TASK_MS = Number(process.env.RESTORE_LONGEST_TASK_MS ?? 1_000);

test('restoring 10,000 articles keeps the page responsive and shows progress', async ({ app }) => {
  test.setTimeout(600_000);
  const { page } = app;
  await page.evaluate(async (n) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('marginalia');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const words =
      'The council approved a budget of 14.8 billion after a long debate about schools and roads. ';
    for (let from = 0; from < n; from += 1000) {
      const rows: { id: string; text: string; title: string }[] = [];
      for (let i = from; i < Math.min(n, from + 1000); i++) {
        const text = `Article ${i}. ${words.repeat(30)}`;
        const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
        const id = `sha256:${Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')}`;
        rows.push({ id, text, title: `Article ${i}` });
      }
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(['documents', 'texts'], 'readwrite');
        for (const r of rows) {
          tx.objectStore('texts').put({ id: r.id, text: r.text });
          tx.objectStore('documents').put({
            id: r.id,
            title: r.title,
            length: r.text.length,
            source: 'e2e',
            meta: {},
            order: 2000 + Number(r.title.slice(8)),
            addedAt: 1,
          });
        }
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
    }
    db.close();
  }, ARTICLES);
  await page.reload();
  await expect(app.article.locator('p').first()).toBeVisible();

  const settings = page.getByRole('dialog', { name: 'Settings' });
  await page.getByRole('button', { name: 'Settings' }).click();
  await Promise.all([
    page.waitForEvent('download'),
    settings.getByRole('button', { name: 'Back up now' }).click(),
  ]);
  await expect(page.getByTestId('settings-message')).toContainText('Backup saved', { timeout: 300_000 });

  await page.evaluate(() => {
    const w = window as unknown as { longest: number; tasks: number; sawProgress: boolean };
    w.longest = 0;
    w.tasks = 0;
    w.sawProgress = false;
    new MutationObserver(() => {
      if (document.querySelector('dialog [role="progressbar"], [role="dialog"] [role="progressbar"]'))
        w.sawProgress = true;
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        w.longest = Math.max(w.longest, e.duration);
        w.tasks += 1;
      }
    }).observe({ type: 'longtask', buffered: false });
  });
  const started = Date.now();
  await settings.getByRole('button', { name: 'Restore from backup…' }).click();
  const question = settings.getByRole('alertdialog', { name: 'Replace your data with this backup?' });
  await expect(question).toContainText(`${(ARTICLES + 5).toLocaleString('en-US')} documents`, {
    timeout: 300_000,
  });
  await question.getByRole('button', { name: 'Replace with this backup' }).click();
  await expect(page.getByTestId('settings-message')).toContainText('Restored the backup', {
    timeout: 300_000,
  });
  const took = Date.now() - started;
  const { longest, tasks, sawProgress } = await page.evaluate(() => {
    const w = window as unknown as { longest: number; tasks: number; sawProgress: boolean };
    return { longest: w.longest, tasks: w.tasks, sawProgress: w.sawProgress };
  });
  console.log(
    `restore of ${ARTICLES} articles: longest main-thread task ${Math.round(longest)} ms (${tasks} long tasks), ${took} ms from the click to "Restored"`,
  );
  expect(longest).toBeLessThan(LONGEST_TASK_MS);
  expect(sawProgress, 'a progress bar in Settings while restoring').toBe(true);
});
