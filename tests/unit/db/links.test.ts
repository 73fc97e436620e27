import { describe, expect, it } from 'vitest';

import { exportToStrings } from '../../../renderer/src/core/formats/export';
import { parseImportFile } from '../../../renderer/src/core/formats/import';
import { invertCommand, type AnnotationCommand } from '../../../renderer/src/core/commands/annotate';
import type { Link } from '../../../renderer/src/core/links/link';
import type { Span } from '../../../renderer/src/core/model/span';
import type { MarginaliaDb } from '../../../renderer/src/db/database';
import { applyAnnotationCommand, listSpans } from '../../../renderer/src/db/repositories/annotations';
import { addDocuments } from '../../../renderer/src/db/repositories/documents';
import { loadExportDataset } from '../../../renderer/src/db/repositories/export-dataset';
import { storeImport } from '../../../renderer/src/db/repositories/import';
import {
  applyLinkCommand,
  LinkRefusedError,
  linksOfDocument,
} from '../../../renderer/src/db/repositories/links';
import { freshDb } from './fresh-db';

const KEEPS = 'OpenAI will keep working with Scale AI 😀, a spokesperson said.';
const ENDS = 'OpenAI is winding down its work with Scale AI.';

const span = (id: string, start: number, end: number): Span => ({ id, start, end, label: 'claim', note: '' });

/** Two articles, alice's claim on each, and the ids. */
async function twoClaims(db: MarginaliaDb) {
  const { ids } = await addDocuments(db, [
    { text: KEEPS, source: 't', title: 'Keeps' },
    { text: ENDS, source: 't', title: 'Ends' },
  ]);
  const [a, b] = ids as [string, string];
  const sa = span('sa', 0, 42);
  const sb = span('sb', 0, 46);
  await applyAnnotationCommand(db, a, 'alice', { kind: 'create', span: sa });
  await applyAnnotationCommand(db, b, 'alice', { kind: 'create', span: sb });
  const link: Link = {
    id: 'l1',
    annotator: 'alice',
    relation: 'contradicts',
    from: { docId: a, start: 0, end: 42 },
    to: { docId: b, start: 0, end: 46 },
    note: '',
  };
  return { a, b, sa, sb, link };
}

const strip = (rows: readonly Record<string, unknown>[]) => rows.map(({ updatedAt: _u, ...r }) => r);

describe('links in the database (schema v6)', () => {
  it('stores a link, lists it from both articles, edits its note per field and deletes it', async () => {
    const db = await freshDb('links');
    const { a, b, link } = await twoClaims(db);
    await applyLinkCommand(db, { kind: 'create_link', link });
    expect(strip(await linksOfDocument(db, a, 'alice'))).toEqual([link]);
    expect(strip(await linksOfDocument(db, b, 'alice'))).toEqual([link]);
    expect(await linksOfDocument(db, a, 'bob')).toEqual([]);

    const noted = { ...link, note: 'opposite stances' };
    await applyLinkCommand(db, { kind: 'update_link', before: link, after: noted });
    // Another window changed the relation meanwhile: the note edit keeps it.
    await db.links.update('l1', { relation: 'same_claim' });
    const later = { ...noted, note: 'seen twice' };
    await applyLinkCommand(db, { kind: 'update_link', before: noted, after: later });
    expect(await db.links.get('l1')).toMatchObject({ relation: 'same_claim', note: 'seen twice' });
    // …but an edit of a field changed elsewhere is refused, nothing written.
    await db.links.update('l1', { note: 'theirs' });
    await expect(
      applyLinkCommand(db, { kind: 'update_link', before: later, after: { ...later, note: 'mine' } }),
    ).rejects.toThrow(/note was changed elsewhere/);
    expect(await db.links.get('l1')).toMatchObject({ note: 'theirs' });

    await applyLinkCommand(db, { kind: 'delete_link', link });
    expect(await db.links.count()).toBe(0);
  });

  it('refuses a link whose end is no span, a self-link and a duplicate, writing nothing', async () => {
    const db = await freshDb('links-refused');
    const { a, link } = await twoClaims(db);
    const off = { ...link, to: { ...link.to, end: 45 } };
    await expect(applyLinkCommand(db, { kind: 'create_link', link: off })).rejects.toThrow(
      /to: alice has no span at 0–45 in "Ends"/,
    );
    const self = { ...link, to: { docId: a, start: 0, end: 42 } };
    await expect(applyLinkCommand(db, { kind: 'create_link', link: self })).rejects.toBeInstanceOf(
      LinkRefusedError,
    );
    const bob = { ...link, annotator: 'bob' };
    await expect(applyLinkCommand(db, { kind: 'create_link', link: bob })).rejects.toThrow(/bob has no span/);
    await applyLinkCommand(db, { kind: 'create_link', link });
    // The same relation between the same spans, the other way round: contradicts is symmetric.
    const reversed = { ...link, id: 'l2', from: link.to, to: link.from };
    await expect(applyLinkCommand(db, { kind: 'create_link', link: reversed })).rejects.toThrow(
      /contradicts link already exists/,
    );
    expect((await db.links.toArray()).map((l) => l.id)).toEqual(['l1']);
  });

  it('deleting a span deletes its links in the same write; undo brings both back', async () => {
    const db = await freshDb('links-cascade');
    const { a, b, sa, link } = await twoClaims(db);
    await applyLinkCommand(db, { kind: 'create_link', link });
    await listSpans(db, a, 'alice'); // with a span pack, as an opened article has
    const del: AnnotationCommand = { kind: 'delete', span: sa, links: [link] };
    await applyAnnotationCommand(db, a, 'alice', del);
    expect(await db.spans.get('sa')).toBeUndefined();
    expect(await db.links.count()).toBe(0);
    await applyAnnotationCommand(db, a, 'alice', invertCommand(del));
    expect(await db.spans.get('sa')).toBeDefined();
    expect(strip(await linksOfDocument(db, b, 'alice'))).toEqual([link]);
  });

  it('a link stays while another span keeps its extent, and follows a span whose ends move', async () => {
    const db = await freshDb('links-follow');
    const { a, sa, link } = await twoClaims(db);
    const quote: Span = { ...sa, id: 'sq', label: 'quote' };
    await applyAnnotationCommand(db, a, 'alice', { kind: 'create', span: quote });
    await applyLinkCommand(db, { kind: 'create_link', link });
    await applyAnnotationCommand(db, a, 'alice', { kind: 'delete', span: quote });
    expect(await db.links.count()).toBe(1);
    const moved = { ...sa, end: 24 };
    await applyAnnotationCommand(db, a, 'alice', { kind: 'update', before: sa, after: moved });
    expect(await db.links.get('l1')).toMatchObject({ from: { docId: a, start: 0, end: 24 } });
    await applyAnnotationCommand(db, a, 'alice', { kind: 'update', before: moved, after: sa });
    expect(await db.links.get('l1')).toMatchObject({ from: { docId: a, start: 0, end: 42 } });
  });

  it('native JSONL carries link records out and back in, losslessly; a second import adds nothing', async () => {
    const db = await freshDb('links-export');
    const { link } = await twoClaims(db);
    const noted = { ...link, note: 'keeps 😀 vs ends' };
    await applyLinkCommand(db, { kind: 'create_link', link: noted });
    const data = await loadExportDataset(db, null, ['alice']);
    expect(data.links).toHaveLength(1);
    const out = exportToStrings(data, { format: 'native', includeUnannotated: false });
    if (!out.ok) throw new Error(JSON.stringify(out.error));
    const text = out.value.files[0]!.text;
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.at(-1)).toEqual({
      schema_version: 1,
      record: 'link',
      id: 'l1',
      annotator: 'alice',
      relation: 'contradicts',
      from: { doc_id: link.from.docId, start: 0, end: 42 },
      to: { doc_id: link.to.docId, start: 0, end: 46 },
      note: 'keeps 😀 vs ends',
    });

    const parsed = parseImportFile({ name: 'x.jsonl', bytes: new TextEncoder().encode(text) });
    expect(parsed.errors).toEqual([]);
    const target = await freshDb('links-import');
    let n = 0;
    const stored = await storeImport(target, parsed, null, () => `new-${n++}`);
    expect(stored).toMatchObject({ spansAdded: 2, linksAdded: 1, linksAlreadyPresent: 0 });
    expect(strip(await target.links.toArray())).toEqual([noted]);
    const again = await storeImport(target, parsed, null, () => `new-${n++}`);
    expect(again).toMatchObject({ spansAdded: 0, linksAdded: 0, linksAlreadyPresent: 1 });
    const back = exportToStrings(await loadExportDataset(target, null, ['alice']), {
      format: 'native',
      includeUnannotated: false,
    });
    expect(back.ok && back.value.files[0]!.text).toBe(text);
  });

  it('an export of one article leaves out links to articles it does not carry', async () => {
    const db = await freshDb('links-partial');
    const { a, link } = await twoClaims(db);
    await applyLinkCommand(db, { kind: 'create_link', link });
    const data = await loadExportDataset(db, [a], ['alice']);
    expect(data.links ?? []).toEqual([]);
  });
});
