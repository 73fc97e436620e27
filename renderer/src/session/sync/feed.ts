import { feedDb, feedId, userOfFeedId, type FeedDoc } from '../../core/sync/project-layout';
import type { CouchClient } from '../../couch/client';

/**
 * The project's live feed (docs/team.md, "The lead's live feed"). A browser keeps ~6 HTTP/1.1
 * connections per host, too few for a lead to long-poll 5–200 user databases, and `_db_updates`
 * is for server admins only. So every user, after pushing, touches their entry `feed:<name>` in
 * one project database that everyone may read; a lead long-polls that one `_changes` feed and then
 * pulls only the databases of the users it names.
 */

/**
 * After a push: `feed:<user>` says "pushed at `at`". A hint only — a lead also pulls everything
 * every FULL_ROUND_MS — so a project made before the feed existed (no database: 404) or a lost
 * race is not an error of the sync; the answer says whether the entry was written.
 */
export class FeedWriter {
  private rev: string | undefined;

  constructor(
    private readonly client: CouchClient,
    private readonly project: string,
    private readonly user: string,
  ) {}

  async touch(at: number): Promise<boolean> {
    const db = feedDb(this.project);
    const id = feedId(this.user);
    for (let attempt = 0; attempt < 2; attempt++) {
      if (this.rev === undefined) {
        const cur = await this.client.get<FeedDoc>(db, id);
        if (!cur.ok) return false;
        this.rev = cur.value?._rev ?? '';
      }
      const doc: FeedDoc = { _id: id, type: 'feed', at, ...(this.rev ? { _rev: this.rev } : {}) };
      const put = await this.client.put(db, doc);
      if (put.ok) {
        this.rev = put.value.rev;
        return true;
      }
      // Another machine of this user touched it meanwhile: read its revision and write again.
      this.rev = undefined;
      if (put.error.kind !== 'conflict') return false;
    }
    return false;
  }
}

/**
 * A lead's side: long-polls the feed from the sequence read before the last full round, and
 * collects the users named since. `available` is false on a project without a feed database (made
 * before it existed, until `team init` runs again), where the lead falls back to polling.
 */
export class LeadFeed {
  private since: string | number | null = null;
  private poll: Promise<void> | null = null;
  private abort: () => void = () => undefined;
  private readonly named = new Set<string>();
  available = false;

  constructor(
    private readonly client: CouchClient,
    private readonly project: string,
    private readonly longpollMs: number,
  ) {}

  /** Before a full round: anything written to the feed from now on is seen by the next wait. */
  async mark(): Promise<void> {
    const info = await this.client.info(feedDb(this.project));
    this.available = info.ok;
    // A long-poll still open asks from an older sequence, so it already covers what follows.
    if (info.ok && !this.poll) this.since = info.value.update_seq;
  }

  /** Resolves when the feed names someone, the long-poll ends, or it fails. */
  wait(): Promise<void> {
    if (this.since === null || !this.available) return Promise.resolve();
    if (!this.poll) {
      const abort = new AbortController();
      // Ended by the client as well: the embedded server ignores `timeout` (docs/team.md).
      const timer = setTimeout(() => abort.abort(), this.longpollMs + 1_000);
      this.abort = () => abort.abort();
      const p = this.client
        .changes(feedDb(this.project), {
          since: this.since,
          limit: 500,
          includeDocs: false,
          longpoll: true,
          timeoutMs: this.longpollMs,
          signal: abort.signal,
        })
        .then((r) => {
          if (!r.ok) {
            // Gone (a project reset) or refused: poll instead until the next full round says.
            if (r.error.kind !== 'unreachable') this.available = false;
            return;
          }
          for (const row of r.value.results) {
            const user = userOfFeedId(row.id);
            if (user) this.named.add(user);
          }
          this.since = r.value.last_seq;
        })
        .finally(() => {
          clearTimeout(timer);
          if (this.poll === p) this.poll = null;
        });
      this.poll = p;
    }
    return this.poll;
  }

  /** The users named since the last take. */
  take(): string[] {
    const out = [...this.named];
    this.named.clear();
    return out;
  }

  stop(): void {
    this.abort();
  }
}
