import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { invertLinkCommand, type LinkCommand } from '../../../renderer/src/core/links/commands';
import type { Link } from '../../../renderer/src/core/links/link';
import type { MarginaliaDb } from '../../../renderer/src/db/database';
import { applyLinkCommand, linksOfDocument } from '../../../renderer/src/db/repositories/links';
import { sameAsReference, twoShapes } from './batch-writers';

/**
 * Issue 20: a link's ends are checked against the documents and spans as stored; an end held only
 * in a batch row moves to per-document rows first, in the link's transaction.
 */
describe('a link whose ends are documents held in batch rows', () => {
  beforeEach(() => void vi.spyOn(Date, 'now').mockReturnValue(1_790_000_000_000));
  afterEach(() => vi.restoreAllMocks());

  it('is checked and stored as per document, with a span it makes; its undo too', async () => {
    const { reference, db, ids, batchRows } = await twoShapes(20);
    // bob's "Line" spans (0-4) on documents 1 and 4, as the import stored them.
    const link: Link = {
      id: 'l1',
      annotator: 'bob',
      relation: 'contradicts',
      from: { docId: ids[1]!, start: 0, end: 4 },
      to: { docId: ids[4]!, start: 0, end: 4 },
      note: '',
    };
    const made: LinkCommand = {
      kind: 'create_link',
      link: { ...link, id: 'l2', to: { docId: ids[7]!, start: 10, end: 15 } },
      spans: [{ docId: ids[7]!, span: { id: 'made', start: 10, end: 15, label: 'claim', note: '' } }],
    };
    const run = async (cmd: LinkCommand) => {
      for (const x of [db, reference]) await applyLinkCommand(x, cmd);
    };
    await run({ kind: 'create_link', link });
    await run(made);
    await sameAsReference(db, reference, batchRows, ids);
    expect((await linksOfDocument(db, ids[1]!, 'bob')).map((l) => l.id)).toEqual(['l1', 'l2']);
    await run(invertLinkCommand(made));
    await sameAsReference(db, reference, batchRows, ids);
  });

  it('an end that is no span of the batch document is refused, as per document', async () => {
    const { reference, db, ids, batchRows } = await twoShapes(10);
    const link: Link = {
      id: 'bad',
      annotator: 'bob',
      relation: 'supports',
      from: { docId: ids[1]!, start: 0, end: 4 },
      to: { docId: ids[4]!, start: 1, end: 3 },
      note: '',
    };
    const refusal = async (x: MarginaliaDb) =>
      applyLinkCommand(x, { kind: 'create_link', link }).then(
        () => 'stored',
        (e: Error) => e.message,
      );
    expect(await refusal(db)).toBe(await refusal(reference));
    expect(await db.documents.count()).toBe(0);
    await sameAsReference(db, reference, batchRows, ids);
  });
});
