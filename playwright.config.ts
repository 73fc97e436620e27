import { defineConfig } from '@playwright/test';

/**
 * Playwright cannot download its own browsers here: the e2e project drives Debian's Chromium
 * (CHROMIUM_PATH overrides). The electron project launches the real Electron binary through
 * `_electron` and skips, saying why, where there is none (tests/electron/fixtures.ts).
 */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const port = Number(process.env.E2E_PORT ?? 4173);
const electronOnly = process.argv.includes('--project=electron');

export default defineConfig({
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: 'test-results',
  projects: [
    {
      name: 'e2e',
      testDir: 'tests/e2e',
      use: {
        baseURL: `http://127.0.0.1:${port}`,
        viewport: { width: 1280, height: 800 },
        acceptDownloads: true,
        launchOptions: {
          executablePath: chromiumPath,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
        trace: 'retain-on-failure',
        screenshot: 'only-on-failure',
      },
    },
    {
      name: 'electron',
      testDir: 'tests/electron',
    },
  ],
  // Serves the built renderer exactly as `npm run web` does. Outside CI a server already on the port
  // is reused (a running `npm run web` of this checkout saves a start); the global setup makes sure it
  // is this checkout's preview and stops the run with a clear message if it is anything else.
  webServer: electronOnly
    ? undefined
    : {
        command: `npx vite preview --port ${port} --strictPort`,
        url: `http://127.0.0.1:${port}`,
        reuseExistingServer: !process.env.CI,
        timeout: 60_000,
      },
  ...(electronOnly ? {} : { globalSetup: './tests/e2e/global-setup.ts' }),
});
