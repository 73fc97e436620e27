/**
 * The application menu. App actions (import, export, undo…) are not Electron roles: they are sent to the
 * renderer as a `MenuCommand` on MENU_EVENT, because the renderer owns them (undo is the app's
 * annotation history; the article text itself is immutable, so the native text undo must never run).
 * Undo/Redo show their accelerators without registering them: the renderer already handles those keys,
 * and a registered accelerator would fire the command twice on Linux and Windows.
 */
import type { MenuItemConstructorOptions } from 'electron';

import type { MenuCommand } from './ipc-contract';

export interface MenuActions {
  send(command: MenuCommand): void;
  showAbout(): void;
}

export function menuTemplate(
  platform: NodeJS.Platform,
  actions: MenuActions,
  { devTools }: { devTools: boolean },
): MenuItemConstructorOptions[] {
  const command = (label: string, cmd: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => actions.send(cmd),
  });
  const isMac = platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    {
      label: '&File',
      submenu: [
        command('Import…', 'import', 'CmdOrCtrl+O'),
        command('Export…', 'export', 'CmdOrCtrl+E'),
        { type: 'separator' },
        command('Back Up Now', 'backup-now', 'CmdOrCtrl+Shift+B'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit', label: 'Quit', accelerator: 'Ctrl+Q' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { ...command('Undo', 'undo', 'CmdOrCtrl+Z'), registerAccelerator: false },
        { ...command('Redo', 'redo', isMac ? 'Cmd+Shift+Z' : 'Ctrl+Y'), registerAccelerator: false },
        { type: 'separator' },
        { role: 'copy' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        command('Toggle Sidebar', 'toggle-sidebar', 'CmdOrCtrl+B'),
        command('Agreement View', 'agreement-view', 'CmdOrCtrl+Shift+A'),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(devTools ? [{ role: 'toggleDevTools' } as const] : []),
      ],
    },
    {
      label: '&Help',
      submenu: [
        command('Format Documentation', 'open-format-docs'),
        { label: 'About Marginalia', click: () => actions.showAbout() },
      ],
    },
  ];
  // macOS puts Quit, Hide and Services in the application menu by convention.
  return isMac ? [{ role: 'appMenu' }, ...template] : template;
}
