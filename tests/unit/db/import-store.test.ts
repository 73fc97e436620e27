import { describe, expect, it } from 'vitest';

import { parseImportFile } from '../../../renderer/src/core/formats/import';
import { listSpans } from '../../../renderer/src/db/repositories/annotations';
import { addDocuments, listDocuments } from '../../../renderer/src/db/repositories/documents';
import { storeImport } from '../../../renderer/src/db/repositories/import';
import { documentIdForText } from '../../../renderer/src/core/text/text-hash';
import { freshDb } from './fresh-db';

const enc = (s: string) => new TextEncoder().encode(s);
const native = (annotator: string, text: string, spans: object[]) =>
  JSON.stringify({
    schema_version: 1,
    doc_id: documentIdForText(text),
    title: 'T',
    text,
    annotator,
    status: 'done',
    spans,
    meta: {},
  });

let ids = 0;
const newId = () => `fresh-${ids++}`;

describe('storeImport', () => {
  it('attaches a second annotator to the same document and is idempotent', async () => {
    const db = await freshDb('import');
    await addDocuments(db, [{ text: 'Hello 😀 world', source: 'seed', title: 'T' }]);
    const file = (who: string) =>
      parseImportFile({
        name: `${who}.jsonl`,
        bytes: enc(
          `${native(who, 'Hello 😀 world', [{ id: 'same-id', start: 6, end: 7, label: 'figure', text: '😀', note: '' }])}\n`,
        ),
      });
    const a = file('alice');
    expect(a.errors).toEqual([]);
    const first = await storeImport(db, a, null, newId);
    expect(first).toMatchObject({ documentsAdded: 0, documentsExisting: 1, spansAdded: 1 });
    const again = await storeImport(db, a, null, newId);
    expect(again).toMatchObject({ spansAdded: 0, spansAlreadyPresent: 1 });
    // bob's file reuses alice's span id: bob gets a fresh id, alice's row is untouched.
    await storeImport(db, file('bob'), null, newId);
    const [doc] = await listDocuments(db);
    expect((await listSpans(db, doc!.id, 'alice')).map((s) => s.id)).toEqual(['same-id']);
    expect((await listSpans(db, doc!.id, 'bob')).map((s) => s.id)).toEqual(['fresh-0']);
  });

  it('adds a same-titled document with other text as a separate document, and says so', async () => {
    const db = await freshDb('import');
    await addDocuments(db, [{ text: 'Original text', source: 'seed', title: 'Same title' }]);
    const r = parseImportFile({
      name: 'a.jsonl',
      bytes: enc(`${JSON.stringify({ title: 'Same title', text: 'Edited text' })}\n`),
    });
    const stored = await storeImport(db, r, null, newId);
    expect(stored.documentsAdded).toBe(1);
    expect(stored.sameTitleOtherText).toEqual(['Same title']);
    expect((await listDocuments(db)).map((d) => d.title)).toEqual(['Same title', 'Same title']);
  });

  it('stores nothing when the annotator is missing for unnamed spans', async () => {
    const db = await freshDb('import');
    const r = parseImportFile({
      name: 'd.jsonl',
      bytes: enc(`${JSON.stringify({ text: 'abc def', label: [[0, 3, 'claim']] })}\n`),
    });
    expect(r.needsAnnotator).toBe(true);
    await expect(storeImport(db, r, null, newId)).rejects.toThrow(/names no annotator/);
    expect(await db.documents.count()).toBe(0);
    const ok = await storeImport(db, r, 'carol', newId);
    expect(ok).toMatchObject({ documentsAdded: 1, spansAdded: 1 });
  });
});
