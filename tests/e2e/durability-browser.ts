import { spawn, type ChildProcess } from 'node:child_process';

import { chromium, type Browser, type Page } from '@playwright/test';

import { storedRows } from './helpers';

/**
 * A real Chromium process we own, so a test can SIGKILL it like a crash or power cut and start it
 * again on the same profile (Playwright's persistent contexts do not expose the browser process).
 */
export interface OwnedBrowser {
  readonly browser: Browser;
  readonly page: Page;
  readonly process: ChildProcess;
  /** SIGKILL to the whole process group: browser, renderers, GPU and utility processes at once. */
  kill(): Promise<void>;
}

export async function launchOwnedChromium(userDataDir: string): Promise<OwnedBrowser> {
  const child = spawn(
    process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-session-crashed-bubble',
      '--remote-debugging-port=0',
      `--user-data-dir=${userDataDir}`,
      'about:blank',
    ],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const ws = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${seen}`)), 20_000);
    child.stderr?.on('data', (d: Buffer) => {
      seen += d.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited (${code}): ${seen}`)));
  });
  const browser = await chromium.connectOverCDP(ws);
  const context = browser.contexts()[0] ?? (await browser.newContext());
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    browser,
    page,
    process: child,
    kill: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGKILL');
      await exited;
      await browser.close().catch(() => undefined);
    },
  };
}

/** Span ids stored for one annotator, read straight from IndexedDB (not from the app's state). */
export async function storedSpanIds(page: Page, annotator: string): Promise<string[]> {
  const rows = await storedRows<{ id: string; annotator: string }>(page, 'spans');
  return rows.filter((r) => r.annotator === annotator).map((r) => r.id);
}
