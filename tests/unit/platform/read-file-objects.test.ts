import { File } from 'node:buffer';

import { describe, expect, it } from 'vitest';

import {
  MAX_IMPORT_FILE_BYTES,
  MAX_IMPORT_TOTAL_BYTES,
} from '../../../renderer/src/core/formats/import-limits';
import { MAX_IMPORT_TOTAL_BYTES as DESKTOP_TOTAL } from '../../../electron/ipc/handlers/read-files';
import { type NamedBlob, readFileObjects } from '../../../renderer/src/platform/read-file-objects';

/** A file that reports a size and must never be read. */
const huge = (name: string, size: number): NamedBlob => ({
  name,
  size,
  arrayBuffer: () => Promise.reject(new Error(`${name} was read`)),
});

describe('readFileObjects (dropped or picked files, read in the page)', () => {
  it('returns names and exact bytes', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]);
    const r = await readFileObjects([new File(['𝔘nicode 😀\r\n'], 'a.txt'), new File([bytes], 'b.jsonl')]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.map((f) => f.name)).toEqual(['a.txt', 'b.jsonl']);
    expect(new TextDecoder().decode(r.value[0]?.bytes)).toBe('𝔘nicode 😀\r\n');
    expect([...(r.value[1]?.bytes ?? [])]).toEqual([...bytes]);
  });

  it('refuses a file over the import limit by its size, before reading anything', async () => {
    const r = await readFileObjects([
      new File(['x'], 'small.txt'),
      huge('big.jsonl', MAX_IMPORT_FILE_BYTES + 1),
    ]);
    expect(r).toEqual({ ok: false, error: '"big.jsonl" is 256.0 MiB, over the import limit of 256 MiB.' });
  });

  it('refuses files over the total limit together, before reading anything', async () => {
    const r = await readFileObjects([
      huge('a.jsonl', MAX_IMPORT_FILE_BYTES),
      huge('b.jsonl', MAX_IMPORT_FILE_BYTES),
      huge('c.jsonl', 1),
    ]);
    expect(r).toEqual({ ok: false, error: 'The files are larger than 512 MiB together.' });
    expect(MAX_IMPORT_TOTAL_BYTES).toBe(DESKTOP_TOTAL);
  });

  it('a file that cannot be read (moved since the drop) is an error value, not a throw', async () => {
    const gone: NamedBlob = {
      name: 'gone.txt',
      size: 3,
      arrayBuffer: () => Promise.reject(new DOMException('x', 'NotFoundError')),
    };
    expect(await readFileObjects([gone])).toEqual({
      ok: false,
      error: 'A file could not be read (NotFoundError).',
    });
  });
});
