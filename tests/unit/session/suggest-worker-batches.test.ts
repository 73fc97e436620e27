import { afterEach, describe, expect, it, vi } from 'vitest';

import type { MarginaliaDb } from '../../../renderer/src/db/database';
import type { SuggestReply, SuggestRequest } from '../../../renderer/src/session/links/suggest-messages';
import { twoLibraries } from '../db/corpus-mix';

/**
 * Issue 20: the link suggestions' worker indexes documents held in batch rows and answers with their
 * titles and texts, as for the same library held per document. The worker module runs here with
 * `self` and `postMessage` stubbed, a fresh copy per library.
 */
async function worker(db: MarginaliaDb) {
  vi.resetModules();
  const replies: SuggestReply[] = [];
  vi.stubGlobal('self', globalThis);
  vi.stubGlobal('postMessage', (m: SuggestReply) => replies.push(m));
  await import('../../../renderer/src/session/links/suggest.worker');
  const send = (m: SuggestRequest) =>
    (globalThis as unknown as { onmessage: (e: { data: SuggestRequest }) => Promise<void> }).onmessage({
      data: m,
    });
  await send({ kind: 'open', dbName: db.name });
  const indexed = () => replies.filter((r) => r.kind === 'progress').at(-1);
  await vi.waitFor(() => expect(indexed()).toEqual({ kind: 'progress', indexed: 300, total: 300 }), {
    timeout: 30_000,
  });
  return { replies, send };
}

describe('the suggestions worker reads documents in batch rows', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  for (const edit of [false, true])
    it(edit ? 'with documents moved out and edited' : 'a 300-line library in batches', async () => {
      vi.spyOn(Date, 'now').mockReturnValue(1_790_000_000_000);
      const { reference, db, ids } = await twoLibraries(300, edit);
      const answers = [];
      for (const x of [reference, db]) {
        const { replies, send } = await worker(x);
        const query = {
          docId: ids[5]!,
          start: 0,
          end: 6,
          annotator: 'carol',
          text: 'costs rose 7% this year',
        };
        await send({ kind: 'query', id: 1, query });
        const result = replies.find((r) => r.kind === 'result');
        expect(result).toBeDefined();
        if (result?.kind !== 'result') return;
        expect(result.suggestions.length).toBeGreaterThan(0);
        for (const s of result.suggestions) expect(s.title).toMatch(/^Line \d+$|^Renamed/);
        answers.push(result.suggestions);
      }
      // Ties rank by index order, which a moved document changes: compare exactly without edits.
      if (!edit) expect(answers[1]).toEqual(answers[0]);
    });
});
