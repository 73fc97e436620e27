import { describe, expect, it } from 'vitest';

import type { Span } from '../../../renderer/src/core/model/span';
import {
  applyAnnotationCommand,
  listSpans,
  SpanConflictError,
} from '../../../renderer/src/db/repositories/annotations';
import { freshDb } from './fresh-db';

const s: Span = { id: 's1', start: 0, end: 7, label: 'claim', note: '' };

// Issue 14 break 3: writes are checked against the stored row, never a blind whole-row overwrite.
describe.each([
  ['with a span pack', true],
  ['without a span pack', false],
])('span writes from a stale view (%s)', (_, packed) => {
  async function setup() {
    const db = await freshDb();
    await applyAnnotationCommand(db, 'doc', 'alice', { kind: 'create', span: s });
    if (packed) await listSpans(db, 'doc', 'alice');
    else await db.spanPacks.clear();
    // Another window adds a note.
    await applyAnnotationCommand(db, 'doc', 'alice', {
      kind: 'update',
      before: s,
      after: { ...s, note: 'from B' },
    });
    return db;
  }

  it('a relabel and its undo keep the note written elsewhere (rows and pack agree)', async () => {
    const db = await setup();
    const quote = { ...s, label: 'quote' as const };
    await applyAnnotationCommand(db, 'doc', 'alice', { kind: 'update', before: s, after: quote });
    expect(await listSpans(db, 'doc', 'alice')).toEqual([{ ...quote, note: 'from B' }]);
    await applyAnnotationCommand(db, 'doc', 'alice', { kind: 'update', before: quote, after: s });
    expect(await listSpans(db, 'doc', 'alice')).toEqual([{ ...s, note: 'from B' }]);
    expect((await db.spans.get('s1'))?.note).toBe('from B');
  });

  it('an edit that clashes with a field changed elsewhere is refused, nothing written', async () => {
    const db = await setup();
    const before = await db.spans.toArray();
    await expect(
      applyAnnotationCommand(db, 'doc', 'alice', {
        kind: 'update',
        before: s,
        after: { ...s, note: 'from A' },
      }),
    ).rejects.toThrow(SpanConflictError);
    expect(await db.spans.toArray()).toEqual(before);
    expect(await listSpans(db, 'doc', 'alice')).toEqual([{ ...s, note: 'from B' }]);
  });

  it('an edit of a span deleted elsewhere writes it back: nothing typed is lost', async () => {
    const db = await setup();
    const current = { ...s, note: 'from B' };
    await applyAnnotationCommand(db, 'doc', 'alice', { kind: 'delete', span: current });
    const quote = { ...current, label: 'quote' as const };
    await applyAnnotationCommand(db, 'doc', 'alice', { kind: 'update', before: current, after: quote });
    expect(await listSpans(db, 'doc', 'alice')).toEqual([quote]);
  });
});
