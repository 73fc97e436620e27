import Dexie, { type Table } from 'dexie';

/** The newest snapshot kept outside the main database (web build). */
export interface StoredSnapshot {
  id: 'latest';
  content: string;
  digest: string;
  reason: string;
  /** ISO-8601 time the snapshot was taken. */
  writtenAt: string;
  bytes: number;
}

export const BACKUP_DB_NAME = 'marginalia-backup';

/**
 * A second IndexedDB database holding the newest backup. Chromium resets a whole database it finds
 * corrupt (electron/electron#41877) — a second database usually survives that, and when the main one
 * comes back empty while this one has a snapshot, the app can tell the user and offer a restore.
 */
class BackupDb extends Dexie {
  snapshots!: Table<StoredSnapshot, string>;
  constructor(name: string) {
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({ snapshots: 'id' });
  }
}

export class SnapshotStore {
  private readonly db: BackupDb;
  constructor(name: string = BACKUP_DB_NAME) {
    this.db = new BackupDb(name);
  }

  async save(snapshot: Omit<StoredSnapshot, 'id'>): Promise<void> {
    await this.db.transaction('rw', this.db.snapshots, () =>
      this.db.snapshots.put({ id: 'latest', ...snapshot }),
    );
  }

  /** The newest snapshot, or null; never throws (a broken second store must not block start-up). */
  async latest(): Promise<StoredSnapshot | null> {
    try {
      return (await this.db.snapshots.get('latest')) ?? null;
    } catch {
      return null;
    }
  }

  close(): void {
    this.db.close();
  }
}
