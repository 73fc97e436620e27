import type { SerializedBackup } from '../../core/backup/backup-file';
import type { BackupSource, LibraryCounts } from '../../core/backup/restore-summary';
import { err, ok, type Result } from '../../core/result';
import { SnapshotStore } from '../../db/backup-store';
import type { MarginaliaDb } from '../../db/database';
import {
  createBackup,
  NOTHING_CHANGED,
  restoreFromBackup,
  validateBackup,
  type RestoreReport,
  type ValidBackup,
} from '../../db/repositories/backup';
import { browserSink, type BackupEntry, type BackupReason } from './backup-sink';

/** The steps a restore's heavy work goes through, for the progress shown meanwhile. */
export type RestorePhase = 'checking' | 'copying' | 'writing';
export type RestoreProgress = (phase: RestorePhase, fraction: number) => void;

/** A checked backup's counts and date (the confirmation shows it). */
export type CheckedBackup = LibraryCounts & { readonly createdAt: string };

/** Where the copy made before a restore goes when the work keeps it itself: the browser's snapshots. */
export interface KeepIn {
  readonly store: string;
  readonly keep: number;
}

/**
 * The copy made before a restore: its text (for the page to write: the desktop's folder is main's),
 * or the snapshot it was kept as, or why keeping it failed (told apart from damaged data).
 */
export type CopyResult =
  { readonly made: SerializedBackup } | { readonly saved: BackupEntry } | { readonly writeFailed: string };

/** The browser's snapshots, through the same sink the page uses, on this thread's own connection. */
async function withSnapshots<T>(name: string, task: (sink: ReturnType<typeof browserSink>) => Promise<T>) {
  const store = new SnapshotStore(name);
  try {
    return await task(browserSink(store));
  } finally {
    store.close();
  }
}

const textOf = (source: BackupSource): Promise<string> =>
  'content' in source
    ? Promise.resolve(source.content)
    : withSnapshots(source.store, (s) => s.read(source.kept));

/**
 * The heavy part of a restore — reading a kept snapshot, parsing and validating a backup,
 * serialising (and keeping) the current data first, replacing everything and checking the digest —
 * on one connection. It runs in a Web Worker in the app (restore-engine.ts), so a 10,000-article
 * backup never freezes the page; the rules are the repository's (all-or-nothing, digest checked).
 */
export class RestoreWork {
  private checked: { valid: ValidBackup; content: string } | null = null;

  constructor(private readonly db: MarginaliaDb) {}

  /** Reads and checks a backup, changing nothing; keeps it for the restore that follows. */
  async check(source: BackupSource, name: string, progress: RestoreProgress): Promise<Result<CheckedBackup>> {
    this.checked = null;
    const content = await textOf(source);
    const valid = validateBackup(content, name, this.db.verno, (f) => progress('checking', f));
    if (!valid.ok) return err(`${valid.error} ${NOTHING_CHANGED}`);
    this.checked = { content, valid: valid.value };
    const { snapshot, createdAt } = valid.value;
    return ok({
      documents: snapshot.documents.length,
      spans: snapshot.annotations.reduce((n, a) => n + a.spans.length, 0),
      createdAt,
    });
  }

  /** The current data as a backup file, kept in `keepIn` when given. */
  async copy(
    reason: BackupReason,
    appVersion: string,
    progress: RestoreProgress,
    keepIn: KeepIn | null,
  ): Promise<CopyResult> {
    progress('copying', 0);
    const made = await createBackup(this.db, { reason, appVersion });
    if (!keepIn) return { made };
    try {
      const saved = await withSnapshots(keepIn.store, (s) =>
        s.write(made.content, made.digest, reason, keepIn.keep),
      );
      return { saved };
    } catch (e) {
      return { writeFailed: e instanceof Error ? e.message : String(e) };
    }
  }

  /** Drops the backup last checked (a cancelled confirmation): a big one holds much memory. */
  forget(): null {
    this.checked = null;
    return null;
  }

  /** Replaces everything with the backup last checked (`source` null) or with `source`, checked first. */
  async restore(
    source: BackupSource | null,
    name: string,
    progress: RestoreProgress,
  ): Promise<Result<RestoreReport>> {
    const checked = source === null ? this.checked : null;
    this.checked = null;
    if (source === null && !checked) return err(`The backup is no longer at hand. ${NOTHING_CHANGED}`);
    const content = checked?.content ?? (await textOf(source as BackupSource));
    progress('writing', 0);
    return restoreFromBackup(this.db, content, name, checked?.valid);
  }
}
