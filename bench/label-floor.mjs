/* global Highlight */
// The label clock on a page that does nothing on the key but add one range to a Highlight: how much of
// bench/input-label.ts's figure any renderer pays. The selection is made with the mouse, the key is a
// trusted CDP key event; the clock runs from the event's timestamp to a message posted in the first
// animation frame after it (its end). Usage: node bench/label-floor.mjs (IDLE_MS=0: press right after an
// animation frame, as the bench did until session 30; N presses, default 40).
import { chromium } from '@playwright/test';

const IDLE_MS = Number(process.env['IDLE_MS'] ?? 100);
const N = Number(process.env['N'] ?? 40);
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
const line = (i) => `<p>Line ${i}: the council approved the budget after a long debate.</p>`;
await page.setContent(
  `<body style="font:16px serif">${Array.from({ length: 40 }, (_, i) => line(i)).join('')}</body>`,
);
const rows = [];
for (let i = 0; i < N; i++) {
  const p = await page
    .locator('p')
    .nth(i % 30)
    .boundingBox();
  await page.mouse.move(p.x + 2, p.y + p.height / 2);
  await page.mouse.down();
  await page.mouse.move(p.x + 120, p.y + p.height / 2, { steps: 4 });
  await page.mouse.up();
  await page.evaluate(async () => {
    await new Promise((r) => setTimeout(r, 30));
    await new Promise((r) => requestAnimationFrame(r));
    window.__shown = new Promise((resolve) => {
      addEventListener(
        'keydown',
        (e) => {
          const range = getSelection().getRangeAt(0);
          CSS.highlights.set('floor', new Highlight(new StaticRange(range)));
          requestAnimationFrame(() => {
            const ch = new MessageChannel();
            ch.port1.onmessage = () => resolve(performance.now() - e.timeStamp);
            ch.port2.postMessage(null);
          });
        },
        { capture: true, once: true },
      );
    });
  });
  await new Promise((r) => setTimeout(r, IDLE_MS));
  await page.keyboard.press('1');
  rows.push(await page.evaluate(() => window.__shown));
  await new Promise((r) => setTimeout(r, 150));
}
await browser.close();
rows.sort((a, b) => a - b);
const at = (q) => rows[Math.min(rows.length - 1, Math.floor(q * rows.length))].toFixed(1);
console.log(
  `idle ${IDLE_MS} ms, ${N} presses: key → end of the showing frame p50 ${at(0.5)} ms, p95 ${at(0.95)} ms`,
);
