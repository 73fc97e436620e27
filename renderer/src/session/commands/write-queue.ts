import type { StorageProblem } from '../../db/storage-errors';

export type SaveState =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: number } | { kind: 'error'; message: string };

/** The read-only gate every user-data write passes once (session/read-only.tsx provides it). */
export interface WriteGate {
  /** The message refusing every write, or null while writes are allowed. */
  refusal(): string | null;
  /** Classifies a failed write; a fatal one switches the whole app to read-only. */
  report(error: unknown): StorageProblem;
}

export interface Write {
  /** What the write does, for "Not saved (…)" ("created claim", "status"). */
  readonly describe: string;
  persist(): Promise<void>;
  /** Takes the write's optimistic effect back; called when `persist` failed. */
  rollback?(): void;
  /** A sentence for an expected refusal (a duplicate span) instead of a storage problem; else null. */
  explain?(error: unknown): string | null;
}

/**
 * The one persisted command queue: writes are persisted strictly in order, one after another;
 * "saved" shows only once the last queued write committed (and no typed text is waiting); a failed
 * write is rolled back by its owner and reported, and a disk-full or I/O failure switches the app
 * to read-only through the gate. Plain class with `subscribe`/`getSaveState` for
 * `useSyncExternalStore` (Lexical's CommentStore model), so hooks over it stay thin.
 */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private unsaved = 0;
  private settled: SaveState = { kind: 'idle' };
  private current: SaveState = { kind: 'idle' };
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly gate: WriteGate,
    /** Awaited before each write (the annotate view lets the label's frame paint first). */
    private readonly beforeWrite: () => Promise<void> = () => Promise.resolve(),
  ) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSaveState = (): SaveState => this.current;

  /** Whether writes are queued and not yet committed or failed. */
  get busy(): boolean {
    return this.pending > 0;
  }

  /**
   * Queues a write behind every earlier one (the caller has passed the gate). Resolves with null
   * once it committed, or with the reason it was not saved (after its rollback ran).
   */
  enqueue(write: Write): Promise<string | null> {
    this.pending += 1;
    this.show({ kind: 'saving' });
    const done = this.tail.then(this.beforeWrite).then(async () => {
      try {
        await write.persist();
        this.pending -= 1;
        this.settled = { kind: 'saved', at: Date.now() };
        this.settle();
        return null;
      } catch (e) {
        this.pending -= 1;
        write.rollback?.();
        const reason = write.explain?.(e) ?? this.gate.report(e).message;
        this.settled = { kind: 'error', message: `Not saved (${write.describe}): ${reason}` };
        this.show(this.settled);
        return reason;
      }
    });
    this.tail = done;
    return done;
  }

  /** Checks the gate once, then queues: the refusal message, or a promise of the outcome. */
  submit(write: Write): { refused: string } | { outcome: Promise<string | null> } {
    const refused = this.gate.refusal();
    return refused ? { refused } : { outcome: this.enqueue(write) };
  }

  /** Marks typed text that is not yet handed over ("Saving…"); returns the function that clears it. */
  markUnsaved(): () => void {
    this.unsaved += 1;
    this.show({ kind: 'saving' });
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.unsaved -= 1;
      this.settle();
    };
  }

  private settle(): void {
    if (this.pending === 0 && this.unsaved === 0) this.show(this.settled);
  }

  private show(state: SaveState): void {
    this.current = state;
    for (const l of this.listeners) l();
  }
}
