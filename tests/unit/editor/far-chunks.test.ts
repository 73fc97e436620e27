import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { hideFarChunks } from '../../../renderer/src/editor/far-chunks';

/** The DOM as far as hideFarChunks touches it (the unit tests run in Node). */
class FakeElement {
  readonly classes = new Set<string>();
  readonly classList = {
    add: (c: string) => void this.classes.add(c),
    remove: (c: string) => void this.classes.delete(c),
  };
  readonly childNodes: FakeText[] = [];
  constructor(
    private readonly top: number,
    private readonly height: number,
  ) {}
  getBoundingClientRect() {
    return { top: this.top - scroller.scrollTop, bottom: this.top + this.height - scroller.scrollTop };
  }
  closest(selector: string): FakeElement | null {
    return selector === '.m-chunk' ? this : null;
  }
  get far(): boolean {
    return this.classes.has('m-far');
  }
}
class FakeText {
  readonly childNodes: FakeText[] = [];
  constructor(readonly parentElement: FakeElement) {}
}

const listeners = new Map<string, () => void>();
const scroller = {
  scrollTop: 0,
  clientHeight: 100,
  getBoundingClientRect: () => ({ top: 0, bottom: 100 }),
  addEventListener: (type: string, fn: () => void) => void listeners.set(`scroller:${type}`, fn),
  removeEventListener: (type: string) => void listeners.delete(`scroller:${type}`),
};
let caret: FakeText | null = null;

/** Ten chunks of 100 px under a 100 px scroller: shown are those within a viewport of the screen. */
function setUp() {
  const chunks = Array.from({ length: 10 }, (_, i) => new FakeElement(i * 100, 100));
  const stop = hideFarChunks(scroller as unknown as HTMLElement, chunks as unknown as HTMLElement[]);
  const scrollTo = (top: number) => {
    scroller.scrollTop = top;
    listeners.get('scroller:scroll')?.();
  };
  const select = (chunk: number | null) => {
    caret = chunk === null ? null : new FakeText(chunks[chunk] as FakeElement);
    listeners.get('document:selectionchange')?.();
  };
  const farOnes = () => chunks.flatMap((c, i) => (c.far ? [i] : []));
  return { chunks, stop, scrollTo, select, farOnes };
}

beforeEach(() => {
  scroller.scrollTop = 0;
  caret = null;
  vi.stubGlobal('Element', FakeElement);
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      disconnect() {}
    },
  );
  vi.stubGlobal('document', {
    getSelection: () => ({ anchorNode: caret, anchorOffset: 0, focusNode: caret, focusOffset: 0 }),
    addEventListener: (type: string, fn: () => void) => void listeners.set(`document:${type}`, fn),
    removeEventListener: (type: string) => void listeners.delete(`document:${type}`),
  });
});

afterEach(() => {
  listeners.clear();
  vi.unstubAllGlobals();
});

describe('hideFarChunks', () => {
  it('hides chunks more than a viewport from the screen and shows them as the screen nears', () => {
    const { scrollTo, farOnes } = setUp();
    expect(farOnes()).toEqual([3, 4, 5, 6, 7, 8, 9]);
    scrollTo(500);
    expect(farOnes()).toEqual([0, 1, 2, 3, 8, 9]);
  });

  // With the caret in hidden text, Chromium walks the hidden text for a caret position after every
  // style change: ~100 ms per frame while scrolling the 1M-character article (docs/performance.md).
  it('never hides the chunk that holds the caret, and lets it go when the caret leaves', () => {
    const { scrollTo, select, farOnes, chunks } = setUp();
    select(0);
    scrollTo(800);
    expect(chunks[0]?.far).toBe(false);
    expect(farOnes()).toEqual([1, 2, 3, 4, 5, 6]);
    select(3);
    expect(farOnes()).toEqual([0, 1, 2, 4, 5, 6]);
    scrollTo(0);
    expect(farOnes()).toEqual([4, 5, 6, 7, 8, 9]);
    select(null);
    expect(farOnes()).toEqual([3, 4, 5, 6, 7, 8, 9]);
  });

  it('keeps the caret chunk that was selected before it started, and shows everything when stopped', () => {
    caret = null;
    const chunks = Array.from({ length: 10 }, (_, i) => new FakeElement(i * 100, 100));
    caret = new FakeText(chunks[9] as FakeElement);
    const stop = hideFarChunks(scroller as unknown as HTMLElement, chunks as unknown as HTMLElement[]);
    expect(chunks.flatMap((c, i) => (c.far ? [i] : []))).toEqual([3, 4, 5, 6, 7, 8]);
    stop();
    expect(chunks.some((c) => c.far)).toBe(false);
    expect(listeners.has('document:selectionchange')).toBe(false);
  });
});
