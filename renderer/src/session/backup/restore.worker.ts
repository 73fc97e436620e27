/// <reference lib="webworker" />
import { MarginaliaDb } from '../../db/database';
import { announceInBulk } from '../../db/observe-changes';
import { toErrorShape, type RestoreAnswer, type RestoreRequest } from './restore-messages';
import { RestoreWork } from './restore-work';

/**
 * A restore's heavy work, off the page's thread (restore-work.ts): the page sends a file's text once
 * or names a kept snapshot (read here), and receives progress and small results (counts, the
 * report; on the desktop the copy's text, for main to write).
 * Its own connection's writes are announced to the page's live queries once, not key by key.
 */
let open: { name: string; db: MarginaliaDb; work: RestoreWork; changes: { announce(): void } } | null = null;

async function connect(name: string) {
  // A connection closed by another window's upgrade (database.ts) is not used again: open anew.
  if (open?.name === name && open.db.isOpen()) return open;
  open?.db.close();
  const db = new MarginaliaDb(name);
  const changes = announceInBulk(db);
  await db.open();
  open = { name, db, work: new RestoreWork(db), changes };
  return open;
}

const post = (m: RestoreAnswer): void => postMessage(m);

self.onmessage = async (e: MessageEvent<RestoreRequest>) => {
  const r = e.data;
  const progress = (phase: 'checking' | 'copying' | 'writing', fraction: number) =>
    post({ id: r.id, kind: 'progress', phase, fraction });
  try {
    const c = await connect(r.dbName);
    if (r.kind === 'check')
      post({ id: r.id, kind: 'done', value: await c.work.check(r.source, r.name, progress) });
    else if (r.kind === 'copy')
      post({ id: r.id, kind: 'done', value: await c.work.copy(r.reason, r.appVersion, progress, r.keepIn) });
    else if (r.kind === 'forget') post({ id: r.id, kind: 'done', value: c.work.forget() });
    else {
      const value = await c.work.restore(r.source, r.name, progress);
      if (value.ok) c.changes.announce();
      post({ id: r.id, kind: 'done', value });
    }
  } catch (err) {
    post({ id: r.id, kind: 'failed', error: toErrorShape(err) });
  }
};
