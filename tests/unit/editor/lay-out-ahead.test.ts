import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { layOutAhead } from '../../../renderer/src/editor/lay-out-ahead';

/** The clock layOutAhead reads; only a chunk's layout moves it. */
let now = 0;

/** A chunk element as far as layOutAhead touches it: a class list and a layout read, both recorded. */
function fakeChunk(i: number, log: string[], costMs = 0) {
  const classes = new Set<string>();
  return {
    classList: { add: (c: string) => void classes.add(c) },
    get offsetHeight(): number {
      log.push(`layout ${i}`);
      now += costMs;
      return 10;
    },
    kept: () => classes.has('m-kept'),
  };
}

/** Idle callbacks queued by the code under test, run one at a time by the test. */
function fakeIdle() {
  const queue: ((d: IdleDeadline) => void)[] = [];
  vi.stubGlobal('requestIdleCallback', (fn: (d: IdleDeadline) => void) => queue.push(fn));
  vi.stubGlobal('cancelIdleCallback', (h: number) => {
    queue[h - 1] = () => {};
  });
  const deadline = { didTimeout: false, timeRemaining: () => 50 } as IdleDeadline;
  let next = 0;
  return {
    runNext: () => queue[next++]?.(deadline),
    runAll: () => {
      while (next < queue.length) queue[next++]?.(deadline);
    },
  };
}

beforeEach(() => {
  vi.spyOn(performance, 'now').mockImplementation(() => now);
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('layOutAhead', () => {
  it('keeps every chunk, nearest the reader first, and says so once', () => {
    const idle = fakeIdle();
    const log: string[] = [];
    const chunks = Array.from({ length: 6 }, (_, i) => fakeChunk(i, log));
    const done = vi.fn();
    layOutAhead(chunks as unknown as HTMLElement[], () => 3, done);
    expect(log).toEqual([]); // nothing before the first idle moment
    idle.runAll();
    expect(log).toEqual(['layout 3', 'layout 2', 'layout 4', 'layout 1', 'layout 5', 'layout 0']);
    expect(chunks.every((c) => c.kept())).toBe(true);
    expect(done).toHaveBeenCalledTimes(1);
  });

  it('lays out a few milliseconds at a time, follows the reader between slices, skips missing chunks', () => {
    const idle = fakeIdle();
    const log: string[] = [];
    // Each layout takes ~3 ms, so a 4 ms slice does two and leaves the rest for later slices.
    const chunks = Array.from({ length: 10 }, (_, i) => (i === 8 ? null : fakeChunk(i, log, 3)));
    let at = 0;
    const done = vi.fn();
    layOutAhead(chunks as unknown as HTMLElement[], () => at, done);
    idle.runNext();
    expect(log).toEqual(['layout 0', 'layout 1']);
    at = 9; // the reader jumped to the end
    idle.runNext();
    expect(log.slice(2)).toEqual(['layout 9', 'layout 7']);
    expect(done).not.toHaveBeenCalled();
    idle.runAll();
    expect(new Set(log).size).toBe(9);
    expect(log.length).toBe(9);
    expect(done).toHaveBeenCalledTimes(1);
  });

  it('stops when the article closes', () => {
    const idle = fakeIdle();
    const log: string[] = [];
    const chunks = Array.from({ length: 20 }, (_, i) => fakeChunk(i, log, 3));
    const done = vi.fn();
    const stop = layOutAhead(chunks as unknown as HTMLElement[], () => 0, done);
    stop();
    idle.runAll();
    expect(log).toEqual([]);
    expect(done).not.toHaveBeenCalled();
  });
});

describe('layOutAhead with the Prioritized Task Scheduling API', () => {
  it('runs its slices as background tasks and aborts them when the article closes', () => {
    const tasks: { run: () => void; signal: AbortSignal; priority: string }[] = [];
    vi.stubGlobal('scheduler', {
      postTask: (run: () => void, o: { priority: string; signal: AbortSignal }) => {
        tasks.push({ run, ...o });
        return Promise.resolve();
      },
    });
    const log: string[] = [];
    const chunks = Array.from({ length: 6 }, (_, i) => fakeChunk(i, log, 3));
    const done = vi.fn();
    const stop = layOutAhead(chunks as unknown as HTMLElement[], () => 0, done);
    expect(tasks.map((t) => t.priority)).toEqual(['background']);
    tasks[0]?.run();
    expect(log).toEqual(['layout 0', 'layout 1']);
    stop();
    expect(tasks[1]?.signal.aborted).toBe(true);
    tasks[1]?.run(); // an aborted task that ran anyway does nothing
    expect(log.length).toBe(2);
    expect(done).not.toHaveBeenCalled();
  });
});
