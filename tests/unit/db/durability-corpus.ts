import type { MarginaliaDb } from '../../../renderer/src/db/database';
import { applyAnnotationCommand } from '../../../renderer/src/db/repositories/annotations';
import { addDocuments } from '../../../renderer/src/db/repositories/documents';
import { setStatus } from '../../../renderer/src/db/repositories/progress';
import { setScrollPosition, setSetting } from '../../../renderer/src/db/repositories/settings';
import type { Label } from '../../../renderer/src/core/model/labels';

export const ASTRAL = '𝔘nicode 😀 test: the 👩‍👩‍👧 family said "prices rose 3.5%" 𝒳.\nSecond line ü ñ.';
export const PLAIN = 'A plain article about the council budget.\nIt may rise, officials speculated.';
export const UNTOUCHED = 'Nobody has annotated this one yet.';

/**
 * A small database exercising what backups must keep: astral characters, overlapping and nested
 * spans, notes, an unsure span, two annotators plus gold, statuses and settings, and a document
 * without any annotation.
 */
export async function fillCorpus(db: MarginaliaDb): Promise<void> {
  const { ids } = await addDocuments(db, [
    { text: ASTRAL, source: 'test:astral', meta: { outlet: 'Example', tags: ['a', 'b'] } },
    { text: PLAIN, source: 'test:plain' },
    { text: UNTOUCHED, source: 'test:untouched' },
  ]);
  const [astral, plain] = ids as [string, string, string];
  const span = (id: string, start: number, end: number, label: Label, note = '', unsure = false) => ({
    kind: 'create' as const,
    span: { id, start, end, label, note, ...(unsure ? { unsure: true as const } : {}) },
  });
  await applyAnnotationCommand(db, astral, 'alice', span('a1', 0, 7, 'claim', 'astral start 😀'));
  await applyAnnotationCommand(db, astral, 'alice', span('a2', 0, 9, 'quote'));
  await applyAnnotationCommand(db, astral, 'alice', span('a3', 40, 57, 'figure', '', true));
  await applyAnnotationCommand(db, astral, 'bob', span('b1', 8, 9, 'speculation', 'emoji only'));
  await applyAnnotationCommand(db, plain, 'alice', span('a4', 2, 41, 'claim'));
  await applyAnnotationCommand(db, plain, 'alice', span('a5', 2, 7, 'figure', 'nested'));
  // Gold (its own tables since schema v4): a span whose provenance has no native-record field, and
  // a rejected decision; backups must keep both.
  await db.transaction('rw', db.goldSpans, db.decisions, async () => {
    await db.goldSpans.put({
      id: 'g1',
      docId: astral,
      start: 0,
      end: 9,
      label: 'quote',
      note: 'adjudicated',
      updatedAt: Date.now(),
      provenance: {
        proposedBy: ['alice'],
        decidedBy: 'carol',
        decidedAt: '2025-01-01T00:00:00.000Z',
        action: 'accepted',
        decision: 'd1',
      },
    });
    await db.decisions.put({
      docId: plain,
      decision: 'd2',
      decidedBy: 'carol',
      decidedAt: '2025-01-01T00:01:00.000Z',
      reason: 'guideline_gap',
    });
  });
  await setStatus(db, astral, 'alice', 'done');
  await setStatus(db, plain, 'alice', 'in_progress');
  await setStatus(db, plain, 'bob', 'todo');
  await setSetting(db, 'annotator', 'alice');
  await setSetting(db, 'lastDocId', plain);
  await setScrollPosition(db, astral, 120);
}
