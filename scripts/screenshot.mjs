// Takes docs/screenshot.png: the annotate view in Debian's Chromium with a few spans, overlaps included.
// Usage: npm run build:renderer && node scripts/screenshot.mjs  (serves dist/renderer itself)
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

import { chromium } from 'playwright';

const port = 4188;
const server = spawn(
  process.execPath,
  ['node_modules/vite/bin/vite.js', 'preview', '--port', String(port), '--strictPort'],
  {
    stdio: 'ignore',
  },
);
try {
  await sleep(1500);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.getByRole('textbox', { name: 'Annotator name' }).fill('alice');
  await page.getByRole('button', { name: 'Start annotating' }).click();
  const article = page.getByTestId('article');
  await article.locator('p').first().waitFor();
  const box = (para, phrase, endPhrase = phrase) =>
    article
      .locator('p')
      .nth(para)
      .evaluate(
        (p, [a, b]) => {
          const t = p.firstChild.firstChild;
          const from = t.data.indexOf(a);
          const to = t.data.indexOf(b, from) + b.length;
          const r = document.createRange();
          r.setStart(t, from);
          r.setEnd(t, from + 1);
          const s = r.getBoundingClientRect();
          r.setStart(t, to - 1);
          r.setEnd(t, to);
          const e = r.getBoundingClientRect();
          return { x1: s.left + 0.5, y1: s.top + s.height / 2, x2: e.right - 0.5, y2: e.top + e.height / 2 };
        },
        [phrase, endPhrase],
      );
  const select = async (para, phrase, endPhrase, key) => {
    const b = await box(para, phrase, endPhrase);
    await page.mouse.move(b.x1, b.y1);
    await page.mouse.down();
    await page.mouse.move(b.x2, b.y2, { steps: 4 });
    await page.mouse.up();
    await page.keyboard.press(key);
  };
  await select(0, 'AI firm OpenAI', 'Scale AI', '1');
  await select(1, 'Just days', 'Scale AI,', '1');
  await select(1, '$14.8 billion', '49% stake', '3');
  await select(4, 'stating that', 'company.”', '1');
  await select(4, '“remains', 'company.”', '2');
  await select(5, 'OpenAI is shifting', 'operations', '4');
  // The indicator stacks its states and names the current one (aria-label).
  await page.locator('[data-testid="save-state"][aria-label="Saved"]').waitFor();
  const caret = await box(1, '14.8');
  await page.mouse.click(caret.x1, caret.y1);
  // The library's counts follow once labelling pauses (session/library/useLibrary.ts).
  await page.waitForTimeout(1500);
  await page.screenshot({ path: 'docs/screenshot.png' });
  await browser.close();
} finally {
  server.kill();
}
