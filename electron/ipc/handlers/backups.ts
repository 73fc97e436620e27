/**
 * Rotating backups in `<userData>/backups/`. The renderer decides when to back up (interval, quit,
 * before an upgrade, on request) and sends the snapshot; main owns where it goes, its name and how many
 * are kept. Writes are serialised so two backups never race on pruning. No Electron import: the folder
 * is passed in, so this is unit-tested against a temp folder.
 */
import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

import { writeFileAtomic } from '../../atomic-write';
import { type BackupReason, backupName, backupTime, isBackupName, sortNewestFirst } from '../../backup-names';
import type { BackupInfo } from '../../ipc-contract';
import { trackWrite } from '../../pending-writes';
import { UserFacingError } from '../errors';

export interface BackupStore {
  write(req: { content: string; keep: number; reason: BackupReason }, now?: Date): Promise<BackupInfo>;
  list(): Promise<BackupInfo[]>;
  read(name: string): Promise<string>;
}

export function createBackupStore(dir: string): BackupStore {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  async function names(): Promise<string[]> {
    try {
      return sortNewestFirst((await readdir(dir)).filter(isBackupName));
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return [];
      throw error;
    }
  }

  async function info(name: string): Promise<BackupInfo> {
    const { size } = await stat(path.join(dir, name));
    return { name, bytes: size, writtenAt: backupTime(name) ?? '' };
  }

  async function freeName(now: Date, reason: BackupReason): Promise<string> {
    const taken = new Set(await names());
    for (let attempt = 0; attempt < 1000; attempt++) {
      const name = backupName(now, reason, attempt);
      if (!taken.has(name)) return name;
    }
    throw new UserFacingError('Too many backups were written in the same millisecond.');
  }

  return {
    write: ({ content, keep, reason }, now = new Date()) =>
      serial(async () => {
        await mkdir(dir, { recursive: true });
        const name = await freeName(now, reason);
        await trackWrite(writeFileAtomic(path.join(dir, name), content));
        // Prune only after the new backup is safely on disk.
        for (const old of (await names()).slice(keep)) await unlink(path.join(dir, old));
        return info(name);
      }),
    list: async () => Promise.all((await names()).map(info)),
    read: async (name) => {
      // The schema checked this already; checked again because this is the line that touches the disk.
      if (!isBackupName(name)) throw new UserFacingError('Not a backup file name.');
      return readFile(path.join(dir, name), 'utf8');
    },
  };
}
