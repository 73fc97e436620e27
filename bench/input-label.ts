/**
 * Label latency as a person meets it, the same way on the app and on every baseline: a selection made
 * by real mouse input (CDP Input.dispatchMouseEvent, through Playwright's page.mouse), then a trusted
 * key press (CDP Input.dispatchKeyEvent, page.keyboard). The clock starts at the key event's own
 * timestamp (when the browser received it) and stops at the end of the first frame that shows the new
 * span, checked by its exact range, not by a count (probe.ts).
 */
import type { Page } from '@playwright/test';

export type Kind = 'app' | 'mark' | 'css' | 'win';

const LABEL_NAMES = ['claim', 'quote', 'figure', 'speculation'];

export interface LabelTimes {
  /** Ms from the key event to the end of the first frame showing the span (NaN: not shown in 2 s). */
  readonly painted: number[];
  /** The same to the end of the frame after it: the work the label queued for later (selection change). */
  readonly settled: number[];
  /** Labels the page refused (an exact duplicate). */
  readonly refused: number;
  /** Selections that did not come out as the words dragged over (the run reports them). */
  readonly misselected: string[];
}

/**
 * Ms the page is left idle between the selection and the key, as a person pauses to pick a label. A key
 * sent right after an animation frame (as this harness did before) waits for the next display tick: the
 * harness's own frame request keeps the compositor ticking, so even a page that does nothing on the key
 * showed it 16 ms later (p50; docs/performance.md, "Label latency: the key on an idle page"). On a page
 * idle for a few frames, Chromium starts the key's frame as soon as the main thread is free.
 * BENCH_LABEL_IDLE_MS=0 restores the old timing for comparison.
 */
const IDLE_MS = Number(process.env['BENCH_LABEL_IDLE_MS'] ?? 100);

/** Tags `count` selections: line 40 + 7·run + 3·i, whole words, labels in turn (as the bench always did). */
export async function labelByInput(page: Page, kind: Kind, count: number, run: number): Promise<LabelTimes> {
  const painted: number[] = [];
  const settled: number[] = [];
  const misselected: string[] = [];
  let refused = 0;
  for (let i = 0; i < count; i++) {
    const line = 40 + run * 7 + i * 3;
    const target = await page.evaluate(
      async ({ line, i, run }) => {
        const probe = window.__probe;
        if (line >= probe.lineCount) return null;
        const frame = (): Promise<number> => new Promise((r) => requestAnimationFrame(r));
        const lineEl = probe.lineElement(line);
        lineEl.scrollIntoView({ block: 'center' });
        await frame();
        await frame();
        const text = lineEl.textContent ?? '';
        let from = text.indexOf(' ', 5 + ((i * 13 + run * 5) % Math.max(1, text.length - 40))) + 1;
        let to = text.indexOf(' ', from + 3);
        // Right-to-left words are skipped: a drag from a character's left edge starts after it there.
        // So are words after right-to-left text with no Latin letter between: digits and spaces there
        // join the right-to-left run (Unicode bidi rules W7, N1), so "… ירושלים 58 and" shows "58" left
        // of the Hebrew and a drag from its left edge selects the Hebrew too, in every renderer alike.
        const rtl = /[\u0590-\u08ff]/;
        const afterRtl = (at: number): boolean =>
          /[\u0590-\u08ff][^A-Za-z\u00c0-\u024f]*$/.test(text.slice(0, at));
        while (from > 0 && to > from && (rtl.test(text.slice(from, to)) || afterRtl(from))) {
          from = text.indexOf(' ', from) + 1;
          to = text.indexOf(' ', from + 3);
        }
        if (from <= 0 || to <= from) return null;
        const base = probe.lineStart(line);
        return {
          points: probe.pointsFor(line, from, to),
          start: base + from,
          end: base + to,
          text: text.slice(from, to),
        };
      },
      { line, i, run },
    );
    if (!target) continue;
    const { points: p } = target;
    await page.mouse.move(p.x1, p.y1);
    await page.mouse.down();
    await page.mouse.move(p.x2, p.y2, { steps: 4 });
    await page.mouse.up();
    const label = LABEL_NAMES[(i + run) % 4] as string;
    const selected = await page.evaluate(
      async ({ kind, label, start, end }) => {
        await new Promise((r) => setTimeout(r, 30));
        await new Promise((r) => requestAnimationFrame(r));
        const said = getSelection()?.toString() ?? '';
        const marks = (): number => document.querySelectorAll('mark[data-labelled]').length;
        const before = marks();
        const shown = (): boolean =>
          kind === 'mark' ? marks() > before : window.__probe.shows(label, start, end);
        window.__armed = new Promise((resolve) => {
          addEventListener(
            'keydown',
            (e) => {
              const t0 = e.timeStamp;
              let paintedAt = Number.NaN;
              const afterFrame = (then: (t: number) => void): void =>
                void requestAnimationFrame(() => {
                  const ch = new MessageChannel();
                  ch.port1.onmessage = () => then(performance.now());
                  ch.port2.postMessage(null);
                });
              const check = (t: number): void => {
                if (shown()) {
                  paintedAt = t - t0;
                  afterFrame((t2) => resolve({ painted: paintedAt, settled: t2 - t0, said: '' }));
                } else if (t - t0 > 2000) {
                  const status = document.querySelector('.status-line')?.textContent ?? '';
                  resolve({ painted: Number.NaN, settled: Number.NaN, said: status });
                } else afterFrame(check);
              };
              afterFrame(check);
            },
            { capture: true, once: true },
          );
        });
        return said;
      },
      { kind, label, start: target.start, end: target.end },
    );
    await new Promise((r) => setTimeout(r, IDLE_MS));
    if (selected !== target.text) misselected.push(`"${selected}" for "${target.text}"`);
    await page.keyboard.press(String(LABEL_NAMES.indexOf(label) + 1));
    const r = await page.evaluate(() => window.__armed);
    if (Number.isNaN(r.painted) && /already exists/.test(r.said)) refused++;
    else {
      painted.push(r.painted);
      settled.push(r.settled);
    }
    // A person labels at most a few times a second: let the save and the library's recount finish.
    await page.evaluate(async () => {
      const t0 = performance.now();
      const state = (): string | null =>
        document.querySelector('[data-testid="save-state"]')?.getAttribute('aria-label') ?? null;
      while (state() !== null && state() !== 'Saved' && performance.now() - t0 < 3000)
        await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 150));
    });
  }
  return { painted, settled, refused, misselected };
}

declare global {
  interface Window {
    __armed: Promise<{ painted: number; settled: number; said: string }>;
  }
}
