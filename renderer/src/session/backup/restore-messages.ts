import type { BackupSource } from '../../core/backup/restore-summary';
import type { Result } from '../../core/result';
import type { RestoreReport } from '../../db/repositories/backup';
import type { BackupReason } from './backup-sink';
import type { CheckedBackup, CopyResult, KeepIn, RestorePhase } from './restore-work';

/** What the page asks the restore worker (restore.worker.ts); every request names the database. */
export type RestoreRequest = { readonly id: number; readonly dbName: string } & (
  | { readonly kind: 'check'; readonly source: BackupSource; readonly name: string }
  | {
      readonly kind: 'copy';
      readonly reason: BackupReason;
      readonly appVersion: string;
      readonly keepIn: KeepIn | null;
    }
  | { readonly kind: 'restore'; readonly source: BackupSource | null; readonly name: string }
  | { readonly kind: 'forget' }
);

/** An error's shape as storage-errors.ts reads it (name, message, the inner error), across threads. */
export interface ErrorShape {
  readonly name: string;
  readonly message: string;
  readonly inner?: { readonly name: string; readonly message: string };
}

export type RestoreAnswer =
  | {
      readonly id: number;
      readonly kind: 'progress';
      readonly phase: RestorePhase;
      readonly fraction: number;
    }
  | {
      readonly id: number;
      readonly kind: 'done';
      readonly value: Result<CheckedBackup> | CopyResult | Result<RestoreReport> | null;
    }
  | { readonly id: number; readonly kind: 'failed'; readonly error: ErrorShape };

const shapeOf = (e: unknown): { name: string; message: string } => {
  const o = (typeof e === 'object' && e !== null ? e : {}) as { name?: unknown; message?: unknown };
  return {
    name: typeof o.name === 'string' ? o.name : 'Error',
    message: typeof o.message === 'string' ? o.message : String(e),
  };
};

export function toErrorShape(e: unknown): ErrorShape {
  const inner = (e as { inner?: unknown } | null)?.inner;
  return { ...shapeOf(e), ...(inner ? { inner: shapeOf(inner) } : {}) };
}

/** An Error again, with the name and inner error classifyStorageError reads. */
export function fromErrorShape(s: ErrorShape): Error {
  const e = new Error(s.message) as Error & { inner?: Error };
  e.name = s.name;
  if (s.inner) e.inner = Object.assign(new Error(s.inner.message), { name: s.inner.name });
  return e;
}
