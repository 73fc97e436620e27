import { materialize } from '../../../renderer/src/db/batch-store';
import { applyAnnotationCommand, listSpans } from '../../../renderer/src/db/repositories/annotations';
import { setStatus } from '../../../renderer/src/db/repositories/progress';
import { storeImport } from '../../../renderer/src/db/repositories/import';
import { batchCopy, file } from './batch-copy';
import { freshDb } from './fresh-db';

const MOVE = ['documents', 'texts', 'spans', 'progress', 'spanPacks', 'batches', 'batchIndex'];

/**
 * The same library of `lines` documents twice: `reference` per document, `db` in batch rows. With
 * `edit`, some of `db`'s documents are then moved out of their batches (copy-on-first-write) and
 * both libraries get the same edits (a new title, statuses, spans added and deleted, a document
 * emptied of its spans), so the batch entries they had are stale and must stay shadowed.
 */
export async function twoLibraries(lines: number, edit: boolean) {
  const reference = await freshDb('corpus-ref');
  await storeImport(reference, file(lines), null, () => 'fresh');
  const db = await batchCopy(reference);
  const ids = (await reference.documents.orderBy('order').primaryKeys()) as string[];
  if (!edit) return { reference, db, ids };
  const [a, b, c, d] = [2, 151, 152, lines - 1].map((i) => ids[i] as string) as [
    string,
    string,
    string,
    string,
  ];
  await db.transaction('rw', MOVE, () => materialize(db, [a, b, c, d]));
  for (const x of [reference, db]) {
    await x.documents.update(a, { title: 'Renamed in its rows' });
    await setStatus(x, b, 'alice', 'done');
    await setStatus(x, b, 'bob', 'todo'); // its batch entry says in_progress
    await setStatus(x, b, 'nobody', 'in_progress');
    const span = { id: 'new', start: 0, end: 2, label: 'quote' as const, note: '' };
    await applyAnnotationCommand(x, c, 'carol', { kind: 'create', span });
    for (const who of ['alice', 'bob', 'carol'])
      for (const s of await listSpans(x, d, who))
        await applyAnnotationCommand(x, d, who, { kind: 'delete', span: s });
  }
  return { reference, db, ids };
}

export const ANNOTATORS = ['alice', 'bob', 'carol', 'nobody'];
