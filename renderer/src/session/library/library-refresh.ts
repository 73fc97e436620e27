/**
 * How soon a committed write must show in the library: documents, statuses, the team's list
 * (synced copies) and batch rows (documents stored in bulk, issue 20) at once; span writes
 * (labels) once labelling pauses; anything else (settings, texts, backups) never, as the library
 * shows none of it.
 */
export function libraryRefresh(tables: ReadonlySet<string>): 'now' | 'settled' | null {
  if (['documents', 'progress', 'goldStatus', 'syncDocs', 'batches'].some((t) => tables.has(t))) return 'now';
  if (tables.has('spans') || tables.has('spanPacks')) return 'settled';
  return null;
}

/**
 * Runs the library's re-read at most once at a time, and after a read that took `d` ms starts the
 * next one no sooner than `d` ms after it ended: changes meanwhile make one more read, not one each.
 * Why: a first pull commits a page of 500 articles every second or so, each a change the library
 * follows; re-reading 10,000 rows per page kept IndexedDB busy, and the pull's next write waited
 * behind those reads (pages took 0.3 s to store at the start of a 10,000-article pull and ~3.5 s
 * at its end; bench/sync-phase.ts). Re-reading at most half the time bounds that, and the library
 * still shows the last change once the reads catch up.
 */
export class RefreshGate {
  private running = false;
  private pending = false;
  private nextAt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  constructor(
    private readonly read: () => Promise<void>,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Something the library shows changed: read it again as soon as the gate allows. */
  request(): void {
    if (this.closed) return;
    this.pending = true;
    if (this.running || this.timer !== undefined) return;
    const wait = this.nextAt - this.now();
    if (wait > 0) this.timer = setTimeout(() => this.start(), wait);
    else this.start();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
  }

  private start(): void {
    this.timer = undefined;
    if (this.closed || !this.pending) return;
    this.pending = false;
    this.running = true;
    const t0 = this.now();
    void this.read()
      .catch(() => undefined)
      .finally(() => {
        this.running = false;
        const end = this.now();
        this.nextAt = end + (end - t0);
        if (this.pending) this.request();
      });
  }
}
