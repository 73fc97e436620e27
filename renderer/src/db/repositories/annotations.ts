import { applyCommandSorted, type AnnotationCommand } from '../../core/commands/annotate';
import { duplicateSpanMessage, sameExtentAndLabel, type Span } from '../../core/model/span';
import { rebaseSpanEdit } from '../../core/model/span-merge';
import type { MarginaliaDb } from '../database';
import { GOLD_ANNOTATOR } from '../../core/model/gold';
import { goldRowAsSpanRow, rowToSpan, spanToRow, type SpanRow } from '../rows';
import { decodeSpanPack, packRowOf, spansOfRows } from '../span-pack';
import { batchEntryOf, batchSpansOf } from '../batch-store';
import { librarySpansOf } from '../corpus/library-texts';
import { corpusWrite, materializeFirst } from '../corpus-write';
import { followSpanCommand } from './links';

/** The stored spans of one annotator on one document, in `compareSpans` order, from the rows. */
async function readSpanRows(db: MarginaliaDb, docId: string, annotator: string): Promise<Span[]> {
  return spansOfRows(await db.spans.where('[docId+annotator]').equals([docId, annotator]).toArray());
}

/**
 * One annotator's spans on one document from the rows (or, for a document still held in its batch,
 * issue 20, its batch's pack), writing nothing (for live queries, which must not write, e.g.
 * another annotator's spans shown for comparison).
 */
export async function readSpans(db: MarginaliaDb, docId: string, annotator: string): Promise<Span[]> {
  if (annotator === GOLD_ANNOTATOR)
    return db.transaction('r', db.goldSpans, async () =>
      spansOfRows((await db.goldSpans.where('docId').equals(docId).toArray()).map(goldRowAsSpanRow)),
    );
  return (await librarySpansOf(db, [docId], annotator)).get(docId) ?? [];
}

/**
 * One annotator's spans on one document, in `compareSpans` order. Reads the span pack (one row,
 * ~50× faster than the rows with 10,000 spans); without one, reads the rows and stores the pack in
 * the same transaction, so no writer can slip in between the read and the pack.
 */
export async function listSpans(db: MarginaliaDb, docId: string, annotator: string): Promise<Span[]> {
  const pack = await db.transaction('r', db.spanPacks, () => db.spanPacks.get([docId, annotator]));
  const packed = pack ? decodeSpanPack(pack) : null;
  if (packed) return packed;
  // A document still in its batch (issue 20) has neither pack nor rows: its batch's pack answers.
  const inBatch = await batchEntryOf(db, docId);
  if (inBatch) {
    const spans = batchSpansOf(inBatch, annotator);
    if (!spans) throw new Error(`The stored batch holding document ${docId} is damaged.`);
    return spans;
  }
  try {
    return await readRowsAndPack(db, docId, annotator);
  } catch {
    return db.transaction('r', db.spans, () => readSpanRows(db, docId, annotator));
  }
}

/**
 * Reads a set's rows and stores its pack in one relaxed-durability transaction, answering as soon as
 * the rows are read. Relaxed, and not awaited, because the pack is derived data: a crash can only
 * lose it, and the next open rebuilds it; a strict commit would add ~0.5 s (an fsync) to the first
 * open of every document. Raw IndexedDB because Dexie sets durability per database, not per
 * transaction; only `spanPacks` is written, so the span-packs middleware has nothing to see.
 * A failed pack write (full disk, read-only) is harmless and ignored.
 */
function readRowsAndPack(db: MarginaliaDb, docId: string, annotator: string): Promise<Span[]> {
  return new Promise((resolve, reject) => {
    const tx = db.backendDB().transaction(['spans', 'spanPacks'], 'readwrite', { durability: 'relaxed' });
    tx.onabort = (e) => e.preventDefault();
    const req = tx.objectStore('spans').index('[docId+annotator]').getAll([docId, annotator]);
    req.onerror = (e) => {
      e.preventDefault();
      reject(req.error ?? new Error('reading spans failed'));
    };
    req.onsuccess = () => {
      const spans = spansOfRows(req.result as SpanRow[]);
      resolve(spans);
      const row = packRowOf(docId, annotator, spans);
      try {
        if (row) tx.objectStore('spanPacks').put(row).onerror = (e) => e.preventDefault();
      } catch {
        // A closing connection or a full disk: no pack this time.
      }
    };
  });
}

export class DuplicateSpanError extends Error {}

/** The span was changed or deleted elsewhere (another window, a sync) in a way this edit clashes with. */
export class SpanConflictError extends Error {}

/**
 * Persists one annotation command in one strict transaction. An update is replayed onto the span as
 * stored now, not as the editor last saw it (another window or a sync may have changed it): only the
 * fields it changes are written (core rebaseSpanEdit), and a field changed elsewhere meanwhile is
 * never overwritten (SpanConflictError); an update of a span deleted elsewhere writes it back, so
 * nothing typed is lost. A create that would duplicate an existing
 * (start, end, label) of the same annotator is refused inside the transaction, so two racing
 * windows cannot both add it. When the document has a span pack, the row write drops it (span-packs
 * middleware) and the updated pack is written back in the same transaction, so labelling keeps the
 * next open fast; the pack also answers the duplicate check without scanning the rows. A document
 * still held in a batch row moves to per-document rows first, in the same transaction (issue 20).
 */
export async function applyAnnotationCommand(
  db: MarginaliaDb,
  docId: string,
  annotator: string,
  cmd: AnnotationCommand,
): Promise<void> {
  const now = Date.now();
  await corpusWrite(db, [db.links, db.goldSpans], async () => {
    const pack = await db.spanPacks.get([docId, annotator]);
    // A pack is written only for a document with per-document rows (a batch document's open
    // stores none), so the hot path (a pack) reads nothing more; without one, a document still in
    // its batch moves out first (issue 20): one `documents.get`, and the batch read once. Its set
    // is then read once more so that this label writes its pack: the next label is the hot path.
    const moved = pack ? [] : await materializeFirst(db, [docId]);
    const before = pack
      ? decodeSpanPack(pack)
      : moved.length > 0
        ? await readSpanRows(db, docId, annotator)
        : null;
    let written: Span = cmd.kind === 'update' ? cmd.after : cmd.span;
    switch (cmd.kind) {
      case 'create': {
        const same = await firstSame(db, docId, annotator, cmd.span, before);
        if (same && same.id !== cmd.span.id) {
          throw new DuplicateSpanError(duplicateSpanMessage(cmd.span.label));
        }
        await db.spans.put(spanToRow(cmd.span, docId, annotator, now));
        break;
      }
      case 'delete':
        await db.spans.delete(cmd.span.id);
        break;
      case 'update': {
        const current =
          cmd.before.id === cmd.after.id
            ? await storedSpan(db, docId, annotator, cmd.after.id, before)
            : undefined;
        if (current) {
          const merged = rebaseSpanEdit(current, cmd.before, cmd.after);
          if (!merged.ok) throw new SpanConflictError(merged.error);
          written = merged.value;
        }
        await db.spans.put(spanToRow(written, docId, annotator, now));
        break;
      }
    }
    const done: AnnotationCommand =
      cmd.kind === 'update' ? { kind: 'update', before: cmd.before, after: written } : cmd;
    // Span ids are primary keys, so "remove this id, insert the written span" is exactly the new
    // set of rows, even when the id belonged to another document (whose pack the middleware dropped).
    const stored = before && applyCommandSorted(before, done);
    const after = stored && packRowOf(docId, annotator, stored);
    if (after) await db.spanPacks.put(after);
    // Links name extents: they follow the span unless another span of the set keeps its old extent.
    const old = cmd.kind === 'update' ? cmd.before : cmd.span;
    await followSpanCommand(db, docId, annotator, done, async () =>
      (stored ?? (await readSpanRows(db, docId, annotator))).some(
        (s) => s.id !== old.id && s.start === old.start && s.end === old.end,
      ),
    );
  });
}

/** The span with this id in the set as stored now (from its pack when there is one). */
async function storedSpan(
  db: MarginaliaDb,
  docId: string,
  annotator: string,
  id: string,
  packed: readonly Span[] | null,
): Promise<Span | undefined> {
  if (packed) return packed.find((s) => s.id === id);
  const row = await db.spans.get(id);
  return row && row.docId === docId && row.annotator === annotator ? rowToSpan(row) : undefined;
}

/**
 * The span the duplicate check compares with: the first with the same start, end and label in
 * index order (`[docId+annotator]`, then id). In the pack, spans equal in (start, end, label) sit
 * together sorted by id, so its first match is the same span.
 */
async function firstSame(
  db: MarginaliaDb,
  docId: string,
  annotator: string,
  span: Span,
  packed: readonly Span[] | null,
): Promise<Pick<Span, 'id'> | undefined> {
  if (packed) return packed.find((r) => sameExtentAndLabel(r, span));
  return db.spans
    .where('[docId+annotator]')
    .equals([docId, annotator])
    .filter((r) => sameExtentAndLabel(r, span))
    .first();
}
