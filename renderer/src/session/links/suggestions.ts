import type { MarginaliaDb } from '../../db/database';
import { onDatabaseChanged } from '../../db/observe-changes';
import type { IndexProgress, SuggestQuery, SuggestReply, SuggestRequest } from './suggest-messages';

export type SuggestAnswer = Extract<SuggestReply, { kind: 'result' }>;

/** Whether a committed write may have added texts to index (batch rows too: issue 20). */
export const libraryTextsChanged = (tables: ReadonlySet<string>): boolean =>
  ['documents', 'texts', 'batches'].some((t) => tables.has(t));

/**
 * The page's side of the suggestion worker (suggest.worker.ts): one worker per app session, so the
 * library is indexed once, then follows new articles. `query` answers with the worker's result;
 * `progress` tells how far indexing has come.
 */
export class Suggester {
  private readonly worker: Worker;
  private next = 0;
  private readonly waiting = new Map<number, { ok: (a: SuggestAnswer) => void; fail: (e: Error) => void }>();
  private progress: IndexProgress = { indexed: 0, total: 0 };
  private readonly listeners = new Set<() => void>();

  constructor(dbName: string) {
    this.worker = new Worker(new URL('./suggest.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<SuggestReply>) => this.receive(e.data);
    this.send({ kind: 'open', dbName });
    onDatabaseChanged(dbName, (tables) => {
      if (libraryTextsChanged(tables)) this.send({ kind: 'refresh' });
    });
  }

  readonly subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  readonly getProgress = (): IndexProgress => this.progress;

  query(query: SuggestQuery): Promise<SuggestAnswer> {
    const id = ++this.next;
    return new Promise((ok, fail) => {
      this.waiting.set(id, { ok, fail });
      this.send({ kind: 'query', id, query });
    });
  }

  private send(m: SuggestRequest): void {
    this.worker.postMessage(m);
  }

  private receive(m: SuggestReply): void {
    if (m.kind !== 'failed') {
      this.progress = { indexed: m.indexed, total: m.total };
      for (const l of this.listeners) l();
    }
    if (m.kind === 'progress' || m.id === null) return;
    const w = this.waiting.get(m.id);
    this.waiting.delete(m.id);
    if (m.kind === 'result') w?.ok(m);
    else w?.fail(new Error(m.message));
  }
}

const made = new WeakMap<MarginaliaDb, Suggester>();

/**
 * The page's suggester for this database, made on first use (its worker starts indexing then).
 * Not in the session's store registry: a restore clears that, and the worker follows the restored
 * library by itself.
 */
export function suggester(db: MarginaliaDb): Suggester {
  let s = made.get(db);
  if (!s) made.set(db, (s = new Suggester(db.name)));
  return s;
}
