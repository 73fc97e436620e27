import type { Page } from '@playwright/test';

import { expect, test } from './fixtures';
import { addArticle } from './helpers';

/**
 * Guards the rendering optimisations (windowed, incremental CSS highlights over a virtualised
 * article): for every span the browser paints, the painted characters are exactly the span's
 * characters, in code points, including astral, RTL and overlapping spans.
 */
interface SpanSeed {
  start: number;
  end: number;
  label: 'claim' | 'quote' | 'figure' | 'speculation';
}

/** Writes spans for `alice` on the document with this text (span rows as in rows.ts), then reloads. */
async function addSpans(page: Page, text: string, spans: readonly SpanSeed[]): Promise<void> {
  await page.evaluate(
    async ({ text, spans }) => {
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
      const docId = `sha256:${Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')}`;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('marginalia');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      // Raw writes bypass the app's span-packs middleware: drop the packs, as it would.
      const tx = db.transaction(['spans', 'spanPacks'], 'readwrite');
      tx.objectStore('spanPacks').clear();
      spans.forEach((s, i) =>
        tx.objectStore('spans').put({ ...s, id: `p${i}`, docId, annotator: 'alice', note: '', updatedAt: 0 }),
      );
      await new Promise((r) => (tx.oncomplete = r));
      db.close();
    },
    { text, spans },
  );
  await page.reload();
}

/** Every painted range as (label, code point start, end, painted string), sorted. */
async function paintedSpans(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // The article mounts once its spans are read, after the title openDocument waits for: until
    // then nothing is painted (and expect.poll asks again).
    const article = document.querySelector<HTMLElement>('[data-testid="article"]');
    if (!article) return [];
    const paragraphs = Array.from(article.querySelectorAll('.m-paragraph'));
    const lines = paragraphs.map((p) => p.textContent ?? '');
    // Per line: its UTF-16 and code point start (a scan of the whole text per range took seconds).
    const starts: number[] = [];
    const cpStarts: number[] = [];
    lines.reduce((n, l) => (starts.push(n), n + l.length + 1), 0);
    lines.reduce((n, l) => (cpStarts.push(n), n + Array.from(l).length + 1), 0);
    const lineOf = new Map<Node, number>();
    paragraphs.forEach((p, i) => {
      lineOf.set(p, i);
      for (const n of Array.from(p.querySelectorAll('*'))) lineOf.set(n, i);
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) lineOf.set(n, i);
    });
    const lineStart = (i: number): number => starts[i] as number;
    const offset = (node: Node, at: number): number => lineStart(lineOf.get(node) as number) + at;
    const cp = (u: number): number => {
      let line = 0;
      while (line + 1 < starts.length && (starts[line + 1] as number) <= u) line++;
      return (
        (cpStarts[line] as number) + Array.from((lines[line] as string).slice(0, u - lineStart(line))).length
      );
    };
    const out: string[] = [];
    for (const label of ['claim', 'quote', 'figure', 'speculation']) {
      for (const r of CSS.highlights.get(`m-${label}`) ?? []) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        const s = cp(offset(r.startContainer, r.startOffset));
        const e = cp(offset(r.endContainer, r.endOffset));
        out.push(`${label} ${s} ${e} ${range.toString()}`);
      }
    }
    return out.sort();
  });
}

/** A range's toString() has no line breaks (paragraphs are separate elements): compare without them. */
const expected = (text: string, spans: readonly SpanSeed[]): string[] => {
  // Split into code points once: a split per span took over a minute with 2,400 spans.
  const cps = Array.from(text);
  return spans
    .map((s) => `${s.label} ${s.start} ${s.end} ${cps.slice(s.start, s.end).join('').replace(/\n/g, '')}`)
    .sort();
};

test('astral, RTL and overlapping spans paint exactly their code points', async ({ app, page }) => {
  const text =
    'Title with 𝔘nicode and 😀 emoji\n' +
    'The mayor of القاهرة said “شكرا” and שלום to 3.5% of voters 🌍.\n' +
    '\n' +
    'Family 👩‍👩‍👧 and a nested “quote inside a claim” end.';
  const cps = Array.from(text);
  const at = (s: string): number => Array.from(text.slice(0, text.indexOf(s))).length;
  const len = (s: string): number => Array.from(s).length;
  const spans: SpanSeed[] = [
    { start: at('𝔘'), end: at('𝔘') + len('𝔘nicode'), label: 'claim' },
    { start: at('😀'), end: at('😀') + 1, label: 'quote' },
    { start: at('القاهرة'), end: at('القاهرة') + len('القاهرة said “شكرا”'), label: 'figure' },
    { start: at('שלום'), end: at('שלום') + len('שלום'), label: 'speculation' },
    { start: at('3.5%'), end: at('🌍') + 1, label: 'claim' },
    { start: at('🌍'), end: at('Family') + len('Family 👩‍👩‍👧'), label: 'quote' },
    { start: at('a nested'), end: at(' end.'), label: 'claim' },
    { start: at('“quote'), end: at('“quote') + len('“quote inside'), label: 'quote' },
    { start: at('“quote'), end: at('“quote') + len('“quote inside'), label: 'figure' },
  ];
  expect(cps.length).toBeGreaterThan(100);
  await addArticle(page, text, 'Painting test');
  await addSpans(page, text, spans);
  await app.openDocument('Painting test');
  await expect.poll(() => paintedSpans(page)).toEqual(expected(text, spans));
});

test('a long article paints the spans near the viewport exactly, while scrolling and labelling', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000);
  const paragraph = (i: number): string =>
    `Paragraph ${i}: the minister said “prices rose 4.${i % 10}%” in القاهرة and שלום 😀 again, ` +
    'while analysts warned that inflation could rise again across several regions of the country.';
  const text = Array.from({ length: 800 }, (_, i) => paragraph(i)).join('\n');
  const starts: number[] = [];
  let cp = 0;
  for (let i = 0; i < 800; i++) {
    starts.push(cp);
    cp += Array.from(paragraph(i)).length + 1;
  }
  // Three spans per paragraph: one crossing into the next, two overlapping on the emoji.
  const spans: SpanSeed[] = starts.flatMap((s, i) => [
    { start: s + 12, end: s + 40, label: 'claim' as const },
    { start: s + 70, end: s + 80, label: 'quote' as const },
    { start: s + 75, end: i < 799 ? (starts[i + 1] as number) + 5 : s + 90, label: 'figure' as const },
  ]);
  await addArticle(page, text, 'Long painting test');
  await addSpans(page, text, spans);
  await app.openDocument('Long painting test');
  const scroller = page.locator('.article-scroller');
  await expect(scroller).toHaveAttribute('data-spans', String(spans.length));
  const check = async (): Promise<void> => {
    const painted = await paintedSpans(page);
    expect(painted.length).toBeGreaterThan(10);
    // Fewer than all: only the window is registered with the browser.
    expect(painted.length).toBeLessThan(spans.length);
    const all = new Set(expected(text, spans));
    for (const p of painted) expect(all.has(p), p).toBe(true);
  };
  await check();
  await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight / 2));
  await expect.poll(() => scroller.getAttribute('data-window')).not.toMatch(/^0,/);
  await check();
  // Off-screen chunks are laid out after the open, in idle moments, and stay laid out; the paragraph at
  // the top of the viewport stays there while the chunks above it take their real heights.
  const topParagraph = (): Promise<string> =>
    page.evaluate(() => {
      const box = document.querySelector('.article-scroller') as HTMLElement;
      const top = box.getBoundingClientRect().top;
      const ps = Array.from(document.querySelectorAll('[data-testid="article"] .m-paragraph'));
      const p = ps.find((el) => el.getBoundingClientRect().bottom > top + 1);
      return (p?.textContent ?? '').slice(0, 14);
    });
  const before = await topParagraph();
  await expect(scroller).toHaveAttribute('data-laid-out', 'all', { timeout: 30_000 });
  const chunks = page.locator('[data-testid="article"] .m-chunk');
  expect(await chunks.count()).toBeGreaterThan(50);
  expect(await page.locator('[data-testid="article"] .m-chunk:not(.m-kept)').count()).toBe(0);
  expect(await topParagraph()).toBe(before);
  // Chunks more than a viewport from the screen are hidden (laid out, not painted); every chunk on screen
  // is shown, also right after a jump (at the very bottom the screen's centre is the article's padding).
  const onScreen = (): Promise<{ far: number; shown: number; hidden: number }> =>
    page.evaluate(async () => {
      await new Promise((r) => requestAnimationFrame(r));
      const box = document.querySelector('.article-scroller') as HTMLElement;
      const r = box.getBoundingClientRect();
      const chunks = Array.from(document.querySelectorAll('[data-testid="article"] .m-chunk'));
      const visible = chunks.filter(
        (c) => c.getBoundingClientRect().bottom > r.top && c.getBoundingClientRect().top < r.bottom,
      );
      const hidden = visible.filter((c) => getComputedStyle(c).visibility === 'hidden').length;
      return {
        far: chunks.filter((c) => c.classList.contains('m-far')).length,
        shown: visible.length - hidden,
        hidden,
      };
    });
  const mid = await onScreen();
  expect(mid).toMatchObject({ hidden: 0 });
  expect(mid.shown).toBeGreaterThan(0);
  expect(mid.far).toBeGreaterThan(20);
  await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight - el.clientHeight));
  const bottom = await onScreen();
  expect(bottom).toMatchObject({ hidden: 0 });
  expect(bottom.shown).toBeGreaterThan(0);
  const windowBefore = await scroller.getAttribute('data-window');
  await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight / 3));
  await expect.poll(() => scroller.getAttribute('data-window')).not.toBe(windowBefore);
  await check();
  // Label in the middle of the article by keyboard: the new highlight is exactly the selection.
  const middle = await page.evaluate(() => {
    const box = document.querySelector('.article-scroller') as HTMLElement;
    const article = document.querySelector('[data-testid="article"]') as HTMLElement;
    const top = box.getBoundingClientRect().top + box.clientHeight / 2;
    return Array.from(article.querySelectorAll('.m-paragraph')).findIndex(
      (p) => p.getBoundingClientRect().bottom > top,
    );
  });
  const start = starts[middle] as number;
  await app.keyboardSelect(start, 9);
  await page.keyboard.press('4');
  await expect.poll(() => paintedSpans(page)).toContain(`speculation ${start} ${start + 9} Paragraph`);
  spans.push({ start, end: start + 9, label: 'speculation' });
  await check();
});

test('a dense short article registers only the spans near the screen before its first frame', async ({
  app,
  page,
}) => {
  // ~10k characters with a span on every other character (the bench's dense case): a fixed first
  // window of text held every span, all registered and measured before the open's first frame.
  const paragraph = (i: number): string =>
    `Line ${String(i).padStart(3, '0')} of a dense article where the minister said prices rose again, ` +
    'while analysts warned that inflation could rise across several regions of the country.';
  const text = Array.from({ length: 60 }, (_, i) => paragraph(i)).join('\n');
  expect(text.length).toBeGreaterThan(9_000);
  const spans: SpanSeed[] = Array.from({ length: Math.floor(text.length / 2) }, (_, i) => ({
    start: 2 * i,
    end: 2 * i + 1,
    label: (['claim', 'quote', 'figure', 'speculation'] as const)[i % 4] as SpanSeed['label'],
  })).filter((s) => text[s.start] !== '\n');
  await addArticle(page, text, 'Dense painting test');
  await addSpans(page, text, spans);
  // Every window the scroller publishes once it holds all the spans, in order.
  await page.evaluate((total) => {
    const seen: string[] = [];
    (window as unknown as { windows: string[] }).windows = seen;
    new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target as HTMLElement;
        if (el.dataset['spans'] === String(total)) seen.push(el.dataset['window'] ?? '');
      }
    }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-window'] });
  }, spans.length);
  await app.openDocument('Dense painting test');
  const scroller = page.locator('.article-scroller');
  await expect(scroller).toHaveAttribute('data-spans', String(spans.length));
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { windows: string[] }).windows.length))
    .toBeGreaterThan(0);
  const first = await page.evaluate(() => (window as unknown as { windows: string[] }).windows[0] as string);
  const [lo, hi] = first.split(',').map(Number) as [number, number];
  // The end of the last line on screen (UTF-16), read once the article has settled at its top.
  const visibleEnd = await page.evaluate(() => {
    const box = (document.querySelector('.article-scroller') as HTMLElement).getBoundingClientRect();
    const ps = Array.from(document.querySelectorAll('[data-testid="article"] .m-paragraph'));
    let end = 0;
    for (const p of ps) {
      if (p.getBoundingClientRect().top >= box.bottom) break;
      end += (p.textContent ?? '').length + 1;
    }
    return end - 1;
  });
  expect(lo).toBe(0);
  // The first window covers the screen, and not the whole article.
  expect(hi).toBeGreaterThanOrEqual(visibleEnd);
  expect(hi).toBeLessThan(text.length / 2);
  expect(Number(await scroller.getAttribute('data-painted'))).toBeLessThan(spans.length / 2);
});
