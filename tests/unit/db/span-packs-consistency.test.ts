import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { AnnotationCommand } from '../../../renderer/src/core/commands/annotate';
import { GOLD_ANNOTATOR, type GoldSpan } from '../../../renderer/src/core/model/gold';
import { LABELS } from '../../../renderer/src/core/model/labels';
import { sameExtentAndLabel, type Span } from '../../../renderer/src/core/model/span';
import { checkSnapshot } from '../../../renderer/src/core/backup/backup-rules';
import type { DatabaseSnapshot } from '../../../renderer/src/core/backup/snapshot';
import { MarginaliaDb } from '../../../renderer/src/db/database';
import { applyAdjudicationStep } from '../../../renderer/src/db/repositories/adjudication';
import {
  applyAnnotationCommand,
  DuplicateSpanError,
  listSpans,
} from '../../../renderer/src/db/repositories/annotations';
import { addDocuments } from '../../../renderer/src/db/repositories/documents';
import { storeImport } from '../../../renderer/src/db/repositories/import';
import { replaceAllData } from '../../../renderer/src/db/repositories/restore';
import { readSnapshot } from '../../../renderer/src/db/snapshot';
import { expectPacksFresh, truth } from './span-pack-truth';

/**
 * The property that matters: whatever sequence of writes the app's repository functions make, with
 * or without a pack present, every stored pack equals its set's rows after each write, listSpans
 * equals the rows, and a command's duplicate refusal is the one the row scan would give.
 */
const ANNOTATORS = ['alice', 'bob', GOLD_ANNOTATOR] as const;
/** Few ids, shared by every set, so writes collide across documents and annotators (a put moves a row). */
const IDS = ['s1', 's2', 'a|b', '😀'] as const;
const PROVENANCE = {
  proposedBy: ['alice'],
  decidedBy: 'carol',
  decidedAt: '2025-01-01T00:00:00.000Z',
  action: 'accepted' as const,
  decision: 'd1',
};

const span: fc.Arbitrary<Span> = fc
  .record({
    id: fc.constantFrom(...IDS),
    start: fc.nat({ max: 4 }),
    len: fc.nat({ max: 2 }),
    label: fc.constantFrom(...LABELS),
    note: fc.constantFrom('', 'n', '😀 note'),
    unsure: fc.boolean(),
  })
  .map(({ id, start, len, label, note, unsure }) => ({
    id,
    start,
    end: start + len,
    label,
    note,
    ...(unsure ? { unsure: true } : {}),
  }));

const set = fc.record({ doc: fc.nat({ max: 1 }), annotator: fc.constantFrom(...ANNOTATORS) });

/** Opens (list) and labelling commands weigh most: they are what builds and rewrites packs. */
const op = fc.oneof(
  { weight: 3, arbitrary: fc.record({ k: fc.constant('list' as const), set }) },
  {
    weight: 4,
    arbitrary: fc.record({
      k: fc.constantFrom('create' as const, 'update' as const, 'delete' as const),
      set,
      span,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ k: fc.constant('import' as const), set, spans: fc.array(span, { maxLength: 4 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('gold' as const),
      doc: fc.nat({ max: 1 }),
      commands: fc.array(fc.record({ kind: fc.constantFrom('create' as const, 'delete' as const), span }), {
        maxLength: 3,
      }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constantFrom('snapshot' as const, 'restore' as const) }) },
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

let n = 0;

async function run(
  db: MarginaliaDb,
  docs: readonly string[],
  o: Op,
  saved: { snap: DatabaseSnapshot | null },
) {
  switch (o.k) {
    case 'list': {
      const docId = docs[o.set.doc] as string;
      expect(await listSpans(db, docId, o.set.annotator)).toStrictEqual(
        await truth(db, docId, o.set.annotator),
      );
      return;
    }
    case 'create':
    case 'update':
    case 'delete': {
      const docId = docs[o.set.doc] as string;
      const cmd: AnnotationCommand =
        o.k === 'update' ? { kind: 'update', before: o.span, after: o.span } : { kind: o.k, span: o.span };
      // The duplicate rule as the row scan applies it: the first equal span in index order (by id).
      const rows = await db.spans.where('[docId+annotator]').equals([docId, o.set.annotator]).toArray();
      const first = rows.find((r) => sameExtentAndLabel(r, o.span));
      const refused = await applyAnnotationCommand(db, docId, o.set.annotator, cmd).then(
        () => false,
        (e: unknown) => {
          if (e instanceof DuplicateSpanError) return true;
          throw e;
        },
      );
      expect(refused).toBe(o.k === 'create' && first !== undefined && first.id !== o.span.id);
      return;
    }
    case 'import': {
      const annotations = [{ docId: docs[o.set.doc] as string, annotator: o.set.annotator, spans: o.spans }];
      await storeImport(db, { documents: [], annotations }, null, () => `fresh-${n++}`);
      return;
    }
    case 'gold': {
      const commands = o.commands.map((c) => ({
        kind: c.kind,
        span: { ...c.span, provenance: PROVENANCE } as GoldSpan,
      }));
      await applyAdjudicationStep(db, docs[o.doc] as string, {
        description: '',
        commands,
        rejected: [],
        unrejected: [],
      });
      return;
    }
    case 'snapshot':
      saved.snap = await readSnapshot(db, db.verno);
      return;
    case 'restore': {
      const snap = saved.snap ?? (await readSnapshot(db, db.verno));
      // Generated spans may be empty (start = end), which no restore stores: refused, nothing changes.
      if (!checkSnapshot(snap).ok) {
        const before = await readSnapshot(db, db.verno);
        await expect(replaceAllData(db, snap)).rejects.toThrow();
        expect(await readSnapshot(db, db.verno)).toStrictEqual(before);
        return;
      }
      await replaceAllData(db, snap);
      return;
    }
  }
}

describe('span packs stay equal to the span rows', () => {
  it('after any sequence of annotation, import, adjudication and restore writes, pack or no pack', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 30 }), async (ops) => {
        const db = new MarginaliaDb(`packs-${process.pid}-${n++}`);
        try {
          const { ids: docs } = await addDocuments(db, [
            { text: 'First 😀 article text.', source: 't' },
            { text: 'Second article.', source: 't' },
          ]);
          const saved = { snap: null as DatabaseSnapshot | null };
          for (const o of ops) {
            await run(db, docs, o, saved);
            await expectPacksFresh(db);
          }
          for (const pass of ['maybe packed', 'packed']) {
            for (const docId of docs) {
              for (const a of ANNOTATORS) {
                expect(await listSpans(db, docId, a), pass).toStrictEqual(await truth(db, docId, a));
              }
            }
          }
          expect(await db.spanPacks.count()).toBe(docs.length * ANNOTATORS.length);
        } finally {
          await db.delete();
        }
      }),
      { numRuns: 100 },
    );
  });
});
