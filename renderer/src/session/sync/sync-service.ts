import { articlesDb, deviceId, userDb } from '../../core/sync/project-layout';
import { syncErrorMessage, type SyncState, type TeamConfig } from '../../core/sync/team-config';
import type { CouchClient } from '../../couch/client';
import type { CouchError } from '../../couch/http';
import { pullPipelined, pushSpanSet } from '../../couch/span-set-sync';
import { libraryTitlesOf } from '../../db/corpus/library-lookup';
import type { MarginaliaDb } from '../../db/database';
import { onDatabaseChanged } from '../../db/observe-changes';
import {
  commitPushed,
  findDirtySets,
  readSyncCheckpoint,
  storePulledPage,
  syncedIds,
  type PulledPage,
} from '../../db/repositories/sync';
import { FeedWriter, LeadFeed } from './feed';
import { ARTICLE_BATCH, pageBroughtAnything, preparePage, type PageContext } from './pull-page';
import { ReSignIn, type SignInAgain } from './re-sign-in';
import { followedTargets, waitingChanges, type Target } from './targets';

export interface SyncOptions {
  readonly db: MarginaliaDb;
  readonly client: CouchClient;
  readonly config: TeamConfig;
  readonly replica: string;
  readonly newId: () => string;
  /** An article refused, a set too large…: a message for the status line. */
  readonly onProblem?: (text: string) => void;
  /** A lead without the project's feed polls every followed database in turn this often (ms). */
  readonly pollMs?: number;
  /** A lead following the feed still pulls every followed database this often (ms). */
  readonly fullRoundMs?: number;
  /** An annotator's long-poll of their own database (ms). */
  readonly longpollMs?: number;
  readonly pageSize?: number;
  readonly now?: () => number;
  /**
   * Signs in again without asking when the server answers 401 (the desktop, with the password kept
   * by the OS: platform `signInAgain`); the web has nothing kept and says why. Absent: the 401 is
   * shown as is.
   */
  readonly signInAgain?: SignInAgain;
}

/** Thrown inside a round to leave it with the request's error. */
class RoundError extends Error {
  constructor(
    readonly couch: CouchError,
    readonly article?: string,
  ) {
    super(couch.reason);
  }
}

/** New articles and roster changes are not announced in the feed (assignments are): read them this often. */
const FULL_ROUND_MS = 30_000;
const MAX_BACKOFF_MS = 5_000;
/** Changes stored per transaction: the next slice's articles are fetched while one is stored. */
const SLICE = 100;

/**
 * What a lead pulls between full rounds: only what the feed announced. Every user's push names
 * them (the lead's own other machine names the lead), a lead's gold push names that lead and an
 * assignment names its annotator, so with anyone named the articles and gold are read too, and with
 * no one named (a local change, a long-poll that timed out) nothing is: asking its own database and
 * gold on each such round had the lead poll a user database every long-poll timeout.
 */
function announced(targets: readonly Target[], users: readonly string[], project: string): Target[] {
  if (users.length === 0) return [];
  const named = new Set(users.map((u) => userDb(project, u)));
  return targets.filter((t) => named.has(t.db) || t.mode === 'articles' || t.annotator === 'gold');
}

/**
 * The team sync of one installation (docs/team.md, "Step 2"): pushes the span sets changed here
 * (merging on 409), pulls the followed databases' `_changes` page by page with their checkpoints,
 * and fetches the articles of new assignments by id — all through db/ repository functions, so
 * every view follows. One loop, so pulls and pushes never race each other; it sleeps on a
 * long-poll of the user's own database (an annotator) or of the project's feed (a lead: a browser
 * allows ~6 connections per host, too few for a long-poll per annotator; see feed.ts), and a local
 * change wakes it. The state is what the header shows.
 */
export class SyncService {
  private state: SyncState = { kind: 'syncing', progress: null };
  private readonly listeners = new Set<(s: SyncState) => void>();
  private running = false;
  /** Each start's number: a loop stopped while its round waited on the server ends after that round. */
  private generation = 0;
  /** The last loop started; the next start runs after it, so two loops never overlap. */
  private looping: Promise<void> = Promise.resolve();
  private wake: (() => void) | null = null;
  private woken = false;
  private longpoll: Promise<unknown> | null = null;
  private abortLongpoll: () => void = () => undefined;
  private lastDeviceWrite = 0;
  private lastFullRound = 0;
  private readonly reSignIn: ReSignIn;
  private readonly now: () => number;
  private readonly feedWriter: FeedWriter;
  private readonly feed: LeadFeed;

  constructor(private readonly o: SyncOptions) {
    this.now = o.now ?? Date.now;
    this.feedWriter = new FeedWriter(o.client, o.config.project, o.config.user);
    this.feed = new LeadFeed(o.client, o.config.project, o.longpollMs ?? 20_000);
    this.reSignIn = new ReSignIn(o.signInAgain, o.config.serverUrl);
  }

  get current(): SyncState {
    return this.state;
  }

  subscribe(fn: (s: SyncState) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private set(s: SyncState): void {
    this.state = s;
    for (const fn of this.listeners) fn(s);
  }

  private unwatch: (() => void) | null = null;
  private nudgeTimer: ReturnType<typeof setTimeout> | undefined;

  start(): void {
    if (this.running) return;
    this.running = true;
    const generation = ++this.generation;
    // A restart has not synced what changed while stopped: "Synced" from before the stop, kept, had
    // `start(); until synced` return at once, before this machine had pushed anything.
    this.set({ kind: 'syncing', progress: null });
    // Labels and statuses written here (or in another window) are pushed a moment later.
    this.unwatch = onDatabaseChanged(this.o.db.name, (tables) => {
      if (!['spans', 'goldSpans', 'progress', 'goldStatus', 'links'].some((t) => tables.has(t))) return;
      clearTimeout(this.nudgeTimer);
      this.nudgeTimer = setTimeout(() => this.nudge(), 150);
    });
    // A stop() cannot interrupt a request in flight: without the wait, a start() before it answered
    // had the old loop carry on beside the new one, a pull storing a page while the other loop's push
    // was between its read and its commit.
    this.looping = this.looping.catch(() => undefined).then(() => this.loop(generation));
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.nudgeTimer);
    this.unwatch?.();
    this.unwatch = null;
    this.abortLongpoll();
    this.feed.stop();
    this.nudge();
  }

  /** Something changed locally (or the user asked): run a round now. */
  nudge(): void {
    this.woken = true;
    this.wake?.();
  }

  /** Runs rounds until stopped; resolves when stopped. */
  private async loop(generation: number): Promise<void> {
    const live = (): boolean => this.running && this.generation === generation;
    let backoff = 500;
    while (live()) {
      this.woken = false;
      let failed = false;
      try {
        await this.round();
        backoff = 500;
        this.reSignIn.reset();
      } catch (e) {
        failed = true;
        if (e instanceof RoundError && e.couch.kind === 'unauthorized') {
          // The session ended (expired cookie, server secret changed): sign in again, then retry at once.
          const refused = await this.reSignIn.attempt();
          if (refused === null && live()) continue;
          if (refused !== null) this.set({ kind: 'error', message: refused });
        } else if (!(e instanceof RoundError)) {
          this.set({
            kind: 'error',
            message: `${e instanceof Error ? e.message : String(e)}. It will be retried.`,
          });
        } else if (e.couch.kind === 'unreachable') {
          this.reSignIn.reset();
          this.set({ kind: 'offline', waiting: await waitingChanges(this.o, this.now()) });
        } else {
          const message = syncErrorMessage(e.couch, {
            serverUrl: this.o.config.serverUrl,
            article: e.article,
          });
          this.set({ kind: 'error', message });
        }
      }
      if (!live()) break;
      if (failed) {
        await this.sleep(backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      } else await this.idle();
    }
  }

  /** Waits for the next round: a local change, a change on the server, or the lead's poll interval. */
  private async idle(): Promise<void> {
    if (this.woken) return;
    if (this.o.config.role === 'lead') {
      if (!this.feed.available) return this.sleep(this.o.pollMs ?? 1_000);
      const left = this.lastFullRound + (this.o.fullRoundMs ?? FULL_ROUND_MS) - this.now();
      if (left > 0) await Promise.race([this.feed.wait(), this.sleep(left)]);
      return;
    }
    const own = userDb(this.o.config.project, this.o.config.user);
    if (!this.longpoll) {
      const since = (await readSyncCheckpoint(this.o.db, own)) ?? 0;
      const ms = this.o.longpollMs ?? 20_000;
      // Ended by the client as well: the embedded server ignores `timeout` (docs/team.md), and a
      // stopped service must not leave a request open.
      const abort = new AbortController();
      const timer = setTimeout(() => abort.abort(), ms + 1_000);
      this.abortLongpoll = () => abort.abort();
      const p = this.o.client
        .changes(own, {
          since,
          limit: 1,
          includeDocs: false,
          longpoll: true,
          timeoutMs: ms,
          signal: abort.signal,
        })
        .finally(() => {
          clearTimeout(timer);
          if (this.longpoll === p) this.longpoll = null;
        });
      this.longpoll = p;
    }
    await Promise.race([this.longpoll, this.sleep(60_000)]);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        resolve();
      }
      const wake = () => {
        if (this.wake === wake) this.wake = null;
        done();
      };
      this.wake = wake;
      if (this.woken || !this.running) wake();
    });
  }

  /**
   * One round: push what changed here, then pull the followed databases up to date — for a lead
   * between full rounds only what the feed announced (see `announced`).
   */
  private async round(): Promise<void> {
    const followed = await followedTargets(this.o);
    if (!followed.ok) throw new RoundError(followed.error);
    const targets = followed.value;
    const { project, role } = this.o.config;
    const full =
      role !== 'lead' ||
      !this.feed.available ||
      this.now() - this.lastFullRound >= (this.o.fullRoundMs ?? FULL_ROUND_MS);
    let pulled = targets;
    if (full && role === 'lead') {
      await this.feed.mark();
      this.lastFullRound = this.now();
      this.feed.take();
    } else if (!full) pulled = announced(targets, this.feed.take(), project);
    let worked = await this.push(targets);
    for (const t of pulled) if (await this.pull(t)) worked = true;
    // Pulled sets left to the push (changed here too) are merged by pushing them now.
    if (worked) await this.push(targets);
    if ((worked && this.now() - this.lastDeviceWrite > 30_000) || this.lastDeviceWrite === 0) {
      await this.recordDevice();
      // A lead pulls its own database between full rounds only when the feed names it: its "last
      // sync" just written is read back now, so its dashboard row equals `team status`.
      const own = targets.find((t) => t.mode === 'own' && t.annotator === this.o.config.user);
      if (role === 'lead' && own) await this.pull(own);
    }
    if (!this.running) return;
    const waiting = await waitingChanges(this.o, this.now());
    this.set(waiting > 0 ? { kind: 'syncing', progress: null } : { kind: 'synced' });
    if (waiting > 0) this.woken = true;
  }

  private async push(targets: readonly Target[]): Promise<boolean> {
    const allowed = { recordedUnder: articlesDb(this.o.config.project) };
    let pushed = false;
    for (const t of targets) {
      if (t.mode !== 'own' || !t.annotator) continue;
      const dirty = await findDirtySets(this.o.db, t.db, t.annotator, allowed, this.o.replica, this.now());
      for (const d of dirty) {
        if (!this.running) return pushed;
        this.set({ kind: 'syncing', progress: null });
        const r = await pushSpanSet(this.o.client, t.db, d.doc, d.base);
        if (!r.ok) throw new RoundError(r.error, await this.titleOf(d.doc.doc_id));
        await commitPushed(this.o.db, t.db, d, r.value.doc);
        pushed = true;
      }
    }
    // Tells the project's leads, who follow the feed rather than every user database.
    if (pushed) await this.feedWriter.touch(this.now());
    return pushed;
  }

  private async titleOf(docId: string): Promise<string | undefined> {
    return (await libraryTitlesOf(this.o.db, [docId])).get(docId);
  }

  /** Pulls one database from its checkpoint; true when anything arrived. */
  private async pull(t: Target): Promise<boolean> {
    const { db, client, replica, newId } = this.o;
    const articles = articlesDb(this.o.config.project);
    const since = (await readSyncCheckpoint(db, t.db)) ?? 0;
    const pageSize = this.o.pageSize ?? (t.mode === 'articles' ? ARTICLE_BATCH : 500);
    let have: Promise<Set<string>> | null = null;
    const ctx: PageContext = {
      client,
      target: t,
      articlesDb: articles,
      have: () => (have ??= syncedIds(db, articles)),
      ...(this.o.onProblem ? { onProblem: this.o.onProblem } : {}),
    };
    let total: number | null = null;
    let done = 0;
    let any = false;
    const stopped = (): void => {
      if (!this.running) throw new RoundError({ kind: 'server', status: 0, reason: 'stopped' });
    };
    const r = await pullPipelined<Record<string, unknown>, { page: PulledPage; rows: number }>(
      client,
      t.db,
      since,
      pageSize,
      SLICE,
      {
        prepare: async (page) => {
          stopped();
          if (total === null) {
            const info = await client.info(t.db);
            total = info.ok ? info.value.doc_count : 0;
            this.set({ kind: 'syncing', progress: { done, total: Math.max(total, done) } });
          }
          const prepared = await preparePage(ctx, page);
          if (!prepared.ok) throw new RoundError(prepared.error);
          return { page: prepared.value, rows: page.docs.length + page.deleted.length };
        },
        store: async ({ page, rows }) => {
          stopped();
          await storePulledPage(db, page, replica, this.now(), newId);
          done += rows;
          if (pageBroughtAnything(page)) any = true;
          this.set({ kind: 'syncing', progress: { done, total: Math.max(total ?? 0, done) } });
        },
      },
    );
    if (!r.ok) throw new RoundError(r.error);
    return any;
  }

  /** `device:<replica>` in the user's database: the "last sync" that `team status` shows. */
  private async recordDevice(): Promise<void> {
    const { client, config, replica } = this.o;
    const dbName = userDb(config.project, config.user);
    const id = deviceId(replica);
    const cur = await client.get<{ _rev?: string }>(dbName, id);
    if (!cur.ok) throw new RoundError(cur.error);
    const at = new Date(this.now()).toISOString();
    const w = await client.put(dbName, {
      _id: id,
      type: 'device',
      last_sync_at: at,
      ...(cur.value?._rev ? { _rev: cur.value._rev } : {}),
    });
    if (!w.ok && w.error.kind !== 'conflict') throw new RoundError(w.error);
    this.lastDeviceWrite = this.now();
  }
}
