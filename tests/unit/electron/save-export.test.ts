import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { writeChosenExport } from '../../../electron/ipc/handlers/save-export';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'marginalia-save-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('writeChosenExport', () => {
  it('writes where the dialog said and tells the page only the file name (issue 14)', async () => {
    const target = path.join(dir, 'marginalia-alice.jsonl');
    const r = await writeChosenExport(
      { suggestedName: 'x.jsonl', content: '{"a":1}\n' },
      { canceled: false, filePath: target },
    );
    expect(r).toEqual({ saved: true, fileName: 'marginalia-alice.jsonl' });
    expect(JSON.stringify(r)).not.toContain(dir);
    expect(await readFile(target, 'utf8')).toBe('{"a":1}\n');
  });

  it('writes bytes exactly', async () => {
    const target = path.join(dir, 'brat.zip');
    const bytes = new Uint8Array([80, 75, 3, 4, 0, 255]);
    await writeChosenExport(
      { suggestedName: 'brat.zip', content: bytes },
      { canceled: false, filePath: target },
    );
    expect([...(await readFile(target))]).toEqual([...bytes]);
  });

  it('a cancelled dialog writes nothing', async () => {
    const before = await readdir(dir);
    expect(await writeChosenExport({ suggestedName: 'a.jsonl', content: 'x' }, { canceled: true })).toEqual({
      saved: false,
    });
    expect(
      await writeChosenExport({ suggestedName: 'a.jsonl', content: 'x' }, { canceled: false, filePath: '' }),
    ).toEqual({
      saved: false,
    });
    expect(await readdir(dir)).toEqual(before);
  });
});
