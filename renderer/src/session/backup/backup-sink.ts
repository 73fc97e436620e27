import type { SnapshotStore } from '../../db/backup-store';
import type { HostApi } from '../../platform/host';

export type BackupReason = 'interval' | 'quit' | 'before-upgrade' | 'manual';

export interface BackupEntry {
  readonly name: string;
  /** ISO-8601. */
  readonly writtenAt: string;
  readonly bytes: number;
}

/** Where backups go: files written by Electron's main process, or the browser's second database. */
export interface BackupSink {
  readonly kind: 'folder' | 'browser';
  /** Shown in Settings: the folder path, or where in the browser the snapshot is kept. */
  readonly location: string;
  write(content: string, digest: string, reason: BackupReason, keep: number): Promise<BackupEntry>;
  /** Newest first. */
  list(): Promise<BackupEntry[]>;
  read(name: string): Promise<string>;
}

const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: string }): T => {
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

export const BROWSER_SNAPSHOT_NAME = 'newest browser snapshot';

/** Desktop: main writes atomically into `<userData>/backups/` and prunes to `keep`. */
export function folderSink(host: HostApi, folder: string): BackupSink {
  return {
    kind: 'folder',
    location: folder,
    write: async (content, _digest, reason, keep) =>
      unwrap(await host.writeBackup({ content, keep, reason })),
    list: async () => unwrap(await host.listBackups()),
    read: async (name) => unwrap(await host.readBackup(name)),
  };
}

/** Web: the newest snapshot only, in the second IndexedDB database (db/backup-store). */
export function browserSink(store: SnapshotStore): BackupSink {
  return {
    kind: 'browser',
    location: 'this browser (database "marginalia-backup"); use "Back up now" for a file',
    write: async (content, digest, reason) => {
      const writtenAt = new Date().toISOString();
      const bytes = new TextEncoder().encode(content).length;
      await store.save({ content, digest, reason, writtenAt, bytes });
      return { name: BROWSER_SNAPSHOT_NAME, writtenAt, bytes };
    },
    list: async () => {
      const s = await store.latest();
      return s ? [{ name: BROWSER_SNAPSHOT_NAME, writtenAt: s.writtenAt, bytes: s.bytes }] : [];
    },
    read: async () => {
      const s = await store.latest();
      if (!s) throw new Error('There is no snapshot in this browser.');
      return s.content;
    },
  };
}

/** Picks the sink for this shell; the desktop needs main's folder, reported by getAppInfo. */
export async function selectBackupSink(host: HostApi, store: SnapshotStore): Promise<BackupSink> {
  const info = await host.getAppInfo();
  if (info.ok && info.value.shell === 'electron' && info.value.backupFolder)
    return folderSink(host, info.value.backupFolder);
  return browserSink(store);
}
