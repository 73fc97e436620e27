import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { forEachBatchText, libraryIds, librarySpansOf } from '../../../renderer/src/db/corpus/library-texts';
import { listSpans, readSpans } from '../../../renderer/src/db/repositories/annotations';
import { ANNOTATORS, twoLibraries } from './corpus-mix';

/**
 * Issue 20: what the link suggestions' worker reads (every text, some documents' spans) and the
 * compare panel's live read of another annotator's spans see documents held in batch rows.
 */
describe('texts and spans for suggestions and comparison read documents in batch rows', () => {
  beforeEach(() => void vi.spyOn(Date, 'now').mockReturnValue(1_790_000_000_000));
  afterEach(() => vi.restoreAllMocks());

  for (const edit of [false, true])
    it(edit ? 'with documents moved out and edited' : 'a 300-line library in batches', async () => {
      const { reference, db, ids } = await twoLibraries(300, edit);
      expect(await libraryIds(db)).toEqual(new Set(ids));
      expect(await libraryIds(reference)).toEqual(new Set(ids));
      // Every text, each once per page walk, exactly as stored per document.
      const texts = new Map((await db.texts.toArray()).map((t) => [t.id, t.text]));
      let pages = 0;
      await forEachBatchText(db, (entries) => {
        pages += 1;
        for (const e of entries) texts.set(e.id, e.text);
      });
      expect(pages).toBeGreaterThan(0);
      expect(texts).toEqual(new Map((await reference.texts.toArray()).map((t) => [t.id, t.text])));
      const some = [...ids.slice(0, 5), ids[151]!, ids[152]!, ids[299]!, 'sha256:00nowhere'];
      for (const a of ANNOTATORS) {
        const spans = await librarySpansOf(db, some, a);
        expect(spans).toEqual(await librarySpansOf(reference, some, a));
        expect(spans.has('sha256:00nowhere')).toBe(false);
        for (const id of some.slice(0, -1)) {
          expect(spans.get(id)).toEqual(await listSpans(reference, id, a));
          expect(await readSpans(db, id, a)).toEqual(await readSpans(reference, id, a));
        }
      }
      expect((await readSpans(db, ids[1]!, 'bob')).length).toBe(2);
    });
});
