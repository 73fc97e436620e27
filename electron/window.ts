/**
 * The main window. Its web preferences are locked here, in one place, and every value that matters is
 * spelled out even where it equals Electron's default, so a future default change or a careless edit
 * shows up in review and in tests/electron/security.spec.ts.
 */
import path from 'node:path';

import { app, BrowserWindow } from 'electron';

import { APP_ENTRY_URL } from './trusted-origin';
import { MIN_HEIGHT, MIN_WIDTH, type WindowState } from './window-state';

export function createMainWindow(state: WindowState, preloadDir: string): BrowserWindow {
  const win = new BrowserWindow({
    width: state.width,
    height: state.height,
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    title: 'Marginalia',
    // Shown once painted, so the user never sees an empty white frame.
    show: false,
    webPreferences: {
      preload: path.join(preloadDir, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      webSecurity: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // A file dropped outside the app's drop zone must not replace the app with the file.
      navigateOnDragDrop: false,
      // Middle-click would otherwise try to open links in a new window (refused anyway, see security.ts).
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize();
    win.show();
  });
  void win.loadURL(APP_ENTRY_URL);
  return win;
}
