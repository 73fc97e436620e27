import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { build } from 'esbuild';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { readBackupEnvelope } from '../../../renderer/src/core/backup/backup-read';
import { serializeBackup } from '../../../renderer/src/core/backup/backup-file';
import { createBackupStore } from '../../../electron/ipc/handlers/backups';

/**
 * Rotation and crash safety of the desktop backup folder, against Electron main's real handler
 * (electron/ipc/handlers/backups.ts + atomic-write.ts), with backups made by the real serializer.
 */
let root: string;
let dir: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'marginalia-rotation-'));
  dir = path.join(root, 'backups');
});
afterEach(async () => rm(root, { recursive: true, force: true }));

const backupOf = (i: number): string =>
  serializeBackup(
    {
      schemaVersion: 1,
      documents: [],
      annotations: [],
      statuses: [],
      settings: { n: i },
      spanExtras: {},
      extraTables: {},
    },
    { createdAt: new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString(), reason: 'interval', appVersion: 't' },
  ).content;

describe('backup rotation', () => {
  it('keeps exactly N, the newest, for several values of N', async () => {
    for (const keep of [1, 3, 20]) {
      const store = createBackupStore(path.join(dir, String(keep)));
      for (let i = 0; i < keep + 7; i++)
        await store.write(
          { content: backupOf(i), keep, reason: 'interval' },
          new Date(Date.UTC(2025, 0, 1, 0, 0, i)),
        );
      const list = await store.list();
      expect(list).toHaveLength(keep);
      const newest = await store.read(list[0]?.name ?? '');
      expect(newest).toBe(backupOf(keep + 6));
      expect(readBackupEnvelope(newest).ok).toBe(true);
    }
  });

  it('a process killed while writing a backup leaves the previous backups intact and readable', async () => {
    const store = createBackupStore(dir);
    for (let i = 0; i < 3; i++)
      await store.write(
        { content: backupOf(i), keep: 20, reason: 'interval' },
        new Date(Date.UTC(2025, 0, 1, 0, 0, i)),
      );
    const before = await Promise.all(
      (await store.list()).map(async (b) => [b.name, await store.read(b.name)]),
    );
    // The real handler, bundled for a plain Node child that we SIGKILL mid-write.
    const bundle = path.join(root, 'writer.mjs');
    await build({
      stdin: {
        contents: `import { createBackupStore } from ${JSON.stringify(path.resolve('electron/ipc/handlers/backups.ts'))};
          const big = 'x'.repeat(64 * 1024 * 1024);
          process.stdout.write('start\\n');
          await createBackupStore(process.argv[2]).write({ content: big, keep: 2, reason: 'quit' });
          process.stdout.write('done\\n');`,
        resolveDir: process.cwd(),
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: bundle,
      logLevel: 'silent',
    });
    let interrupted = 0;
    let names = before.map(([n]) => n).join('|');
    for (const delay of [0, 5, 20, 60]) {
      const child = spawn(process.execPath, [bundle, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      const after = await store.list();
      // Either the kill came first (old backups all there) or the write completed and pruned to 2:
      // never a torn backup file, and every listed backup reads back whole.
      for (const b of after) {
        const text = await store.read(b.name);
        if (b.name.endsWith('-quit.jsonl')) expect(text.length).toBe(64 * 1024 * 1024);
        else expect(before).toContainEqual([b.name, text]);
      }
      const now = after.map((b) => b.name).join('|');
      if (now === names) interrupted++;
      names = now;
    }
    // Leftover temp files are hidden and never listed as backups.
    expect((await readdir(dir)).filter((f) => !f.startsWith('.')).length).toBe((await store.list()).length);
    // At least one kill landed mid-write (otherwise this test proved nothing).
    expect(interrupted).toBeGreaterThan(0);
  }, 60_000);
});
