import type { MarginaliaDb } from '../../db/database';
import type { BackupSource, RestorePlan } from '../../core/backup/restore-summary';
import { createBackup, NOTHING_CHANGED, type RestoreReport } from '../../db/repositories/backup';
import { classifyStorageError } from '../../db/storage-errors';
import type { SerializedBackup } from '../../core/backup/backup-file';
import { dumpRawData } from '../../db/raw-dump';
import { isDatabaseEmpty, libraryCounts } from '../../db/repositories/restore';
import { getSetting, setSetting } from '../../db/repositories/settings';
import type { HostApi } from '../../platform/host';
import { err, ok, type Result } from '../../core/result';
import type { BackupEntry, BackupReason, BackupSink } from './backup-sink';
import { restoreEngine, type RestoreEngine } from './restore-engine';
import type { CopyResult, RestoreProgress } from './restore-work';

/** A restore's result; a refusal because the current data cannot be copied first says why. */
export type RestoreResult =
  Result<RestoreOutcome> | { readonly ok: false; readonly error: string; readonly copyProblem: string };

/** A restore that succeeded, and the name of the backup of the data it replaced (null: there was none). */
export type RestoreOutcome = RestoreReport & { readonly savedAs: string | null };

export const DEFAULT_KEEP = 20;

const sourceOf = (b: string | BackupSource): BackupSource => (typeof b === 'string' ? { content: b } : b);
const sameSource = (a: BackupSource, b: BackupSource): boolean =>
  'content' in a
    ? 'content' in b && a.content === b.content
    : 'kept' in b && a.kept === b.kept && a.store === b.store;
const none: RestoreProgress = () => undefined;
/** At least two: the copy made before a restore must never replace the only other backup. */
export const MIN_KEEP = 2;
export const APP_VERSION = import.meta.env.VITE_APP_VERSION ?? '0.0.0';

/**
 * Makes and restores whole-database backups. Remembers what the last backup contained so the
 * interval timer writes only when something changed; listeners hear about every new backup.
 */
export class BackupService {
  private lastContent: string | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly restoredListeners = new Set<() => void>();
  private readonly channel: BroadcastChannel | null = null;
  /** The content the engine last checked (and still holds) for the confirmation. */
  private prepared: BackupSource | null = null;
  /** Parsing, validation, digests and the bulk writes of a restore: in a Web Worker in the app. */
  private readonly engine: RestoreEngine;
  lastBackupAt: string | null = null;

  constructor(
    readonly db: MarginaliaDb,
    readonly sink: BackupSink,
    private readonly host: HostApi,
  ) {
    this.engine = restoreEngine(db);
    // Other tabs and windows on the same database hear of a restore too: their open views reload
    // like this one's (each tab has its own service; a restore replaces everything at once).
    if (typeof BroadcastChannel === 'function') {
      this.channel = new BroadcastChannel(`marginalia-restored:${db.name}`);
      this.channel.onmessage = () => this.tellRestored();
      // Node (tests, CLI) would otherwise stay alive for the channel.
      (this.channel as { unref?: () => void }).unref?.();
    }
  }

  private tellRestored(): void {
    for (const l of this.restoredListeners) l();
  }

  async keep(): Promise<number> {
    return Math.max(MIN_KEEP, (await getSetting(this.db, 'backupKeep')) ?? DEFAULT_KEEP);
  }

  async setKeep(n: number): Promise<void> {
    await setSetting(this.db, 'backupKeep', Math.max(MIN_KEEP, Math.min(1000, Math.round(n))));
  }

  /** Writes a backup; with `onlyIfChanged`, skips it when nothing but the time would differ. */
  async backup(reason: BackupReason, onlyIfChanged = false): Promise<BackupEntry | null> {
    // The same data always serialises to the same bytes once time and reason are fixed.
    const { content: fingerprint } = await createBackup(this.db, {
      reason: 'x',
      appVersion: '',
      createdAt: '',
    });
    if (onlyIfChanged && fingerprint === this.lastContent) return null;
    const entry = await this.write(await createBackup(this.db, { reason, appVersion: APP_VERSION }), reason);
    this.lastContent = fingerprint;
    return entry;
  }

  private async write(made: SerializedBackup, reason: BackupReason): Promise<BackupEntry> {
    return this.wrote(await this.sink.write(made.content, made.digest, reason, await this.keep()));
  }

  private wrote(entry: BackupEntry): BackupEntry {
    this.lastBackupAt = entry.writtenAt;
    for (const l of this.listeners) l();
    return entry;
  }

  /** A kept backup: in the browser the worker reads it itself, elsewhere its text is read here. */
  private async entrySource(name: string): Promise<BackupSource> {
    return this.sink.store ? { kept: name, store: this.sink.store } : { content: await this.sink.read(name) };
  }

  /**
   * "Back up now". Desktop: a new file in the backup folder. Web: a download first — it works even
   * when storage is full and the app is read-only — then the newest snapshot in the second database.
   */
  async backupNow(): Promise<string> {
    if (this.sink.kind === 'folder') return `Backup written: ${(await this.backup('manual'))?.name ?? ''}`;
    const made = await createBackup(this.db, { reason: 'manual', appVersion: APP_VERSION });
    const name = `marginalia-backup-${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl`;
    const saved = await this.host.saveExport({ suggestedName: name, content: made.content });
    if (!saved.ok) throw new Error(saved.error);
    const kept = await this.backup('manual').then(
      () => '',
      () => ' (it could not also be kept in the browser)',
    );
    return `Backup saved as ${saved.value.fileName ?? name}${kept}.`;
  }

  /** Saves every stored row as it is (no validation), for when the data cannot be shown. */
  async saveRawData(): Promise<string> {
    const name = `marginalia-raw-data-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
    const saved = await this.host.saveExport({ suggestedName: name, content: await dumpRawData(this.db) });
    if (!saved.ok) throw new Error(saved.error);
    return `Raw data saved as ${saved.value.fileName ?? name}.`;
  }

  async list(): Promise<BackupEntry[]> {
    const all = await this.sink.list();
    this.lastBackupAt ??= all[0]?.writtenAt ?? null;
    return all;
  }

  /**
   * Reads and checks a backup without changing anything, and says what a restore of it would
   * replace (for the confirmation). Errors are values: a refused backup never reaches the database.
   */
  async prepare(
    backup: string | BackupSource,
    name: string,
    progress: RestoreProgress = none,
  ): Promise<Result<RestorePlan>> {
    this.prepared = null;
    const source = sourceOf(backup);
    const checked = await this.engine.check(source, name, progress);
    if (!checked.ok) return checked;
    const current = await libraryCounts(this.db);
    // Kept (by the engine) so the restore that follows the confirmation does not check it again.
    this.prepared = source;
    return ok({ name, source, current, copyProblem: null, backup: checked.value });
  }

  /** The confirmation was cancelled: the checked backup is no longer kept for it. */
  async forgetPrepared(): Promise<void> {
    this.prepared = null;
    await this.engine.forget();
  }

  async prepareEntry(name: string, progress: RestoreProgress = none): Promise<Result<RestorePlan>> {
    return this.prepare(await this.entrySource(name), name, progress);
  }

  /**
   * Restores a backup file's content. When the database holds data, it is backed up first (a new
   * backup, never replacing another), so a restore of the wrong file can itself be undone; when that
   * copy cannot be written, nothing is restored. When the current data is too damaged to be backed
   * up, the result carries `copyProblem` and only a second call `withoutCopy` (the user's explicit
   * choice) replaces it. A content just checked by `prepare` is not checked again. Listeners of
   * `onRestored` hear of every success.
   */
  async restore(
    backup: string | BackupSource,
    name: string,
    opts: { withoutCopy?: boolean } = {},
    progress: RestoreProgress = none,
  ): Promise<RestoreResult> {
    const source = sourceOf(backup);
    let savedAs: string | null = null;
    if (!opts.withoutCopy && !(await isDatabaseEmpty(this.db))) {
      let made: CopyResult;
      // In the browser the worker keeps the copy itself: its text never crosses the page's thread.
      const keepIn = this.sink.store ? { store: this.sink.store, keep: await this.keep() } : null;
      try {
        made = await this.engine.copy('before-restore', APP_VERSION, progress, keepIn);
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        // Data that cannot be serialised is damaged; a storage failure is not the data's fault.
        if (classifyStorageError(e).kind === 'other')
          return {
            ok: false,
            copyProblem: why,
            error: `Your current data cannot be backed up before the restore because it is damaged (${why}), so nothing was restored. ${NOTHING_CHANGED}`,
          };
        return err(
          `Your current data could not be read (${why}), so nothing was restored. ${NOTHING_CHANGED}`,
        );
      }
      try {
        if ('writeFailed' in made) throw new Error(made.writeFailed);
        savedAs = ('saved' in made ? this.wrote(made.saved) : await this.write(made.made, 'before-restore'))
          .name;
      } catch (e) {
        return err(
          `The copy of your current data that comes before a restore could not be written (${e instanceof Error ? e.message : String(e)}), so nothing was restored. ${NOTHING_CHANGED}`,
        );
      }
    }
    const prepared = this.prepared !== null && sameSource(this.prepared, source);
    this.prepared = null;
    const result = await this.engine.restore(prepared ? null : source, name, progress);
    this.lastContent = null;
    if (!result.ok) return result;
    this.tellRestored();
    this.channel?.postMessage('restored');
    return ok({ ...result.value, savedAs });
  }

  async restoreEntry(name: string): Promise<RestoreResult> {
    return this.restore(await this.entrySource(name), name);
  }

  /** Called after every successful restore, so open views can reload what they show. */
  onRestored(listener: () => void): () => void {
    this.restoredListeners.add(listener);
    return () => this.restoredListeners.delete(listener);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
