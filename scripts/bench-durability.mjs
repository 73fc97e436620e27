// Cost of strict vs relaxed IndexedDB durability in real Chromium (issue 7). Every user write in
// Marginalia is one small transaction (one span), so the figure that matters is the latency of a
// single-row commit; a 1,000-row import transaction is measured too. Run: node scripts/bench-durability.mjs
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { chromium } from '@playwright/test';

const ROUNDS = Number(process.env.ROUNDS ?? 200);
// A profile on disk: an incognito (in-memory) profile never fsyncs, which would hide the cost.
const profile = mkdtempSync(path.join(process.env.BENCH_DIR ?? os.tmpdir(), 'marginalia-bench-'));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = browser.pages()[0] ?? (await browser.newPage());
// IndexedDB needs a real origin; serve an empty page for one.
await page.route('http://bench.local/**', (r) =>
  r.fulfill({ body: '<!doctype html><title>bench</title>', contentType: 'text/html' }),
);
await page.goto('http://bench.local/');
const result = await page.evaluate(async (rounds) => {
  const open = () =>
    new Promise((resolve, reject) => {
      const req = indexedDB.open('bench', 1);
      req.onupgradeneeded = () => req.result.createObjectStore('spans', { keyPath: 'id' });
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  const db = await open();
  const commit = (durability, rows) =>
    new Promise((resolve, reject) => {
      const tx = db.transaction('spans', 'readwrite', { durability });
      const store = tx.objectStore('spans');
      for (const r of rows) store.put(r);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  const row = (i) => ({
    id: `${i}-${Math.random()}`,
    docId: 'd',
    annotator: 'a',
    start: i,
    end: i + 9,
    label: 'claim',
    note: '',
  });
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const out = {};
  for (const durability of ['relaxed', 'strict', 'relaxed', 'strict']) {
    const single = [];
    for (let i = 0; i < rounds; i++) {
      const t = performance.now();
      await commit(durability, [row(i)]);
      single.push(performance.now() - t);
    }
    const bulk = [];
    for (let i = 0; i < 10; i++) {
      const rows = Array.from({ length: 1000 }, (_, k) => row(k));
      const t = performance.now();
      await commit(durability, rows);
      bulk.push(performance.now() - t);
    }
    // The second pass of each mode is reported (the first warms the database up).
    out[durability] = { singleRowMedianMs: median(single), thousandRowsMedianMs: median(bulk) };
  }
  db.close();
  return out;
}, ROUNDS);
await browser.close();
rmSync(profile, { recursive: true, force: true });
const f = (x) => x.toFixed(2);
console.log(
  `IndexedDB commit latency in Chromium, median of ${ROUNDS} single-row and 10 × 1,000-row transactions:`,
);
for (const [mode, r] of Object.entries(result))
  console.log(
    `  ${mode.padEnd(8)} one span: ${f(r.singleRowMedianMs)} ms   1,000 spans: ${f(r.thousandRowsMedianMs)} ms`,
  );
console.log(
  `  strict costs ${f(result.strict.singleRowMedianMs - result.relaxed.singleRowMedianMs)} ms per saved span.`,
);
