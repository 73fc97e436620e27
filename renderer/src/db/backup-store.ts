import Dexie, { type Table } from 'dexie';

/** A snapshot kept outside the main database (web build), without its content. */
export interface StoredSnapshotInfo {
  /** Unique; `marginalia-backup-<UTC time>-<reason>[-n].jsonl`, like the desktop's files. */
  name: string;
  digest: string;
  reason: string;
  /** ISO-8601 time the snapshot was taken. */
  writtenAt: string;
  bytes: number;
}

interface KeptRow extends StoredSnapshotInfo {
  /** Write order (auto-increment): newest is highest, even within one millisecond. */
  seq?: number;
}

interface ContentRow {
  name: string;
  content: string;
}

/** Version 1 kept one row, `id: 'latest'`, which every new snapshot overwrote. */
interface LegacyRow extends Omit<StoredSnapshotInfo, 'name'> {
  id: 'latest';
  content: string;
}

export const BACKUP_DB_NAME = 'marginalia-backup';

const stamp = (iso: string): string => iso.replace(/:/g, '-').replace('.', '-');

/**
 * A second IndexedDB database holding the newest backups. Chromium resets a whole database it finds
 * corrupt (electron/electron#41877) — a second database usually survives that, and when the main one
 * comes back empty while this one has a snapshot, the app can tell the user and offer a restore.
 * Since version 2 it keeps the last N snapshots, as the desktop keeps N files: the copy made before a
 * restore is a new snapshot, never a replacement of the one being restored.
 */
class BackupDb extends Dexie {
  snapshots!: Table<LegacyRow, string>;
  kept!: Table<KeptRow, number>;
  contents!: Table<ContentRow, string>;
  constructor(name: string) {
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({ snapshots: 'id' });
    // Listing reads `kept` only; a content (megabytes) is read when it is restored.
    this.version(2)
      .stores({ snapshots: 'id', kept: '++seq, &name', contents: 'name' })
      .upgrade(async (tx) => {
        const old = (await tx.table('snapshots').get('latest')) as LegacyRow | undefined;
        if (!old) return;
        const { id: _id, content, ...info } = old;
        const name = `marginalia-backup-${stamp(old.writtenAt)}-${old.reason}.jsonl`;
        await tx.table('kept').add({ ...info, name });
        await tx.table('contents').add({ name, content });
        await tx.table('snapshots').clear();
      });
  }
}

export class SnapshotStore {
  private readonly db: BackupDb;
  constructor(name: string = BACKUP_DB_NAME) {
    this.db = new BackupDb(name);
  }

  /** Adds a snapshot and drops the oldest beyond `keep` (at least 1), in one transaction. */
  async save(
    snapshot: Omit<StoredSnapshotInfo, 'name'> & { content: string },
    keep: number,
  ): Promise<StoredSnapshotInfo> {
    const { content, ...info } = snapshot;
    const { kept, contents } = this.db;
    return this.db.transaction('rw', kept, contents, async () => {
      const base = `marginalia-backup-${stamp(info.writtenAt)}-${info.reason}`;
      let name = `${base}.jsonl`;
      for (let n = 1; (await kept.where('name').equals(name).count()) > 0; n++) name = `${base}-${n}.jsonl`;
      const entry = { ...info, name };
      await kept.add({ ...entry });
      await contents.put({ name, content });
      const old = await kept.orderBy('seq').reverse().offset(Math.max(1, keep)).toArray();
      await kept.bulkDelete(old.map((r) => r.seq as number));
      await contents.bulkDelete(old.map((r) => r.name));
      return entry;
    });
  }

  /** The database's name, for a worker to open its own connection to the same snapshots. */
  get name(): string {
    return this.db.name;
  }

  /** Newest first; never throws (a broken second store must not block start-up). */
  async list(): Promise<StoredSnapshotInfo[]> {
    try {
      const rows = await this.db.kept.orderBy('seq').reverse().toArray();
      return rows.map(({ seq: _seq, ...info }) => info);
    } catch {
      return [];
    }
  }

  /** A snapshot's content, or null when it is not (or no longer) kept. */
  async read(name: string): Promise<string | null> {
    return (await this.db.contents.get(name))?.content ?? null;
  }

  close(): void {
    this.db.close();
  }
}
