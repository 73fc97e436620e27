/** Version and data locations, for the About dialog and the renderer's About/Settings screens. */
import path from 'node:path';

import { app, type BrowserWindow, dialog } from 'electron';

import type { AppInfo } from '../../ipc-contract';

export function backupFolder(): string {
  return path.join(app.getPath('userData'), 'backups');
}

export function getAppInfo(): AppInfo {
  return {
    version: app.getVersion(),
    platform: process.platform,
    // IndexedDB lives under userData/IndexedDB; the folder is what a user backs up or deletes.
    dataFolder: app.getPath('userData'),
    backupFolder: backupFolder(),
    shell: 'electron',
  };
}

/** Native About box, so version and data folder are reachable even if the renderer is broken. */
export async function showAboutDialog(win: BrowserWindow | null): Promise<void> {
  const info = getAppInfo();
  const options = {
    type: 'info' as const,
    title: 'About Marginalia',
    message: `Marginalia ${info.version}`,
    detail: [
      `Data folder: ${info.dataFolder}`,
      `Backups: ${info.backupFolder ?? '—'}`,
      `Electron ${process.versions.electron ?? '?'} · Chromium ${process.versions.chrome ?? '?'}`,
    ].join('\n'),
    buttons: ['OK'],
  };
  await (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
}
