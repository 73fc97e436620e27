import { describe, expect, it } from 'vitest';

import { exportToStrings } from '../../../renderer/src/core/formats/export';
import { documentIdForText } from '../../../renderer/src/core/text/text-hash';
import type { MarginaliaDb } from '../../../renderer/src/db/database';
import { loadExportDataset } from '../../../renderer/src/db/repositories/export-dataset';
import { exportPages } from '../../../renderer/src/db/repositories/export-pages';
import type { SpanRow } from '../../../renderer/src/db/rows';
import { streamNativeExport } from '../../../renderer/src/features/export/streamExport';
import type { ExportSink } from '../../../renderer/src/platform/export-sink';
import { freshDb } from './fresh-db';

/** A sink that records what reached it, as the desktop and web sinks would write it. */
function memorySink() {
  const state = { written: [] as string[], closed: false, aborted: false };
  const sink: ExportSink = {
    write: async (t) => void state.written.push(t),
    close: async () => {
      state.closed = true;
      return 'chosen.jsonl';
    },
    abort: async () => {
      state.aborted = true;
    },
  };
  return { sink, state };
}

const TEXTS = [
  'Prices “rose” 4.1% 😀 in May, the minister said.',
  'שלום world: 𝔘nicode 🙂 everywhere.',
  'Plain text without spans.',
  'Gold 📈 figure of $3.2bn.',
  'A tie in order, first.',
  'A tie in order, second.',
  'The last one, marked done.',
];

/**
 * Seven documents (two sharing an `order`), spans of alice, bob and gold, statuses without spans,
 * and a link of alice's across two documents (written after the last page).
 */
async function library(): Promise<MarginaliaDb> {
  const db = await freshDb('export-stream');
  const ids = TEXTS.map(documentIdForText);
  const orders = [0, 1, 2, 3, 4, 4, 5];
  const tables = [db.documents, db.texts, db.spans, db.spanPacks, db.goldSpans, db.progress, db.links];
  await db.transaction('rw', tables, async () => {
    await db.texts.bulkAdd(TEXTS.map((text, i) => ({ id: ids[i]!, text })));
    await db.documents.bulkAdd(
      TEXTS.map((text, i) => ({
        id: ids[i]!,
        title: `Doc ${i}`,
        length: Array.from(text).length,
        source: 'test',
        meta: i === 1 ? { z: 1, a: [2] } : {},
        order: orders[i]!,
        addedAt: 1,
      })),
    );
    const span = (id: string, doc: number, annotator: string, start: number, end: number): SpanRow => ({
      id,
      docId: ids[doc]!,
      annotator,
      start,
      end,
      label: 'claim',
      note: id === 's2' ? 'a note 😀' : '',
      updatedAt: 1,
    });
    await db.spans.bulkAdd([
      span('s2', 0, 'alice', 20, 25),
      span('s1', 0, 'alice', 0, 6),
      { ...span('s3', 0, 'bob', 7, 12), unsure: true },
      span('s4', 1, 'alice', 12, 19),
      span('s5', 5, 'bob', 2, 5),
    ] as SpanRow[]);
    // Gold has its own table (schema v4); the export shows it as the participant "gold".
    const gold = (id: string, start: number, end: number) => {
      const { annotator: _gold, ...row } = span(id, 3, 'gold', start, end);
      return row;
    };
    await db.goldSpans.bulkAdd([
      {
        ...gold('g2', 5, 7),
        provenance: { proposedBy: ['bob'], decidedBy: 'lead', decidedAt: 'x', action: 'accepted' },
      },
      {
        ...gold('g1', 0, 4),
        provenance: { proposedBy: ['alice'], decidedBy: 'lead', decidedAt: 'y', action: 'edited' },
      },
    ] as never);
    await db.links.add({
      id: 'l1',
      annotator: 'alice',
      relation: 'contradicts',
      from: { docId: ids[1]!, start: 12, end: 19 },
      to: { docId: ids[0]!, start: 0, end: 6 },
      note: 'across 😀',
      updatedAt: 1,
    });
    await db.progress.bulkAdd([
      { docId: ids[6]!, annotator: 'alice', status: 'done', updatedAt: 1 },
      { docId: ids[2]!, annotator: 'bob', status: 'in_progress', updatedAt: 1 },
    ]);
  });
  return db;
}

describe('streamed native export (issue 20)', () => {
  for (const includeUntouched of [false, true])
    for (const withUtf16 of [false, true])
      it(`is byte-identical to the one-shot export (untouched ${includeUntouched}, utf16 ${withUtf16})`, async () => {
        const db = await library();
        const who = ['alice', 'bob', 'gold'];
        const data = await loadExportDataset(db, null, who, includeUntouched);
        const once = exportToStrings(data, {
          format: 'native',
          withUtf16,
          baseName: 'base',
          includeUnannotated: includeUntouched,
        });
        if (!once.ok) throw new Error(once.error.message);
        const { sink, state } = memorySink();
        const progress: number[] = [];
        const out = await streamNativeExport(
          db,
          sink,
          { annotators: who, includeUntouched, withUtf16, fileName: 'base.jsonl' },
          (f) => progress.push(f),
          () => false,
        );
        expect(state.written.join('')).toBe(once.value.files[0]!.text);
        expect(state.written.join('')).toContain('"record":"link"');
        expect(out?.summary).toEqual(once.value.summary);
        expect(out?.savedAs).toBe('chosen.jsonl');
        expect(state.closed && !state.aborted).toBe(true);
        expect(progress.at(-1)).toBe(1);
      });

  it('reads the library in pages of bounded size, never splitting a tie in order', async () => {
    const db = await library();
    const pages = [];
    for await (const p of exportPages(db, ['alice'], true, 2)) pages.push(p.documents.map((d) => d.title));
    // The page ending at order 4 takes both documents of order 4.
    expect(pages).toEqual([['Doc 0', 'Doc 1'], ['Doc 2', 'Doc 3'], ['Doc 4', 'Doc 5'], ['Doc 6']]);
  });

  it('Cancel aborts the file: nothing is closed, nothing kept', async () => {
    const db = await library();
    const { sink, state } = memorySink();
    const out = await streamNativeExport(
      db,
      sink,
      { annotators: ['alice'], includeUntouched: true, withUtf16: false, fileName: 'b.jsonl' },
      () => undefined,
      () => true,
    );
    expect(out).toBeNull();
    expect(state.aborted && !state.closed).toBe(true);
  });

  it('a span outside its text fails the export with its document and span named, and aborts the file', async () => {
    const db = await library();
    const [id] = TEXTS.map(documentIdForText);
    await db.transaction('rw', db.spans, db.spanPacks, () =>
      db.spans.add({
        id: 'bad',
        docId: id!,
        annotator: 'alice',
        start: 3,
        end: 999,
        label: 'quote',
        note: '',
        updatedAt: 1,
      }),
    );
    const { sink, state } = memorySink();
    await expect(
      streamNativeExport(
        db,
        sink,
        { annotators: ['alice'], includeUntouched: false, withUtf16: false, fileName: 'b.jsonl' },
        () => undefined,
        () => false,
      ),
    ).rejects.toThrow(/"Doc 0", span bad: .*outside the text/);
    expect(state.aborted && !state.closed).toBe(true);
  });
});
