import { fileURLToPath } from 'node:url';

import { createServer, type ViteDevServer } from 'vite';

import { expect, test } from './fixtures';
import { AnnotatePage } from './pages/AnnotatePage';

/**
 * The rest of the suite serves the production build, where React's StrictMode does nothing. Here the
 * renderer is served by Vite's dev server (`npm run dev`), with React's development build: StrictMode
 * renders every component twice, runs its effects, cleans them up and runs them again, so state that
 * survives a cleanup or a discarded render shows up as it would on a real remount.
 */
let server: ViteDevServer | undefined;
let url = '';

test.beforeAll(async () => {
  server = await createServer({
    configFile: fileURLToPath(new URL('../../vite.config.ts', import.meta.url)),
    // Any free port: the suite's own port is the preview's.
    server: { port: 0, strictPort: false },
    logLevel: 'warn',
    clearScreen: false,
  });
  await server.listen();
  url = server.resolvedUrls?.local[0] ?? '';
});

test.afterAll(async () => {
  await server?.close();
});

test('under StrictMode a mouse selection is labelled by its key', async ({ freshPage: page }) => {
  expect(url).not.toBe('');
  // On a fresh clone Vite optimizes the dependencies it finds on the first visit and may reload the
  // page once meanwhile: that visit only warms the cache.
  await page.goto(url);
  await page.getByRole('textbox', { name: 'Annotator name' }).waitFor();
  await page.waitForLoadState('networkidle');
  await page.goto(url);
  const app = new AnnotatePage(page);
  await app.setName('alice');
  await app.dragSelect(0, 14);
  await page.keyboard.press('1');
  await expect(app.spanItems()).toHaveCount(1);
  await expect(app.spanItems().first()).toContainText('AI firm OpenAI');
});
