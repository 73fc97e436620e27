import { serializeBackup } from '../../core/backup/backup-file';
import { classifyStorageError } from '../../db/storage-errors';
import { CURRENT_SCHEMA_VERSION, MarginaliaDb } from '../../db/database';
import type { Migration } from '../../db/migrations';
import { readSnapshotBeforeUpgrade } from '../../db/pre-upgrade';
import { isDatabaseEmpty } from '../../db/repositories/restore';
import { storedSchemaVersion } from '../../db/schema-probe';
import { APP_VERSION, DEFAULT_KEEP } from '../../session/backup/backup-service';
import type { BackupEntry, BackupSink } from '../../session/backup/backup-sink';
import { openWithDeadline, OPEN_DEADLINE_MS } from './open-with-deadline';

export interface StartupProblem {
  readonly kind: 'problem';
  readonly title: string;
  readonly message: string;
  readonly detail: string;
  readonly backups: readonly BackupEntry[];
}

export type StartupResult =
  | {
      readonly kind: 'ready';
      readonly db: MarginaliaDb;
      readonly offerRestore: readonly BackupEntry[] | null;
    }
  | StartupProblem;

export interface StartupOptions {
  readonly name: string;
  readonly sink: BackupSink;
  readonly deadlineMs?: number;
  /** Tests inject a failing or future version here. */
  readonly migrations?: readonly Migration[];
}

const UNCHANGED = 'Nothing was changed: your data is still stored as it was.';

/**
 * The start-up path: never hangs (every wait has a deadline), never deletes, and turns each known
 * way of failing into a message that says what to do. Before a schema upgrade the old data is
 * backed up; a database found empty while backups exist is reported so the user can restore.
 */
export async function openAppDatabase(opts: StartupOptions): Promise<StartupResult> {
  const current = opts.migrations?.at(-1)?.version ?? CURRENT_SCHEMA_VERSION;
  const backups = (): Promise<BackupEntry[]> => opts.sink.list().catch(() => []);
  const problem = async (title: string, message: string, detail = ''): Promise<StartupProblem> => ({
    kind: 'problem',
    title,
    message,
    detail,
    backups: await backups(),
  });
  const newer = (v: number | string) =>
    problem(
      'This data needs a newer Marginalia',
      `Your database was last used by a newer version of Marginalia (schema ${v}; this one knows up to ${current}). Install the newer version to open it. ${UNCHANGED}`,
    );

  const stored = await storedSchemaVersion(opts.name).catch(() => null);
  if (stored !== null && stored > current) return newer(stored);
  if (stored !== null && stored < current) {
    try {
      const snap = await readSnapshotBeforeUpgrade(opts.name, stored);
      const made = serializeBackup(snap, {
        createdAt: new Date().toISOString(),
        reason: 'before-upgrade',
        appVersion: APP_VERSION,
      });
      const keep =
        typeof snap.settings['backupKeep'] === 'number' ? snap.settings['backupKeep'] : DEFAULT_KEEP;
      await opts.sink.write(made.content, made.digest, 'before-upgrade', keep);
    } catch (e) {
      const p = classifyStorageError(e);
      return problem(
        'Marginalia could not back up your data before upgrading it',
        `The upgrade was not started, because the backup that must come first failed: ${p.message} ${UNCHANGED}`,
        p.detail,
      );
    }
  }

  const db = new MarginaliaDb(opts.name, opts.migrations);
  const opened = await openWithDeadline(db, opts.deadlineMs ?? OPEN_DEADLINE_MS);
  if (opened.kind === 'blocked')
    return problem(
      'Another Marginalia window is still open',
      `An older Marginalia window or tab is using the database, so it cannot be upgraded. Close the other windows and tabs, then press Try again. ${UNCHANGED}`,
    );
  if (opened.kind === 'timeout')
    return problem(
      'The database did not open in time',
      `Opening the database took more than ${Math.round((opts.deadlineMs ?? OPEN_DEADLINE_MS) / 1000)} seconds. Another window may be holding it, or the disk is very slow. Close other Marginalia windows, then press Try again. ${UNCHANGED}`,
    );
  if (opened.kind === 'error') {
    const p = classifyStorageError(opened.error);
    if (p.kind === 'newer-version') return newer('newer');
    const upgrading = stored !== null && stored < current;
    return problem(
      upgrading
        ? `Upgrading your data to version ${current} failed`
        : 'Marginalia could not open its database',
      upgrading
        ? `The upgrade was rolled back: your data stays at version ${stored}, unchanged, and a backup was written just before. Please report this error.`
        : `${p.message} ${UNCHANGED}`,
      p.detail,
    );
  }
  if (db.verno > current) {
    db.close();
    return newer(db.verno);
  }
  const empty = await isDatabaseEmpty(db);
  const found = empty ? await backups() : [];
  return { kind: 'ready', db, offerRestore: found.length > 0 ? found : null };
}
