import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { publicErrorMessage, UserFacingError } from '../../../electron/ipc/errors';
import { readImportFiles } from '../../../electron/ipc/handlers/read-files';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'marginalia-read-'));
  await writeFile(path.join(dir, 'a.txt'), '𝔘nicode 😀 test\r\n');
  await writeFile(path.join(dir, 'b.jsonl'), new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]));
  await mkdir(path.join(dir, 'folder.txt'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('readImportFiles', () => {
  it('returns base names and exact bytes, never paths', async () => {
    const files = await readImportFiles([path.join(dir, 'a.txt'), path.join(dir, 'b.jsonl')]);
    expect(files.map((f) => f.name)).toEqual(['a.txt', 'b.jsonl']);
    expect(new TextDecoder().decode(files[0]?.bytes)).toBe('𝔘nicode 😀 test\r\n');
    expect([...(files[1]?.bytes ?? [])]).toEqual([0xef, 0xbb, 0xbf, 0x7b, 0x7d]);
    // A fresh buffer per file, so IPC never ships a pooled neighbour's bytes.
    expect(files[1]?.bytes.buffer.byteLength).toBe(5);
    expect(JSON.stringify(files.map((f) => f.name))).not.toContain(dir);
  });

  it('refuses folders with a message that has no path in it', async () => {
    const error = await readImportFiles([path.join(dir, 'folder.txt')]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserFacingError);
    expect(publicErrorMessage(error)).toBe('"folder.txt" is not a regular file.');
  });

  it('maps Node errors to messages without the path', async () => {
    const error = await readImportFiles([path.join(dir, 'missing.txt')]).catch((e: unknown) => e);
    expect(publicErrorMessage(error)).toBe('The file or folder no longer exists.');
    expect(publicErrorMessage(new Error(`EACCES: open '${dir}'`))).not.toContain(dir);
    expect(publicErrorMessage(null)).toMatch(/Unexpected error/);
  });
});
