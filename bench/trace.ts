/**
 * BENCH_TRACE=dir: Chromium performance traces of one run of a phase, for chrome://tracing or
 * DevTools. Through the page's DevTools session because the bench's persistent profile has no
 * Browser object (Playwright's browser.startTracing needs one).
 */
import { writeFileSync } from 'node:fs';

import type { CDPSession, Page } from '@playwright/test';

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.stack',
  'disabled-by-default-v8.cpu_profiler',
  'v8.execute',
  'blink',
];

export interface Trace {
  stop(): Promise<void>;
}

export async function startTrace(page: Page, path: string): Promise<Trace> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: unknown[] = [];
  cdp.on('Tracing.dataCollected', (e) => void events.push(...e.value));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES } });
  return {
    async stop() {
      const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
      await cdp.send('Tracing.end');
      await done;
      writeFileSync(path, JSON.stringify({ traceEvents: events }));
      await cdp.detach();
    },
  };
}
