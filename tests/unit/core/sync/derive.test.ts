import { describe, expect, it } from 'vitest';

import { deriveSpanSet, liveSpans, type LocalSpan } from '../../../../renderer/src/core/sync/derive';
import { mergeSpanSets } from '../../../../renderer/src/core/sync/merge';
import type { SpanSetDoc } from '../../../../renderer/src/core/sync/span-set';
import { validateSpanSet } from '../../../../renderer/src/core/sync/validate';

const DOC = `sha256:${'a'.repeat(64)}`;
const ctx = (replica: string, now = 5_000) => ({ docId: DOC, annotator: 'alice', replica, now });
const row = (id: string, start: number, end: number, updatedAt: number, note = ''): LocalSpan => ({
  id,
  start,
  end,
  label: 'claim',
  note,
  updatedAt,
});

describe('deriveSpanSet: the set a replica holds, from its rows and the last synced copy', () => {
  it('a new set: every span stamped by this replica; nothing to push for an untouched "to do" document', () => {
    expect(deriveSpanSet(null, [], null, ctx('r1')).changed).toBe(false);
    const d = deriveSpanSet(null, [row('s1', 0, 4, 1_000)], null, ctx('r1'));
    expect(d.changed).toBe(true);
    expect(d.doc.spans['s1']).toEqual({
      start: 0,
      end: 4,
      label: 'claim',
      note: '',
      updated_at: 1_000,
      by: 'r1',
    });
    expect(validateSpanSet(d.doc).ok).toBe(true);
  });

  it('unchanged rows keep the base version (no push); a changed, added or deleted span is a new version', () => {
    const base = {
      ...deriveSpanSet(
        null,
        [row('s1', 0, 4, 1_000), row('s2', 5, 9, 1_000)],
        { value: 'in_progress', updatedAt: 1_000 },
        ctx('r1'),
      ).doc,
      _rev: '1-x',
    } as SpanSetDoc;
    const same = deriveSpanSet(
      base,
      [row('s1', 0, 4, 1_000), row('s2', 5, 9, 1_000)],
      { value: 'in_progress', updatedAt: 1_000 },
      ctx('r2'),
    );
    expect(same.changed).toBe(false);
    expect(same.changes).toBe(0);
    expect(same.doc).toEqual(base);

    const d = deriveSpanSet(
      base,
      [row('s1', 0, 4, 1_000, 'edited'), row('s3', 10, 12, 2_000)],
      { value: 'in_progress', updatedAt: 1_000 },
      ctx('r2', 7_000),
    );
    expect(d.changed).toBe(true);
    // One edited, one deleted, one added: the header's "3 changes waiting".
    expect(d.changes).toBe(3);
    expect(d.doc._rev).toBe('1-x');
    expect(d.doc.spans['s1']).toMatchObject({ note: 'edited', by: 'r2' });
    expect(d.doc.spans['s2']).toEqual({ deleted: true, updated_at: 7_000, by: 'r2' });
    expect(d.doc.spans['s3']).toMatchObject({ start: 10, by: 'r2' });
    // Rows written from a set derive back to the same set.
    const rows = liveSpans(d.doc).map((s) => ({ ...s, updatedAt: s.updated_at }));
    expect(deriveSpanSet(d.doc, rows, { value: 'in_progress', updatedAt: 1_000 }, ctx('r3')).changed).toBe(
      false,
    );
  });

  it('counts a status change alone as one change, and not beside the label that set it', () => {
    const first = deriveSpanSet(
      null,
      [row('s1', 0, 4, 1_000)],
      { value: 'in_progress', updatedAt: 1_000 },
      ctx('r1'),
    );
    expect(first.changes).toBe(1);
    const done = deriveSpanSet(
      { ...first.doc, _rev: '1-x' } as SpanSetDoc,
      [row('s1', 0, 4, 1_000)],
      { value: 'done', updatedAt: 2_000 },
      ctx('r1'),
    );
    expect(done.changes).toBe(1);
  });

  it('a new version is newer than the one it replaces even when this clock is behind', () => {
    const base = deriveSpanSet(null, [row('s1', 0, 4, 9_000)], null, ctx('fast')).doc;
    const d = deriveSpanSet(base, [row('s1', 0, 5, 100)], null, ctx('slow', 50));
    expect(d.doc.spans['s1']?.updated_at).toBe(9_001);
    const gone = deriveSpanSet(base, [], null, ctx('slow', 50));
    expect(gone.doc.spans['s1']).toEqual({ deleted: true, updated_at: 9_001, by: 'slow' });
  });

  it('two machines from one base merge span by span, deletions included, and the loser of a span both changed is kept in history', () => {
    const base = deriveSpanSet(
      null,
      [row('s1', 0, 4, 1_000), row('s2', 5, 9, 1_000), row('s3', 10, 12, 1_000)],
      null,
      ctx('r0'),
    ).doc;
    const a = deriveSpanSet(
      base,
      [row('s2', 5, 9, 1_000), row('s3', 10, 12, 3_000, 'a says')],
      null,
      ctx('a', 3_000),
    ).doc;
    const b = deriveSpanSet(
      base,
      [
        row('s1', 0, 4, 1_000),
        row('s2', 5, 9, 1_000),
        row('s3', 10, 12, 4_000, 'b says'),
        row('s4', 20, 22, 4_000),
      ],
      null,
      ctx('b', 4_000),
    ).doc;
    const m = mergeSpanSets(a, b, base);
    expect(m.spans['s1']).toMatchObject({ deleted: true, by: 'a' });
    expect(m.spans['s3']).toMatchObject({ note: 'b says', history: [{ note: 'a says' }] });
    expect(Object.keys(m.spans).sort()).toEqual(['s1', 's2', 's3', 's4']);
    expect(
      liveSpans(m)
        .map((s) => s.id)
        .sort(),
    ).toEqual(['s2', 's3', 's4']);
  });

  it('the status is a register: changed here, a new version; back to the base value, the base version', () => {
    const base = deriveSpanSet(null, [], { value: 'done', updatedAt: 2_000 }, ctx('r1')).doc;
    expect(base.status).toEqual({ value: 'done', updated_at: 2_000, by: 'r1' });
    expect(deriveSpanSet(base, [], { value: 'done', updatedAt: 2_000 }, ctx('r2')).changed).toBe(false);
    const d = deriveSpanSet(base, [], { value: 'in_progress', updatedAt: 1_000 }, ctx('r2'));
    expect(d.doc.status).toEqual({ value: 'in_progress', updated_at: 2_001, by: 'r2' });
  });
});
