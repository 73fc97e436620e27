import { liveQuery } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { documentIdForText } from '../../../renderer/src/core/text/text-hash';
import { listLibrary } from '../../../renderer/src/db/corpus/library';
import type {
  ImportWorkerMessage,
  ImportWorkerRequest,
} from '../../../renderer/src/session/import/import-messages';
import { freshDb } from '../db/fresh-db';

/**
 * Issue 20 step 2: the app's import (its worker) writes a file's new documents as batch rows, and
 * the page's live library, which listens to the worker's one bulk announcement, shows them. The
 * worker module runs here with `self` and `postMessage` stubbed.
 */
function jsonl(lines: number): Uint8Array {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    const text = `Line ${i}: the council said costs rose ${i % 97}% this year.`;
    const spans = [{ id: `s${i}`, start: 0, end: 4, label: 'claim', text: 'Line', note: '' }];
    const status = i % 5 === 0 ? 'done' : 'todo';
    const record = { schema_version: 1, doc_id: documentIdForText(text), meta: {}, text, title: `Line ${i}` };
    out.push(JSON.stringify({ ...record, annotator: 'ana', status, spans }));
  }
  return new TextEncoder().encode(`${out.join('\n')}\n`);
}

describe('the import worker', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('stores a file of new documents as batch rows, and the live library shows them', async () => {
    const db = await freshDb('import-worker');
    const seen: number[] = [];
    const sub = liveQuery(() => listLibrary(db)).subscribe((rows) => seen.push(rows.length));
    await vi.waitFor(() => expect(seen).toEqual([0]));

    vi.resetModules();
    const replies: ImportWorkerMessage[] = [];
    vi.stubGlobal('self', globalThis);
    vi.stubGlobal('postMessage', (m: ImportWorkerMessage) => replies.push(m));
    await import('../../../renderer/src/session/import/import.worker');
    const send = (m: ImportWorkerRequest) =>
      (globalThis as unknown as { onmessage: (e: { data: ImportWorkerRequest }) => Promise<void> }).onmessage(
        { data: m },
      );
    await send({ kind: 'parse', files: [{ name: 'f.jsonl', bytes: jsonl(600) }], options: {} });
    await send({ kind: 'store', dbName: db.name, annotator: null });

    const stored = replies.find((r) => r.kind === 'stored');
    expect(stored?.kind === 'stored' && stored.outcomes[0]?.stored).toMatchObject({
      documentsAdded: 600,
      spansAdded: 600,
    });
    // 600 documents in 3 rows of at most 256, no per-document row; progress reached the end.
    expect(await db.table('batches').count()).toBe(3);
    for (const t of ['documents', 'texts', 'spans', 'progress']) expect(await db.table(t).count()).toBe(0);
    expect(replies.filter((r) => r.kind === 'progress' && r.phase === 'store').at(-1)).toMatchObject({
      fraction: 1,
    });
    await vi.waitFor(() => expect(seen.at(-1)).toBe(600), { timeout: 30_000 });
    sub.unsubscribe();
    expect((await listLibrary(db)).map((d) => d.title)).toEqual(
      Array.from({ length: 600 }, (_, i) => `Line ${i}`),
    );
  });
});
