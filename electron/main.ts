/**
 * Composition root of the main process: wires the modules together and owns the app lifecycle.
 * Order matters: the scheme is registered and security installed before `ready`, and the userData
 * folder is set before the single-instance lock (the lock lives in that folder).
 */
import path from 'node:path';

import { app, BrowserWindow, Menu, screen, session } from 'electron';

import { backupFolder, showAboutDialog } from './ipc/handlers/app-info';
import { createBackupStore } from './ipc/handlers/backups';
import { createKeptSignIn } from './ipc/handlers/team-sign-in';
import { registerIpcHandlers } from './ipc/register';
import { MENU_EVENT, type MenuCommand } from './ipc-contract';
import { menuTemplate } from './menu';
import type { ExportStreams } from './export-streams';
import { hasPendingWrites, settlePendingWrites, trackWrite } from './pending-writes';
import { registerAppScheme, serveRenderer } from './protocol';
import { installSecurity, lockDownSession } from './security';
import { userDataOverride } from './user-data';
import { createMainWindow } from './window';
import { loadWindowState, rememberWindowState, windowStateFile } from './window-state';

// Tests and development runs give each run its own data folder; a packaged app ignores the variable.
const userData = userDataOverride(process.env, app.isPackaged);
if (userData) app.setPath('userData', userData);

registerAppScheme();
app.enableSandbox();
installSecurity();

let mainWindow: BrowserWindow | null = null;
let exportStreams: ExportStreams | null = null;

async function openMainWindow(): Promise<void> {
  const stateFile = windowStateFile(app.getPath('userData'));
  const workAreas = screen.getAllDisplays().map((d) => d.workArea);
  mainWindow = createMainWindow(await loadWindowState(stateFile, workAreas), __dirname);
  rememberWindowState(mainWindow, stateFile);
  mainWindow.on('closed', () => (mainWindow = null));
}

function sendMenuCommand(command: MenuCommand): void {
  const target = BrowserWindow.getFocusedWindow() ?? mainWindow;
  target?.webContents.send(MENU_EVENT, command);
}

async function start(): Promise<void> {
  await app.whenReady();
  lockDownSession(session.defaultSession);
  serveRenderer(path.join(__dirname, '..', 'renderer'));
  exportStreams = registerIpcHandlers(createBackupStore(backupFolder()), createKeptSignIn());
  const actions = { send: sendMenuCommand, showAbout: () => void showAboutDialog(mainWindow) };
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(menuTemplate(process.platform, actions, { devTools: !app.isPackaged })),
  );
  await openMainWindow();
}

if (!app.requestSingleInstanceLock()) {
  // Another Marginalia owns this data folder; it is told (second-instance) and focuses itself.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && !mainWindow) void openMainWindow();
  });
  // will-quit comes after every window has closed, so writes started by closing (window state, a
  // last export) are already tracked. Quit again once they are on disk; 30 s guards against a hung disk.
  app.on('will-quit', (event) => {
    // An export still streaming when the app quits is unfinished: delete its temp file, never keep half.
    if (exportStreams && exportStreams.openCount > 0) void trackWrite(exportStreams.abortAll());
    if (!hasPendingWrites()) return;
    event.preventDefault();
    void settlePendingWrites(30_000).then(() => app.quit());
  });
  start().catch((error: unknown) => {
    console.error('Marginalia failed to start:', error);
    app.exit(1);
  });
}
