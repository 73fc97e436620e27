import type { SerializedBackup } from '../../core/backup/backup-file';
import type { LibraryCounts } from '../../core/backup/restore-summary';
import { err, ok, type Result } from '../../core/result';
import type { MarginaliaDb } from '../../db/database';
import {
  createBackup,
  NOTHING_CHANGED,
  restoreFromBackup,
  validateBackup,
  type RestoreReport,
  type ValidBackup,
} from '../../db/repositories/backup';

/** The steps a restore's heavy work goes through, for the progress shown meanwhile. */
export type RestorePhase = 'checking' | 'copying' | 'writing';
export type RestoreProgress = (phase: RestorePhase, fraction: number) => void;

/** A checked backup's counts and date (the confirmation shows them). */
export type CheckedBackup = LibraryCounts & { readonly createdAt: string };

/**
 * The heavy part of a restore — parsing and validating a backup, serialising the current data
 * (the copy made first), replacing everything and checking the digest — on one connection. It runs
 * in a Web Worker in the app (restore-engine.ts), so a 10,000-article backup never freezes the page;
 * the rules are the repository's (all-or-nothing, digest checked), unchanged.
 */
export class RestoreWork {
  private checked: { content: string; valid: ValidBackup } | null = null;

  constructor(private readonly db: MarginaliaDb) {}

  /** Reads and checks a backup, changing nothing; keeps it for the restore that follows. */
  check(content: string, name: string, progress: RestoreProgress): Result<CheckedBackup> {
    this.checked = null;
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

  /** The current data as a backup file. */
  async copy(reason: string, appVersion: string, progress: RestoreProgress): Promise<SerializedBackup> {
    progress('copying', 0);
    return createBackup(this.db, { reason, appVersion });
  }

  /** Replaces everything with the backup last checked (`content` null) or with `content`, checked first. */
  async restore(
    content: string | null,
    name: string,
    progress: RestoreProgress,
  ): Promise<Result<RestoreReport>> {
    const checked = content === null ? this.checked : null;
    this.checked = null;
    if (content === null && !checked) return err(`The backup is no longer at hand. ${NOTHING_CHANGED}`);
    progress('writing', 0);
    return restoreFromBackup(this.db, checked?.content ?? content ?? '', name, checked?.valid);
  }
}
