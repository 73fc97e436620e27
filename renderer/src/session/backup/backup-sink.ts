import type { SnapshotStore } from '../../db/backup-store';
import type { HostApi } from '../../platform/host';

export type BackupReason = 'interval' | 'quit' | 'before-upgrade' | 'before-restore' | 'manual';

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
  /** Browser: the snapshot database's name; the restore worker reads and writes it itself. */
  readonly store?: string;
}

const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: string }): T => {
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

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

/** Web: the last `keep` snapshots, in the second IndexedDB database (db/backup-store). */
export function browserSink(store: SnapshotStore): BackupSink {
  return {
    kind: 'browser',
    location: 'this browser (database "marginalia-backup"); use "Back up now" for a file',
    store: store.name,
    write: async (content, digest, reason, keep) => {
      const writtenAt = new Date().toISOString();
      const bytes = new TextEncoder().encode(content).length;
      const saved = await store.save({ content, digest, reason, writtenAt, bytes }, keep);
      return { name: saved.name, writtenAt, bytes };
    },
    list: async () => (await store.list()).map(({ name, writtenAt, bytes }) => ({ name, writtenAt, bytes })),
    read: async (name) => {
      const content = await store.read(name);
      if (content === null) throw new Error(`The snapshot "${name}" is no longer kept in this browser.`);
      return content;
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
