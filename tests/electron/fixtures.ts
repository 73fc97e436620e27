import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import {
  _electron as electron,
  test as base,
  type ElectronApplication,
  expect,
  type Page,
} from '@playwright/test';

import type { MarginaliaApi } from '../../electron/ipc-contract';
import { findElectronBinary, projectRoot } from '../../scripts/electron-binary.mjs';

/**
 * Playwright `_electron` fixtures against the real Electron binary and the real built main/preload.
 * Every test gets its own userData folder (so its own IndexedDB, backups, window state and
 * single-instance lock). Where there is no Electron binary, every test is skipped with the reason,
 * which is also printed once per worker so it shows in the plain list output.
 */
export const binary = findElectronBinary();
const mainBundle = path.join(projectRoot, 'dist', 'electron', 'main.cjs');

/** The page's view of the bridge (the renderer types it the same way, through the contract). */
export type BridgedWindow = Window & { marginalia: MarginaliaApi };

export interface ElectronFixtures {
  userDataDir: string;
  electronApp: ElectronApplication;
  appPage: Page;
}

/** Launches Marginalia as `npm start` would, with MARGINALIA_USER_DATA_DIR pointing at `userDataDir`. */
export async function launchMarginalia(userDataDir: string): Promise<ElectronApplication> {
  if (!binary.ok) throw new Error(binary.reason);
  if (!existsSync(mainBundle))
    throw new Error('dist/electron/main.cjs is missing: run `npm run build` first.');
  return electron.launch({
    executablePath: binary.executablePath,
    args: [projectRoot],
    cwd: projectRoot,
    env: { ...process.env, MARGINALIA_USER_DATA_DIR: userDataDir, ELECTRON_ENABLE_LOGGING: '1' },
    timeout: 30_000,
  });
}

export const test = base.extend<
  ElectronFixtures & { requireElectron: void },
  { reportMissingElectron: void }
>({
  reportMissingElectron: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
    async ({}, use) => {
      if (!binary.ok) console.log(`Electron tests skipped: ${binary.reason}`);
      await use();
    },
    { scope: 'worker', auto: true },
  ],
  // Auto, so even a test that asks for no Electron fixture is skipped (not failed) without a binary.
  requireElectron: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
    async ({}, use, testInfo) => {
      testInfo.skip(!binary.ok, binary.ok ? '' : binary.reason);
      await use();
    },
    { auto: true },
  ],
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
  userDataDir: async ({}, use) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'marginalia-electron-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  electronApp: async ({ userDataDir }, use) => {
    const app = await launchMarginalia(userDataDir);
    await use(app);
    await app.close().catch(() => undefined);
  },
  appPage: async ({ electronApp }, use) => {
    const page = await electronApp.firstWindow();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.waitForLoadState('domcontentloaded');
    await use(page);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
});

export { expect };
