import { test as base, expect, type Page } from '@playwright/test';

import { AnnotatePage } from './pages/AnnotatePage';

/**
 * Every test gets a fresh browser context, so a fresh, real IndexedDB (Playwright contexts are
 * isolated). `app` opens Marginalia and passes the first-run name dialog.
 */
export const test = base.extend<{ app: AnnotatePage; freshPage: Page; closeOwnContexts: void }>({
  // Team specs open extra browser profiles with browser.newContext(); left open, their pages went on
  // syncing (and retrying a stopped server) through every later test of the worker, loading the
  // machine. Whatever a test opened is closed when it ends.
  closeOwnContexts: [
    async ({ browser }, use) => {
      const before = new Set(browser.contexts());
      await use();
      await Promise.all(
        browser
          .contexts()
          .filter((c) => !before.has(c))
          .map((c) => c.close()),
      );
    },
    { auto: true },
  ],
  freshPage: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // A whole-library native export streams into a file the browser's save picker gives; nothing can
    // answer that picker here, so tests get the download fallback unless one installs its own picker
    // (export-stream.spec.ts).
    await page.addInitScript(() =>
      Object.defineProperty(window, 'showSaveFilePicker', {
        value: undefined,
        configurable: true,
        writable: true,
      }),
    );
    await use(page);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
  app: async ({ freshPage }, use) => {
    const app = new AnnotatePage(freshPage);
    await app.open();
    await app.setName('alice');
    await use(app);
  },
});

export { expect };
