import { describe, expect, it } from 'vitest';

import {
  applyAnnotationCommand,
  DuplicateSpanError,
  listSpans,
} from '../../../renderer/src/db/repositories/annotations';
import { countSpansByDocument } from '../../../renderer/src/db/repositories/span-counts';
import {
  addDocuments,
  getDocument,
  listDocuments,
  seedOnFirstRun,
} from '../../../renderer/src/db/repositories/documents';
import { exportAnnotatorLines } from '../../../renderer/src/db/repositories/export';
import { listStatuses, setStatus } from '../../../renderer/src/db/repositories/progress';
import { documentIdForText } from '../../../renderer/src/core/text/text-hash';
import { freshDb } from './fresh-db';

const seeds = [
  { name: '001.txt', raw: 'Second\r\nbody' },
  { name: '000.txt', raw: '\ufeffFirst article title\nBody 😀' },
];

describe('documents repository', () => {
  it('seeds once, in file-name order, with normalised text and derived titles', async () => {
    const db = await freshDb('test');
    expect(await seedOnFirstRun(db, seeds)).toBe(true);
    expect(await seedOnFirstRun(db, seeds)).toBe(false);
    const docs = await listDocuments(db);
    expect(docs.map((d) => d.title)).toEqual(['First article title', 'Second']);
    const first = await getDocument(db, docs[0]!.id);
    expect(first?.text).toBe('First article title\nBody 😀');
    expect(first?.id).toBe(documentIdForText('First article title\nBody 😀'));
    expect(first?.length).toBe(26);
  });

  it('never re-adds or overwrites a stored text', async () => {
    const db = await freshDb('test');
    const a = await addDocuments(db, [{ text: 'same', source: 'a', title: 'A' }]);
    const b = await addDocuments(db, [
      { text: 'same', source: 'b', title: 'B' },
      { text: 'same', source: 'c' },
    ]);
    expect(b.added).toEqual([]);
    expect(b.ids).toEqual([a.ids[0], a.ids[0]]);
    expect((await listDocuments(db)).map((d) => d.title)).toEqual(['A']);
  });

  it('stores nothing of a batch when one write fails', async () => {
    const db = await freshDb('test');
    const bad = {
      text: 'x',
      source: 's',
      get title(): string {
        throw new Error('boom');
      },
    };
    await expect(addDocuments(db, [{ text: 'ok', source: 's' }, bad])).rejects.toThrow('boom');
    expect(await db.documents.count()).toBe(0);
    expect(await db.texts.count()).toBe(0);
  });
});

describe('annotations repository', () => {
  it('persists commands and refuses duplicates inside the transaction', async () => {
    const db = await freshDb('test');
    const { ids } = await addDocuments(db, [{ text: 'hello world', source: 't' }]);
    const docId = ids[0]!;
    const span = { id: 's1', start: 0, end: 5, label: 'claim' as const, note: '' };
    await applyAnnotationCommand(db, docId, 'alice', { kind: 'create', span });
    await expect(
      applyAnnotationCommand(db, docId, 'alice', { kind: 'create', span: { ...span, id: 's2' } }),
    ).rejects.toBeInstanceOf(DuplicateSpanError);
    await applyAnnotationCommand(db, docId, 'bob', { kind: 'create', span: { ...span, id: 's3' } });
    await applyAnnotationCommand(db, docId, 'alice', {
      kind: 'update',
      before: span,
      after: { ...span, note: 'n', unsure: true },
    });
    expect(await listSpans(db, docId, 'alice')).toEqual([{ ...span, note: 'n', unsure: true }]);
    expect((await countSpansByDocument(db, 'alice')).get(docId)).toEqual({
      claim: 1,
      quote: 0,
      figure: 0,
      speculation: 0,
    });
    await applyAnnotationCommand(db, docId, 'alice', { kind: 'delete', span });
    expect(await listSpans(db, docId, 'alice')).toEqual([]);
    expect(await listSpans(db, docId, 'bob')).toHaveLength(1);
  });

  it('exports one native line per document with the annotator status', async () => {
    const db = await freshDb('test');
    await seedOnFirstRun(db, seeds);
    const [d0] = await listDocuments(db);
    await setStatus(db, d0!.id, 'alice', 'done');
    await applyAnnotationCommand(db, d0!.id, 'alice', {
      kind: 'create',
      span: { id: 'e', start: 25, end: 26, label: 'figure', note: '' },
    });
    expect((await listStatuses(db, 'alice')).get(d0!.id)).toBe('done');
    const lines = await exportAnnotatorLines(db, 'alice');
    expect(lines).toHaveLength(2);
    const first = JSON.parse(lines[0]!);
    expect(first.status).toBe('done');
    expect(first.spans).toEqual([{ id: 'e', start: 25, end: 26, label: 'figure', text: '😀', note: '' }]);
    expect(JSON.parse(lines[1]!).status).toBe('todo');
    expect(await exportAnnotatorLines(db, 'alice')).toEqual(lines);
  });
});
