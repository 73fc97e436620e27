import { emptyHistory, forget, record, redo, undo, type History } from '../../core/commands/history';
import type { WriteQueue } from './write-queue';

/** How one kind of user data is changed: commands as data, applied, inverted and persisted. */
export interface CommandSpec<S, C> {
  apply(state: S, cmd: C): S;
  invert(cmd: C): C;
  persist(cmd: C): Promise<void>;
  describe(cmd: C): string;
  /** Folds two saves of one text-field edit session into one undo step; null when they do not fold. */
  merge?(last: C, next: C): C | null;
  /** A sentence for an expected refusal of the write (see Write.explain). */
  explain?(error: unknown): string | null;
}

export interface CommandView<S> {
  readonly state: S;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  /**
   * Commands this store has run (performed, undone, redone): what the user did here. A fresh read
   * (`load`: another window's change, the stored state after a refused write) and a rollback are not.
   */
  readonly edits: number;
}

/** What undo/redo did: the command run, a refusal, or null when there was nothing to do. */
export type StepOutcome<C> = { ok: true; command: C } | { ok: false; message: string } | null;

/**
 * One document's editable state (an annotator's spans, the gold set) with its undo history, over
 * the persisted queue: a command applies at once, is queued, and is taken back (state and history)
 * if its write fails. Read-only is checked here, once, for every command, undo and redo. Kept for
 * the whole app session per document (session/commands/registry.ts), so undo survives switching
 * documents.
 */
export class CommandStore<S, C extends object> {
  private state: S;
  private history: History<C> = emptyHistory;
  private view: CommandView<S>;
  private shownHistory: History<C> = emptyHistory;
  private edits = 0;
  // The history step each queued command was recorded as (a text edit's saves share one).
  private readonly recordedAs = new WeakMap<C, C>();
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly spec: CommandSpec<S, C>,
    initial: S,
    readonly queue: WriteQueue,
    /** When the Undo/Redo flags may change on screen (after the label's frame, for annotate). */
    private readonly later: () => Promise<void> = () => Promise.resolve(),
  ) {
    this.state = initial;
    this.view = { state: initial, canUndo: false, canRedo: false, edits: 0 };
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getView = (): CommandView<S> => this.view;

  /** The newest state, including commands not yet saved (for building the next command). */
  getState(): S {
    return this.state;
  }

  /** Replaces the state with a fresh read; ignored while writes are queued (they are newer). */
  load(state: S): void {
    if (this.queue.busy) return;
    this.state = state;
    this.publish();
  }

  /**
   * Applies, records and queues a command; returns the refusal message, or null. `shown: 'later'`:
   * the view (and so every subscriber's render) follows with the Undo/Redo flags (`later`), not at
   * once; `getState` has the command at once. A label paints its highlight itself in its key task
   * and leaves the rest of the page to after that frame (docs/performance.md).
   */
  perform(cmd: C, mergeKey: string | null = null, shown: 'now' | 'later' = 'now'): string | null {
    const refused = this.queue.gate.refusal();
    if (refused) return refused;
    this.history = record(this.history, cmd, mergeKey, this.spec.merge);
    const step = this.history.past[this.history.past.length - 1];
    if (step) this.recordedAs.set(cmd, step);
    this.run(cmd, shown === 'now');
    return null;
  }

  undo(): StepOutcome<C> {
    return this.step(undo(this.history, (c) => this.spec.invert(c)));
  }

  redo(): StepOutcome<C> {
    return this.step(redo(this.history));
  }

  private step(s: { command: C; history: History<C> } | null): StepOutcome<C> {
    const refused = this.queue.gate.refusal();
    if (refused) return { ok: false, message: refused };
    if (!s) return null;
    this.history = s.history;
    this.run(s.command);
    return { ok: true, command: s.command };
  }

  private run(cmd: C, publishNow = true): void {
    this.state = this.spec.apply(this.state, cmd);
    this.edits += 1;
    if (publishNow) this.publish();
    void this.later().then(() => this.publishHistory());
    void this.queue.enqueue({
      describe: this.spec.describe(cmd),
      persist: () => this.spec.persist(cmd),
      explain: this.spec.explain,
      rollback: () => {
        this.state = this.spec.apply(this.state, this.spec.invert(cmd));
        this.history = forget(this.history, this.recordedAs.get(cmd) ?? cmd);
        this.publishHistory();
      },
    });
  }

  private publish(): void {
    this.view = { ...this.view, state: this.state, edits: this.edits };
    for (const l of this.listeners) l();
  }

  private publishHistory(): void {
    const { state, edits } = this;
    if (this.shownHistory === this.history && this.view.state === state && this.view.edits === edits) return;
    this.shownHistory = this.history;
    this.view = {
      state,
      canUndo: this.history.past.length > 0,
      canRedo: this.history.future.length > 0,
      edits,
    };
    for (const l of this.listeners) l();
  }
}
