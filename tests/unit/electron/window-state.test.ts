import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  DEFAULT_WINDOW_STATE,
  loadWindowState,
  sanitizeWindowState,
  windowStateFile,
} from '../../../electron/window-state';

const screens = [
  { x: 0, y: 0, width: 1920, height: 1040 },
  { x: 1920, y: 0, width: 1280, height: 1024 },
];

describe('sanitizeWindowState', () => {
  it('keeps a valid state on a connected screen', () => {
    const state = { width: 1000, height: 700, x: 2000, y: 100, maximized: true };
    expect(sanitizeWindowState(state, screens)).toEqual(state);
  });

  it('drops a position that is on no screen any more (monitor unplugged), keeping the size', () => {
    expect(
      sanitizeWindowState({ width: 1000, height: 700, x: 5000, y: 100, maximized: false }, screens),
    ).toEqual({
      width: 1000,
      height: 700,
      maximized: false,
    });
    // Title bar above the top of every screen: the window could not be dragged back.
    expect(sanitizeWindowState({ width: 1000, height: 700, x: 100, y: -690 }, screens)).not.toHaveProperty(
      'x',
    );
  });

  it.each([
    null,
    'garbage',
    [],
    { width: 'wide', height: 700 },
    { width: 10, height: 10 },
    { width: 1e9, height: 700 },
    { width: 1000.5, height: 700 },
    JSON.parse('{"width":1000,"height":700,"__proto__":{"x":1}}'),
  ])('falls back to defaults for %j', (raw) => {
    const result = sanitizeWindowState(raw, screens);
    expect(result.width).toBeGreaterThanOrEqual(640);
    expect(result).not.toHaveProperty('x');
  });

  it('uses the defaults for unusable files', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'marginalia-ws-'));
    try {
      const file = windowStateFile(dir);
      expect(await loadWindowState(file, screens)).toEqual(DEFAULT_WINDOW_STATE);
      await writeFile(file, '{not json');
      expect(await loadWindowState(file, screens)).toEqual(DEFAULT_WINDOW_STATE);
      await writeFile(file, JSON.stringify({ width: 900, height: 600, x: 10, y: 10, maximized: false }));
      expect(await loadWindowState(file, screens)).toEqual({
        width: 900,
        height: 600,
        x: 10,
        y: 10,
        maximized: false,
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
