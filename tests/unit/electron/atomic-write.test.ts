import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { writeFileAtomic } from '../../../electron/atomic-write';
import { hasPendingWrites, settlePendingWrites, trackWrite } from '../../../electron/pending-writes';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'marginalia-atomic-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('creates and replaces a file, byte for byte', async () => {
    const target = path.join(dir, 'export.jsonl');
    await writeFileAtomic(target, 'old\n');
    await writeFileAtomic(target, '{"text":"𝔘nicode 😀"}\n');
    expect(await readFile(target, 'utf8')).toBe('{"text":"𝔘nicode 😀"}\n');
    await writeFileAtomic(target, new Uint8Array([0, 255, 10]));
    expect([...(await readFile(target))]).toEqual([0, 255, 10]);
    expect(await readdir(dir)).toEqual(['export.jsonl']);
  });

  it('leaves the old contents and no temp file when the final rename fails', async () => {
    await writeFile(path.join(dir, 'keep.jsonl'), 'precious');
    // A non-empty folder at the target: the temp file is written, then the rename over it fails.
    const target = path.join(dir, 'occupied');
    await mkdir(target);
    await writeFile(path.join(target, 'inside.txt'), 'x');
    await expect(writeFileAtomic(target, 'new')).rejects.toThrow();
    expect(await readFile(path.join(dir, 'keep.jsonl'), 'utf8')).toBe('precious');
    expect((await readdir(dir)).sort()).toEqual(['keep.jsonl', 'occupied']);
  });

  it('fails cleanly when the folder does not exist', async () => {
    await expect(writeFileAtomic(path.join(dir, 'missing', 'a.txt'), 'x')).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });
});

describe('pending writes', () => {
  it('lets quit wait for writes in flight, including failed ones', async () => {
    let finish: () => void = () => undefined;
    const slow = trackWrite(new Promise<void>((r) => (finish = r)));
    const failing = trackWrite(Promise.reject(new Error('disk full')));
    await expect(failing).rejects.toThrow('disk full');
    expect(hasPendingWrites()).toBe(true);
    setTimeout(finish, 20);
    await settlePendingWrites(5_000);
    await slow;
    expect(hasPendingWrites()).toBe(false);
  });

  it('gives up at the deadline instead of hanging quit forever', async () => {
    void trackWrite(new Promise(() => undefined));
    const started = Date.now();
    await settlePendingWrites(50);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
