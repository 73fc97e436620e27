import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createBackupStore } from '../../../electron/ipc/handlers/backups';

let dir: string;
beforeEach(async () => {
  dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'marginalia-backups-')), 'backups');
});
afterEach(async () => rm(path.dirname(dir), { recursive: true, force: true }));

const at = (iso: string): Date => new Date(iso);

describe('backup store', () => {
  it('lists nothing before the folder exists', async () => {
    expect(await createBackupStore(dir).list()).toEqual([]);
  });

  it('writes, lists newest first and reads back', async () => {
    const store = createBackupStore(dir);
    const first = await store.write(
      { content: 'one\n', keep: 5, reason: 'interval' },
      at('2025-01-01T00:00:00.000Z'),
    );
    const second = await store.write(
      { content: 'twö\n', keep: 5, reason: 'manual' },
      at('2025-01-02T00:00:00.000Z'),
    );
    expect(first).toEqual({
      name: 'marginalia-backup-2025-01-01T00-00-00-000Z-interval.jsonl',
      bytes: 4,
      writtenAt: '2025-01-01T00:00:00.000Z',
    });
    expect(second.bytes).toBe(5);
    expect((await store.list()).map((b) => b.name)).toEqual([second.name, first.name]);
    expect(await store.read(second.name)).toBe('twö\n');
  });

  it('keeps only the newest N, and ignores files that are not backups', async () => {
    const store = createBackupStore(dir);
    for (let day = 1; day <= 5; day++) {
      await store.write(
        { content: `${day}`, keep: 3, reason: 'interval' },
        at(`2025-01-0${day}T00:00:00.000Z`),
      );
    }
    await writeFile(path.join(dir, 'notes.txt'), 'mine');
    const names = (await store.list()).map((b) => b.writtenAt);
    expect(names).toEqual([
      '2025-01-05T00:00:00.000Z',
      '2025-01-04T00:00:00.000Z',
      '2025-01-03T00:00:00.000Z',
    ]);
    expect((await readdir(dir)).sort()).toContain('notes.txt');
  });

  it('never overwrites a backup written in the same millisecond', async () => {
    const store = createBackupStore(dir);
    const now = at('2025-01-01T00:00:00.000Z');
    const results = await Promise.all(
      ['a', 'b', 'c'].map((content) => store.write({ content, keep: 10, reason: 'manual' }, now)),
    );
    expect(new Set(results.map((r) => r.name)).size).toBe(3);
    expect((await Promise.all(results.map((r) => store.read(r.name)))).sort()).toEqual(['a', 'b', 'c']);
  });

  it('refuses names outside the backup pattern even if called directly', async () => {
    const store = createBackupStore(dir);
    await expect(store.read('../../etc/passwd')).rejects.toThrow('Not a backup file name.');
  });

  it('leaves no temp files behind', async () => {
    const store = createBackupStore(dir);
    await store.write({ content: 'x', keep: 2, reason: 'quit' });
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
