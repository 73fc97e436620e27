import type { MarginaliaDb } from '../../db/database';
import { createBackup, restoreFromBackup, type RestoreReport } from '../../db/repositories/backup';
import { isDatabaseEmpty } from '../../db/repositories/restore';
import { getSetting, setSetting } from '../../db/repositories/settings';
import type { HostApi } from '../../platform/host';
import type { Result } from '../../core/result';
import type { BackupEntry, BackupReason, BackupSink } from './backup-sink';

export const DEFAULT_KEEP = 20;
export const APP_VERSION = import.meta.env.VITE_APP_VERSION ?? '0.0.0';

/**
 * Makes and restores whole-database backups. Remembers what the last backup contained so the
 * interval timer writes only when something changed; listeners hear about every new backup.
 */
export class BackupService {
  private lastContent: string | null = null;
  private readonly listeners = new Set<() => void>();
  lastBackupAt: string | null = null;

  constructor(
    readonly db: MarginaliaDb,
    readonly sink: BackupSink,
    private readonly host: HostApi,
  ) {}

  async keep(): Promise<number> {
    return (await getSetting(this.db, 'backupKeep')) ?? DEFAULT_KEEP;
  }

  async setKeep(n: number): Promise<void> {
    await setSetting(this.db, 'backupKeep', Math.max(1, Math.min(1000, Math.round(n))));
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
    const stamped = await createBackup(this.db, { reason, appVersion: APP_VERSION });
    const entry = await this.sink.write(stamped.content, stamped.digest, reason, await this.keep());
    this.lastContent = fingerprint;
    this.lastBackupAt = entry.writtenAt;
    for (const l of this.listeners) l();
    return entry;
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

  async list(): Promise<BackupEntry[]> {
    const all = await this.sink.list();
    this.lastBackupAt ??= all[0]?.writtenAt ?? null;
    return all;
  }

  /**
   * Restores a backup file's content. When the database holds data, it is backed up first, so a
   * restore of the wrong file can itself be undone.
   */
  async restore(content: string, name: string): Promise<Result<RestoreReport>> {
    if (!(await isDatabaseEmpty(this.db))) await this.backup('manual');
    const result = await restoreFromBackup(this.db, content, name);
    this.lastContent = null;
    return result;
  }

  async restoreEntry(name: string): Promise<Result<RestoreReport>> {
    return this.restore(await this.sink.read(name), name);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
