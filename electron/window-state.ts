/**
 * Remembers the main window's size, position and maximised state in `<userData>/window-state.json`.
 * The file is user-editable and may come from another monitor layout, so it is validated and a
 * position that would put the window off every screen is dropped (the window is then centred).
 * Node only: the Electron window is passed in, so the pure parts are unit-tested.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import type { BrowserWindow, Rectangle } from 'electron';
import { z } from 'zod';

import { writeFileAtomic } from './atomic-write';
import { trackWrite } from './pending-writes';

export interface WindowState {
  width: number;
  height: number;
  x?: number;
  y?: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 860, maximized: false };
export const MIN_WIDTH = 640;
export const MIN_HEIGHT = 480;

const storedSchema = z.object({
  width: z.int().min(MIN_WIDTH).max(16384),
  height: z.int().min(MIN_HEIGHT).max(16384),
  x: z.int().min(-65536).max(65536).optional(),
  y: z.int().min(-65536).max(65536).optional(),
  maximized: z.boolean().default(false),
});

/** At least this much of the title bar must be on a screen, or the user could not grab the window. */
const VISIBLE_MARGIN = 64;

function overlaps(a: Rectangle, b: Rectangle): boolean {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w >= VISIBLE_MARGIN && h >= Math.min(VISIBLE_MARGIN, a.height);
}

export function sanitizeWindowState(raw: unknown, workAreas: readonly Rectangle[]): WindowState {
  const parsed = storedSchema.safeParse(raw);
  if (!parsed.success) return { ...DEFAULT_WINDOW_STATE };
  const { width, height, x, y, maximized } = parsed.data;
  if (x === undefined || y === undefined) return { width, height, maximized };
  const titleBar = { x, y, width, height: VISIBLE_MARGIN };
  return workAreas.some((area) => overlaps(titleBar, area))
    ? { width, height, x, y, maximized }
    : { width, height, maximized };
}

export function windowStateFile(userData: string): string {
  return path.join(userData, 'window-state.json');
}

export async function loadWindowState(file: string, workAreas: readonly Rectangle[]): Promise<WindowState> {
  try {
    return sanitizeWindowState(JSON.parse(await readFile(file, 'utf8')), workAreas);
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
}

/** Saves the normal (un-maximised) bounds when the window closes; quitting waits for the write. */
export function rememberWindowState(win: BrowserWindow, file: string): void {
  win.on('close', () => {
    const bounds = win.getNormalBounds();
    const state: WindowState = { ...bounds, maximized: win.isMaximized() };
    void trackWrite(writeFileAtomic(file, `${JSON.stringify(state, null, 2)}\n`)).catch(() => undefined);
  });
}
