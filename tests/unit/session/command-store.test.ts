import { describe, expect, it } from 'vitest';

import { classifyStorageError, type StorageProblem } from '../../../renderer/src/db/storage-errors';
import { CommandStore, type CommandSpec } from '../../../renderer/src/session/commands/command-store';
import { WriteQueue, type WriteGate } from '../../../renderer/src/session/commands/write-queue';

/** A counter changed by `{ add: n }` commands; persisting records the order or fails on demand. */
function setup() {
  let problem: StorageProblem | null = null;
  const gate: WriteGate = {
    refusal: () => problem?.message ?? null,
    report: (e) => {
      const p = classifyStorageError(e);
      if (p.kind === 'quota') problem = p;
      return p;
    },
  };
  const persisted: number[] = [];
  const failNext: Error[] = [];
  const spec: CommandSpec<number, { add: number }> = {
    apply: (s, c) => s + c.add,
    invert: (c) => ({ add: -c.add }),
    describe: (c) => `add ${c.add}`,
    merge: (a, b) => ({ add: a.add + b.add }),
    persist: async (c) => {
      await new Promise((r) => setTimeout(r, 1));
      const e = failNext.shift();
      if (e) throw e;
      persisted.push(c.add);
    },
  };
  const queue = new WriteQueue(gate);
  return { store: new CommandStore(spec, 0, queue), queue, persisted, failNext };
}

const failed = (q: WriteQueue) =>
  new Promise<void>((resolve) => {
    const off = q.subscribe(() => q.getSaveState().kind === 'error' && (off(), resolve()));
  });
const settled = (q: WriteQueue) => q.enqueue({ describe: 'flush', persist: async () => undefined });

describe('the persisted command queue', () => {
  it('applies at once, persists in order, shows "saved" only after the last write', async () => {
    const { store, queue, persisted } = setup();
    store.perform({ add: 1 });
    store.perform({ add: 2 });
    expect(store.getView().state).toBe(3);
    expect(queue.getSaveState().kind).toBe('saving');
    await settled(queue);
    expect(persisted).toEqual([1, 2]);
    expect(queue.getSaveState().kind).toBe('saved');
    expect(store.getView()).toMatchObject({ canUndo: true, canRedo: false });
  });

  it('counts the commands run here as edits; a fresh read and a rollback are none', async () => {
    const { store, queue, failNext } = setup();
    store.perform({ add: 1 });
    store.undo();
    store.redo();
    await settled(queue);
    expect(store.getView()).toMatchObject({ state: 1, edits: 3 });
    failNext.push(Object.assign(new Error('boom'), { name: 'ConstraintError' }));
    store.perform({ add: 5 });
    await failed(queue);
    expect(store.getView()).toMatchObject({ state: 1, edits: 4 });
    store.load(7);
    expect(store.getView()).toMatchObject({ state: 7, edits: 4 });
  });

  it('a failed write is rolled back on screen and in the history, and reported', async () => {
    const { store, queue, failNext } = setup();
    store.perform({ add: 1 });
    await settled(queue);
    failNext.push(Object.assign(new Error('boom'), { name: 'ConstraintError' }));
    store.perform({ add: 5 });
    await failed(queue);
    expect(store.getView().state).toBe(1);
    expect(queue.getSaveState()).toEqual({
      kind: 'error',
      message: 'Not saved (add 5): Not saved: ConstraintError: boom',
    });
    // Only the first step is left to undo.
    expect(store.undo()).toEqual({ ok: true, command: { add: -1 } });
    expect(store.undo()).toBeNull();
  });

  it('a full disk switches to read-only: every later command, undo and redo is refused once, at the gate', async () => {
    const { store, queue, failNext, persisted } = setup();
    store.perform({ add: 1 });
    await settled(queue);
    failNext.push(Object.assign(new Error('full'), { name: 'QuotaExceededError' }));
    store.perform({ add: 2 });
    await failed(queue);
    expect(store.getView().state).toBe(1);
    const refusal = /disk is full/;
    expect(store.perform({ add: 3 })).toMatch(refusal);
    expect(store.undo()).toMatchObject({ ok: false, message: expect.stringMatching(refusal) });
    expect(store.redo()).toMatchObject({ ok: false, message: expect.stringMatching(refusal) });
    expect(queue.submit({ describe: 'status', persist: async () => undefined })).toMatchObject({
      refused: expect.stringMatching(refusal),
    });
    expect(store.getView().state).toBe(1);
    expect(persisted).toEqual([1]);
  });

  it('saves of one edit session fold into one undo step; undo then redo walks whole steps', async () => {
    const { store, queue } = setup();
    store.perform({ add: 1 }, 'edit');
    store.perform({ add: 2 }, 'edit');
    store.perform({ add: 10 });
    expect(store.undo()).toEqual({ ok: true, command: { add: -10 } });
    expect(store.undo()).toEqual({ ok: true, command: { add: -3 } });
    expect(store.getView().state).toBe(0);
    expect(store.redo()).toEqual({ ok: true, command: { add: 3 } });
    await settled(queue);
    expect(store.getView()).toMatchObject({ state: 3, canUndo: true, canRedo: true });
  });

  it('a fresh read replaces the state but keeps the history; it waits while writes are queued', async () => {
    const { store, queue } = setup();
    store.perform({ add: 1 });
    store.load(100);
    expect(store.getView().state).toBe(1);
    await settled(queue);
    store.load(100);
    expect(store.getView().state).toBe(100);
    expect(store.undo()).toEqual({ ok: true, command: { add: -1 } });
  });

  it('typed text not yet handed over shows "saving" until its mark is cleared', async () => {
    const { queue } = setup();
    const clear = queue.markUnsaved();
    await settled(queue);
    expect(queue.getSaveState().kind).toBe('saving');
    clear();
    expect(queue.getSaveState().kind).toBe('saved');
  });

  it("shown 'later': the state has the command at once, the view (and its listeners) only after `later`", async () => {
    const { queue } = setup();
    let release = (): void => {};
    const later = () => new Promise<void>((r) => (release = r));
    const spec: CommandSpec<number, { add: number }> = {
      apply: (s, c) => s + c.add,
      invert: (c) => ({ add: -c.add }),
      describe: (c) => `add ${c.add}`,
      persist: async () => undefined,
    };
    const store = new CommandStore(spec, 0, queue, later);
    let told = 0;
    store.subscribe(() => told++);
    store.perform({ add: 2 }, null, 'later');
    expect(store.getState()).toBe(2);
    expect(store.getView()).toEqual({ state: 0, canUndo: false, canRedo: false, edits: 0 });
    expect(told).toBe(0);
    release();
    await settled(queue);
    expect(store.getView()).toEqual({ state: 2, canUndo: true, canRedo: false, edits: 1 });
    expect(told).toBe(1);
    // A command shown at once meanwhile shows both.
    store.perform({ add: 1 }, null, 'later');
    store.perform({ add: 3 });
    expect(store.getView().state).toBe(6);
  });
});
