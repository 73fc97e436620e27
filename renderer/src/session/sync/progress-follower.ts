import { applySyncRow, emptyFacts, memberFacts, type ProgressFacts } from '../../core/sync/progress-facts';
import { teamProgress, type TeamProgress } from '../../core/sync/progress';
import { articlesDb, projectDb, userOfDb } from '../../core/sync/project-layout';
import type { MarginaliaDb } from '../../db/database';
import { onRowsChanged } from '../../db/observe-changes';
import {
  syncRowsByKey,
  syncRowsPage,
  teamArticleIds,
  titlesOf,
  type SyncKeyRange,
} from '../../db/repositories/team-progress';

const PAGE = 500;
/** Figures are recomputed once writes pause this long (a pull stores a page at a time). */
const SETTLE_MS = 250;

export interface ProgressSnapshot {
  readonly progress: TeamProgress | null;
  /** Rows read so far while (re)reading everything; null when not reading. */
  readonly reading: number | null;
}

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Keeps a lead's progress figures following the database (docs/team.md, "The lead's progress
 * dashboard"). Everything is read once, a page at a time with a pause between pages so the page
 * stays responsive; after that, a committed write to `syncDocs` re-reads only the rows it wrote
 * (their keys come with Dexie's change notice) and folds them in. Only when Dexie gives a range
 * instead of keys (a bulk write) is everything read again.
 */
export class ProgressFollower {
  private facts: ProgressFacts;
  private articleIds: string[] = [];
  private readonly titles = new Map<string, string>();
  private pending: [string, string][] = [];
  private everything = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private busy = false;
  private unwatch: (() => void) | null = null;
  private last: TeamProgress | null = null;

  constructor(
    private readonly db: MarginaliaDb,
    private readonly project: string,
    private readonly onSnapshot: (s: ProgressSnapshot) => void,
  ) {
    this.facts = emptyFacts(project);
  }

  start(): void {
    this.running = true;
    this.unwatch = onRowsChanged(this.db.name, 'syncDocs', (keys) => {
      if (keys === 'all') this.everything = true;
      else for (const k of keys) if (this.relevant(k)) this.pending.push(k as [string, string]);
      if (this.everything || this.pending.length > 0) this.schedule();
    });
    this.everything = true;
    void this.drain();
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.timer);
    this.unwatch?.();
    this.unwatch = null;
  }

  private relevant(key: unknown): boolean {
    if (!Array.isArray(key) || typeof key[0] !== 'string') return false;
    const db = key[0];
    return (
      db === projectDb(this.project) || db === articlesDb(this.project) || userOfDb(this.project, db) !== null
    );
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.drain(), SETTLE_MS);
  }

  /** Applies what changed since the last drain; one drain at a time. */
  private async drain(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      while (this.running && (this.everything || this.pending.length > 0)) {
        if (this.everything) {
          this.everything = false;
          this.pending = [];
          await this.readAll();
        } else {
          const keys = this.pending;
          this.pending = [];
          await this.readKeys(keys);
        }
        if (this.running && !this.everything && this.pending.length === 0) this.publish(null);
      }
    } finally {
      this.busy = false;
    }
  }

  private async readAll(): Promise<void> {
    const facts = emptyFacts(this.project);
    const p = projectDb(this.project);
    const users = `${p}_user_`;
    const ranges: SyncKeyRange[] = [
      { from: [p, 'member:'], to: [p, 'member:\uffff'] },
      { from: [users, ''], to: [`${users}\uffff`, ''] },
    ];
    let read = 0;
    for (const range of ranges) {
      let after: [string, string] | null = null;
      for (;;) {
        const rows = await syncRowsPage(this.db, range, after, PAGE);
        for (const r of rows) applySyncRow(facts, r.db, r.id, r.doc);
        read += rows.length;
        if (rows.length < PAGE || !this.running) break;
        const last = rows[rows.length - 1] as { db: string; id: string };
        after = [last.db, last.id];
        this.publish(read);
        await yieldToPage();
      }
    }
    this.facts = facts;
    await this.readArticles();
  }

  private async readKeys(keys: readonly [string, string][]): Promise<void> {
    const articles = articlesDb(this.project);
    const rowKeys = keys.filter((k) => k[0] !== articles);
    for (let i = 0; i < rowKeys.length; i += PAGE) {
      const rows = await syncRowsByKey(this.db, rowKeys.slice(i, i + PAGE));
      for (const r of rows) applySyncRow(this.facts, r.db, r.id, r.doc);
    }
    if (keys.length !== rowKeys.length) await this.readArticles();
  }

  /** The team's article ids (keys only) and the titles not known yet (articles never change). */
  private async readArticles(): Promise<void> {
    this.articleIds = await teamArticleIds(this.db, articlesDb(this.project));
    const missing = this.articleIds.filter((id) => !this.titles.has(id));
    for (let i = 0; i < missing.length; i += PAGE) {
      const got = await titlesOf(this.db, missing.slice(i, i + PAGE));
      for (const [id, title] of got) this.titles.set(id, title);
    }
  }

  private publish(reading: number | null): void {
    if (!this.running) return;
    // While everything is read again, the last figures stay on screen beside the reading count.
    if (reading !== null) return this.onSnapshot({ progress: this.last, reading });
    const articles = new Map(this.articleIds.map((id) => [id, this.titles.get(id) ?? id]));
    this.last = teamProgress(memberFacts(this.facts), articles);
    this.onSnapshot({ progress: this.last, reading: null });
  }
}
