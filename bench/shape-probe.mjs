// Storage-shape probe for issue 20 (docs/architecture.md, "Corpus storage in batch rows"): writes the
// same N bench-like documents (240-character text, 2 spans of one annotator) in one strict
// transaction of a scratch database in each candidate shape, then opens 40 of them one by one as the
// open path would (its rows, or its batch row found through the candidate lookup).
//   BENCH_PORT=4472 PROBE_DOCS=100000 PROBE_CASES=per-doc,objects,multi,columnar node bench/shape-probe.mjs
// Chromium with an on-disk profile (as the app has); prints one JSON line per case.
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium } from 'playwright';

const port = Number(process.env['BENCH_PORT'] ?? 4179);
const docs = Number(process.env['PROBE_DOCS'] ?? 100_000);
const cases = (process.env['PROBE_CASES'] ?? 'per-doc,objects,multi,columnar').split(',');
const server = http.createServer((_, res) => res.end('<!doctype html><title>probe</title>'));
await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
const profile = mkdtempSync(join(tmpdir(), 'shape-probe-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  headless: true,
});
const page = await context.newPage();
await page.goto(`http://127.0.0.1:${port}/`);
for (const c of cases) {
  const out = await page.evaluate(probeCase, { N: docs, c });
  console.log(JSON.stringify({ case: c, docs, load: (await import('node:os')).loadavg()[0], ...out }));
}
await context.close();
server.close();
rmSync(profile, { recursive: true, force: true });

/** Runs in the page. */
async function probeCase({ N, c }) {
  const del = (name) =>
    new Promise((r) => {
      const q = indexedDB.deleteDatabase(name);
      q.onsuccess = q.onerror = r;
    });
  const open = (name, up) =>
    new Promise((res, rej) => {
      const q = indexedDB.open(name, 1);
      q.onupgradeneeded = () => up(q.result);
      q.onsuccess = () => res(q.result);
      q.onerror = () => rej(q.error);
    });
  const done = (tx) =>
    new Promise((res, rej) => {
      tx.oncomplete = res;
      tx.onerror = tx.onabort = () => rej(tx.error);
    });
  const req = (r) =>
    new Promise((res, rej) => {
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
  // Ids shaped like the app's (`sha256:` + 64 hex digits), pseudo-random as content hashes are.
  const hex = (i) => {
    let s = '';
    let x = (i * 2654435761) >>> 0;
    for (let k = 0; k < 8; k++) {
      s += x.toString(16).padStart(8, '0');
      x = Math.imul(x ^ (x >>> 13), 1597334677) >>> 0;
    }
    return s;
  };
  const ids = Array.from({ length: N }, (_, i) => `sha256:${hex(i + 1)}`);
  const text = (i) =>
    `${'Lorem ipsum dolor sit amet, consectetur adipiscing elit '.repeat(5).slice(0, 230)} #${i}`;
  const spanId = (i, k) => hex(i * 2 + k + 7).slice(0, 36);
  const docRow = (i) => ({
    id: ids[i],
    title: `Line ${i}`,
    length: 240,
    source: '',
    meta: {},
    order: i,
    addedAt: 1,
  });
  const pack = (i) => ({
    format: 1,
    n: 2,
    starts: new Uint32Array([3, 40]),
    ends: new Uint32Array([20, 60]),
    labels: new Uint8Array([0, 1]),
    unsure: new Uint8Array(2),
    ids: spanId(i, 0) + spanId(i, 1),
    idLengths: new Uint32Array([36, 36]),
    notes: '',
    noteLengths: new Uint32Array(2),
  });
  const B = c === 'columnar' ? 256 : 1000;
  const batches = Math.ceil(N / B);
  /** One batch row: documents column-wise or as objects; spans as one pack per batch or per document. */
  const batch = (b) => {
    const lo = b * B;
    const n = Math.min(B, N - lo);
    const range = Array.from({ length: n }, (_, k) => lo + k);
    if (c !== 'columnar')
      return {
        n: b,
        docIds: range.map((i) => ids[i]),
        docs: range.map(docRow),
        texts: range.map(text),
        packs: [{ annotator: 'importer', docs: range.map(pack) }],
      };
    const docStart = new Uint32Array(n + 1);
    for (let k = 0; k <= n; k++) docStart[k] = 2 * k;
    const starts = new Uint32Array(2 * n);
    const ends = new Uint32Array(2 * n);
    for (let k = 0; k < n; k++)
      [starts[2 * k], ends[2 * k], starts[2 * k + 1], ends[2 * k + 1]] = [3, 20, 40, 60];
    return {
      n: b,
      ids: range.map((i) => ids[i]).join(''),
      titles: range.map((i) => `Line ${i}`),
      sources: range.map(() => ''),
      meta: range.map(() => ({})),
      order0: lo,
      addedAt: new Float64Array(n).fill(1),
      texts: range.map(text),
      packs: [
        {
          annotator: 'importer',
          docStart,
          starts,
          ends,
          labels: new Uint8Array(2 * n),
          unsure: new Uint8Array(2 * n),
          ids: range.map((i) => spanId(i, 0) + spanId(i, 1)).join(''),
          idLengths: new Uint32Array(2 * n).fill(36),
          notes: '',
          noteLengths: new Uint32Array(2 * n),
          updatedAt: new Float64Array(2 * n).fill(1),
        },
      ],
    };
  };
  const name = `shape-probe-${c}`;
  await del(name);
  const db = await open(name, (d) => {
    if (c === 'per-doc') {
      d.createObjectStore('documents', { keyPath: 'id' }).createIndex('order', 'order');
      d.createObjectStore('texts', { keyPath: 'id' });
      d.createObjectStore('spanPacks', { keyPath: ['docId', 'annotator'] });
      return;
    }
    const s = d.createObjectStore('batches', { keyPath: 'n' });
    if (c === 'multi') s.createIndex('docIds', 'docIds', { multiEntry: true });
    if (c === 'columnar') d.createObjectStore('batchIndex', { keyPath: ['prefix', 'n0'] });
  });
  // per-doc is ~15x slower: written for a fifth of N and scaled.
  const written = c === 'per-doc' ? Math.min(N, 20_000) : N;
  const rows = c === 'per-doc' ? [] : Array.from({ length: batches }, (_, b) => batch(b));
  let t0 = performance.now();
  if (c === 'per-doc') {
    const tx = db.transaction(['documents', 'texts', 'spanPacks'], 'readwrite', { durability: 'strict' });
    for (let i = 0; i < written; i++) {
      tx.objectStore('documents').add(docRow(i));
      tx.objectStore('texts').add({ id: ids[i], text: text(i) });
      tx.objectStore('spanPacks').add({ docId: ids[i], annotator: 'importer', ...pack(i) });
    }
    await done(tx);
  } else {
    const tx = db.transaction(c === 'columnar' ? ['batches', 'batchIndex'] : ['batches'], 'readwrite', {
      durability: 'strict',
    });
    for (const r of rows) tx.objectStore('batches').add(r);
    if (c === 'columnar') {
      // One index row per 2-hex-digit prefix of this write: its sorted ids and their batch numbers.
      const byPrefix = new Map();
      for (let i = 0; i < N; i++) {
        const p = ids[i].slice(7, 9);
        let list = byPrefix.get(p);
        if (!list) byPrefix.set(p, (list = []));
        list.push([ids[i], Math.floor(i / B)]);
      }
      for (const [prefix, list] of byPrefix) {
        list.sort((a, b) => (a[0] < b[0] ? -1 : 1));
        tx.objectStore('batchIndex').add({
          prefix,
          n0: 0,
          ids: list.map((e) => e[0]).join(''),
          batches: Uint32Array.from(list.map((e) => e[1])),
        });
      }
    }
    await done(tx);
  }
  const writeMs = ((performance.now() - t0) * N) / written;
  const times = [];
  for (let k = 0; k < 40; k++) {
    const i = (k * 7919) % written;
    const id = ids[i];
    t0 = performance.now();
    if (c === 'per-doc') {
      const tx = db.transaction(['documents', 'texts', 'spanPacks'], 'readonly');
      const got = await Promise.all([
        req(tx.objectStore('documents').get(id)),
        req(tx.objectStore('texts').get(id)),
        req(tx.objectStore('spanPacks').get([id, 'importer'])),
      ]);
      if (got[2].n !== 2) throw new Error('pack');
    } else if (c === 'columnar') {
      const tx = db.transaction(['batches', 'batchIndex'], 'readonly');
      const prefix = id.slice(7, 9);
      const parts = await req(tx.objectStore('batchIndex').getAll(IDBKeyRange.bound([prefix], [prefix, []])));
      let n = -1;
      for (const p of parts) {
        // Binary search over the joined fixed-width ids.
        let lo = 0;
        let hi = p.batches.length - 1;
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          const at = p.ids.slice(mid * 71, mid * 71 + 71);
          if (at === id) {
            n = p.batches[mid];
            break;
          }
          if (at < id) lo = mid + 1;
          else hi = mid - 1;
        }
      }
      const row = await req(tx.objectStore('batches').get(n));
      const j = row.ids.indexOf(id) / 71;
      const sp = row.packs[0];
      const from = sp.docStart[j];
      const to = sp.docStart[j + 1];
      if (row.texts[j] === undefined || sp.starts.subarray(from, to).length !== 2) throw new Error('batch');
    } else {
      const tx = db.transaction(['batches'], 'readonly');
      const row =
        c === 'multi'
          ? await req(tx.objectStore('batches').index('docIds').get(id))
          : await req(tx.objectStore('batches').get(Math.floor(i / B)));
      const j = row.docIds.indexOf(id);
      if (row.texts[j] === undefined || row.packs[0].docs[j].n !== 2) throw new Error('batch');
    }
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  db.close();
  await del(name);
  const r1 = (x) => Math.round(x * 10) / 10;
  return { write_ms: r1(writeMs), open_p50_ms: r1(times[20]), open_p90_ms: r1(times[36]) };
}
