import type { BackupSource } from '../../core/backup/restore-summary';
import type { Result } from '../../core/result';
import type { MarginaliaDb } from '../../db/database';
import type { RestoreReport } from '../../db/repositories/backup';
import { fromErrorShape, type RestoreAnswer, type RestoreRequest } from './restore-messages';
import type { BackupReason } from './backup-sink';
import {
  RestoreWork,
  type CheckedBackup,
  type CopyResult,
  type KeepIn,
  type RestoreProgress,
} from './restore-work';

/** RestoreWork's three steps, wherever they run. */
export interface RestoreEngine {
  check(source: BackupSource, name: string, progress: RestoreProgress): Promise<Result<CheckedBackup>>;
  copy(
    reason: BackupReason,
    appVersion: string,
    progress: RestoreProgress,
    keepIn: KeepIn | null,
  ): Promise<CopyResult>;
  /** `source` null: the backup last checked, which the worker still holds (not sent twice). */
  restore(
    source: BackupSource | null,
    name: string,
    progress: RestoreProgress,
  ): Promise<Result<RestoreReport>>;
  /** Drops the backup last checked (the confirmation was cancelled). */
  forget(): Promise<null>;
}

/** In the page's thread: where there are no workers (Node: unit tests, the CLI). */
function inProcess(db: MarginaliaDb): RestoreEngine {
  const work = new RestoreWork(db);
  return {
    check: (source, name, progress) => work.check(source, name, progress),
    copy: (reason, appVersion, progress, keepIn) => work.copy(reason, appVersion, progress, keepIn),
    restore: (source, name, progress) => work.restore(source, name, progress),
    forget: async () => work.forget(),
  };
}

type Body = RestoreRequest extends infer R
  ? R extends RestoreRequest
    ? Omit<R, 'id' | 'dbName'>
    : never
  : never;

/**
 * In a Web Worker kept for the app session (it holds the backup checked for the confirmation until
 * the restore). A worker that fails is replaced at the next request; its open requests fail.
 */
function inWorker(dbName: string): RestoreEngine {
  let worker: Worker | null = null;
  let next = 1;
  const waiting = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void; progress: RestoreProgress }
  >();
  const start = (): Worker => {
    const w = new Worker(new URL('./restore.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<RestoreAnswer>) => {
      const m = e.data;
      const at = waiting.get(m.id);
      if (!at) return;
      if (m.kind === 'progress') return at.progress(m.phase, m.fraction);
      waiting.delete(m.id);
      if (m.kind === 'done') at.resolve(m.value);
      else at.reject(fromErrorShape(m.error));
    };
    w.onerror = (e) => {
      w.terminate();
      if (worker === w) worker = null;
      for (const at of waiting.values()) at.reject(new Error(e.message || 'The restore worker failed.'));
      waiting.clear();
    };
    return w;
  };
  const ask = <T>(body: Body, progress: RestoreProgress): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject, progress });
      worker ??= start();
      worker.postMessage({ ...body, id, dbName } as RestoreRequest);
    });
  return {
    check: (source, name, progress) => ask({ kind: 'check', source, name }, progress),
    copy: (reason, appVersion, progress, keepIn) =>
      ask({ kind: 'copy', reason, appVersion, keepIn }, progress),
    restore: (source, name, progress) => ask({ kind: 'restore', source, name }, progress),
    // No worker yet: nothing is held.
    forget: async () => (worker ? ask<null>({ kind: 'forget' }, () => undefined) : null),
  };
}

export function restoreEngine(db: MarginaliaDb): RestoreEngine {
  return typeof Worker === 'function' ? inWorker(db.name) : inProcess(db);
}
