import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ExportStreams } from '../../../electron/export-streams';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'marginalia-stream-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('ExportStreams (issue 20: exports streamed to the file)', () => {
  it('writes the pieces in order, as UTF-8, and only the finished file appears at the target', async () => {
    const streams = new ExportStreams();
    const target = path.join(dir, 'corpus.jsonl');
    const id = await streams.begin(target);
    // Sent without awaiting each one, as a careless page might: still written in order.
    await Promise.all(['{"a":"😀"}\n', '{"b":"שלום"}\n', '{"c":3}\n'].map((t) => streams.write(id, t)));
    expect(await readdir(dir)).not.toContain('corpus.jsonl');
    expect(await streams.finish(id)).toBe('corpus.jsonl');
    expect(await readFile(target, 'utf8')).toBe('{"a":"😀"}\n{"b":"שלום"}\n{"c":3}\n');
    expect(await readdir(dir)).toEqual(['corpus.jsonl']);
    expect(streams.openCount).toBe(0);
  });

  it('abort leaves no file, and an existing file at the target unchanged', async () => {
    const streams = new ExportStreams();
    const target = path.join(dir, 'keep.jsonl');
    await writeFile(target, 'old\n');
    const id = await streams.begin(target);
    await streams.write(id, 'half a file');
    await streams.abort(id);
    await streams.abort(id);
    expect(await readFile(target, 'utf8')).toBe('old\n');
    expect((await readdir(dir)).filter((n) => n.includes('keep'))).toEqual(['keep.jsonl']);
    await expect(streams.write(id, 'late')).rejects.toThrow('not open');
    await expect(streams.finish(id)).rejects.toThrow('not open');
  });

  it('abortAll deletes the temp files of every unfinished stream (quit mid-export)', async () => {
    const streams = new ExportStreams();
    const ids = await Promise.all(['q1.jsonl', 'q2.jsonl'].map((n) => streams.begin(path.join(dir, n))));
    for (const id of ids) await streams.write(id, 'x');
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toHaveLength(2);
    await streams.abortAll();
    expect((await readdir(dir)).filter((n) => n.startsWith('.q') || n.startsWith('q'))).toEqual([]);
    expect(streams.openCount).toBe(0);
  });
});
