import { describe, expect, it } from 'vitest';

import { setMeta, setText } from '../../../renderer/src/core/model/document-details';
import { createBackup, restoreFromBackup } from '../../../renderer/src/db/repositories/backup';
import {
  applyDocumentDetailsEdit,
  DetailsConflictError,
  readDocumentDetails,
} from '../../../renderer/src/db/repositories/document-details';
import { addDocuments } from '../../../renderer/src/db/repositories/documents';
import { exportAnnotatorLines } from '../../../renderer/src/db/repositories/export';
import { freshDb } from './fresh-db';

const info = { reason: 'manual', appVersion: 'test', createdAt: '2025-01-01T00:00:00.000Z' };

async function setup() {
  const db = await freshDb('details');
  const { ids } = await addDocuments(db, [
    { text: 'Council approves budget.\nMore text.', source: 'feed.jsonl', meta: { source_ids: ['a', 'b'] } },
  ]);
  const id = ids[0] as string;
  const details = await readDocumentDetails(db, id);
  if (!details) throw new Error('no document');
  return { db, id, details };
}

describe('document details writes (one field, replayed onto the stored row)', () => {
  it('writes the title and a metadata field, and nothing else of the row', async () => {
    const { db, id, details } = await setup();
    const before = await db.documents.get(id);
    await applyDocumentDetailsEdit(db, id, setText(details, 'title', 'Budget passes'));
    await applyDocumentDetailsEdit(db, id, setMeta(details, 'author', 'Ann'));
    const row = await db.documents.get(id);
    expect(row).toEqual({
      ...before,
      title: 'Budget passes',
      meta: { source_ids: ['a', 'b'], author: 'Ann' },
    });
    expect((await db.texts.get(id))?.text).toBe('Council approves budget.\nMore text.');
  });

  it('keeps another window’s newer change to another field; refuses one to the same field, writing nothing', async () => {
    const { db, id, details } = await setup();
    // Window B changes the source and the title; A still shows the old details.
    await applyDocumentDetailsEdit(db, id, setText(details, 'source', 'https://example.org'));
    await applyDocumentDetailsEdit(db, id, setText(details, 'title', 'From B'));
    await applyDocumentDetailsEdit(db, id, setMeta(details, 'author', 'Ann'));
    expect(await readDocumentDetails(db, id)).toMatchObject({
      source: 'https://example.org',
      title: 'From B',
      meta: { author: 'Ann' },
    });
    const stored = await db.documents.get(id);
    await expect(applyDocumentDetailsEdit(db, id, setText(details, 'title', 'From A'))).rejects.toThrow(
      new DetailsConflictError(
        "This document's title was changed in another window meanwhile; it shows as it is stored now.",
      ),
    );
    expect(await db.documents.get(id)).toEqual(stored);
  });

  it('refuses an edit of a document no longer in the library', async () => {
    const { db, id, details } = await setup();
    await db.transaction('rw', db.documents, db.texts, async () => {
      await db.documents.delete(id);
      await db.texts.delete(id);
    });
    await expect(applyDocumentDetailsEdit(db, id, setText(details, 'title', 'x'))).rejects.toThrow(
      DetailsConflictError,
    );
    expect(await db.documents.count()).toBe(0);
  });

  it('edited details travel in the native export and through a backup and its restore', async () => {
    const { db, id, details } = await setup();
    await applyDocumentDetailsEdit(db, id, setText(details, 'title', 'Budget “passes” 👍'));
    await applyDocumentDetailsEdit(db, id, setMeta(details, 'constructor', 'kept as data'));
    await applyDocumentDetailsEdit(db, id, setMeta(details, 'year', 1998));
    const [line] = await exportAnnotatorLines(db, 'alice');
    expect(JSON.parse(line as string)).toMatchObject({
      title: 'Budget “passes” 👍',
      meta: { constructor: 'kept as data', source_ids: ['a', 'b'], year: 1998 },
    });

    const backup = await createBackup(db, info);
    const fresh = await freshDb('details');
    const report = await restoreFromBackup(fresh, backup.content, 'b.jsonl');
    expect(report.ok).toBe(true);
    expect(await readDocumentDetails(fresh, id)).toEqual(await readDocumentDetails(db, id));
  });
});
