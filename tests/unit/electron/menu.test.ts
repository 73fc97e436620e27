import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';

import { MENU_COMMANDS, type MenuCommand } from '../../../electron/ipc-contract';
import { menuTemplate } from '../../../electron/menu';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function build(platform: NodeJS.Platform) {
  const sent: MenuCommand[] = [];
  let about = 0;
  const items = flatten(
    menuTemplate(platform, { send: (c) => sent.push(c), showAbout: () => about++ }, { devTools: false }),
  );
  const byLabel = (label: string) => items.find((i) => i.label === label);
  // The click handlers ignore their arguments; the casts only satisfy Electron's signature.
  const click = (label: string) => (byLabel(label)?.click as (() => void) | undefined)?.();
  return { items, byLabel, click, sent, about: () => about };
}

describe.each(['linux', 'win32', 'darwin'] as const)('menu on %s', (platform) => {
  it('has the File, Edit, View and Help menus', () => {
    const top = menuTemplate(
      platform,
      { send: () => undefined, showAbout: () => undefined },
      { devTools: false },
    );
    const labels = top.map((m) => m.label?.replace('&', '')).filter(Boolean);
    expect(labels).toEqual(['File', 'Edit', 'View', 'Help']);
  });

  it('sends app commands to the renderer instead of using roles', () => {
    const menu = build(platform);
    const expected: [string, MenuCommand][] = [
      ['Import…', 'import'],
      ['Export…', 'export'],
      ['Back Up Now', 'backup-now'],
      ['Undo', 'undo'],
      ['Redo', 'redo'],
      ['Toggle Sidebar', 'toggle-sidebar'],
      ['Agreement View', 'agreement-view'],
      ['Format Documentation', 'open-format-docs'],
    ];
    for (const [label, command] of expected) {
      expect(menu.byLabel(label)?.role).toBeUndefined();
      menu.click(label);
      expect(menu.sent.at(-1)).toBe(command);
    }
    for (const command of menu.sent) expect(MENU_COMMANDS).toContain(command);
  });

  it('never uses the native text undo/redo (the article text is immutable)', () => {
    const roles = build(platform).items.map((i) => i.role);
    expect(roles).not.toContain('undo');
    expect(roles).not.toContain('redo');
    expect(roles).not.toContain('paste');
    expect(roles).not.toContain('cut');
    expect(roles).toEqual(expect.arrayContaining(['copy', 'selectAll', 'zoomIn', 'zoomOut', 'resetZoom']));
  });

  it('shows Undo/Redo shortcuts but leaves the keys to the renderer', () => {
    const menu = build(platform);
    expect(menu.byLabel('Undo')).toMatchObject({ accelerator: 'CmdOrCtrl+Z', registerAccelerator: false });
    expect(menu.byLabel('Redo')?.registerAccelerator).toBe(false);
  });

  it('opens the native About box', () => {
    const menu = build(platform);
    menu.click('About Marginalia');
    expect(menu.about()).toBe(1);
  });

  it('can quit', () => {
    const roles = build(platform).items.map((i) => i.role);
    expect(roles.includes('quit') || roles.includes('appMenu')).toBe(true);
  });

  it('offers developer tools only when asked', () => {
    const roles = build(platform).items.map((i) => i.role);
    expect(roles).not.toContain('toggleDevTools');
  });
});
