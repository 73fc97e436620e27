import type { Dexie, Table, Transaction } from 'dexie';

import type { ImportedAnnotation, ImportedDocument, ImportedLink } from '../../core/formats/import-types';
import { linkKey } from '../../core/links/link';
import type { MarginaliaDb } from '../database';
import { GOLD_ANNOTATOR } from '../../core/model/gold';
import { extentAndLabelKey, inOrderWithoutDuplicates, type Span } from '../../core/model/span';
import {
  documentToRow,
  goldSpanToRow,
  spanToRow,
  type DocumentRow,
  type ProgressRow,
  type SpanRow,
} from '../rows';
import { declareAbsentPacks, packSetKey } from '../absent-packs';
import { linkToRow } from '../link-rows';
import { statusTables, writeStatuses } from './progress';
import { addInBatches, batchesEnd, idsInBatches, unshadowedFacts } from '../batch-import';
import type { BatchEntry } from '../batch-rows';
import { byKey } from '../batch-entries';
import { batchTables } from '../corpus/library-batches';
import { corpusWrite, materializeFirst } from '../corpus-write';

export interface StoredImport {
  documentsAdded: number;
  documentsExisting: number;
  spansAdded: number;
  /** Spans already stored for the same document, annotator, offsets and label. */
  spansAlreadyPresent: number;
  /** Titles of added documents that an existing document with different text already has. */
  sameTitleOtherText: string[];
  /** Links stored, and links the annotator already had (same relation and ends); absent without links. */
  linksAdded?: number;
  linksAlreadyPresent?: number;
}

const CHUNK = 5_000;

export interface StoreImportOptions {
  /**
   * The file is a small page against a large library (team sync): look its ids up rather than read
   * every stored document; titles are then not compared (`sameTitleOtherText` stays empty).
   */
  readonly lookUpIds?: boolean;
  /**
   * New documents as batch rows (issue 20, docs/architecture.md "Corpus storage in batch rows"): the
   * import of a file. Not for a sync page (lookUpIds): a few hundred articles a page would each
   * append up to 256 index rows that every later lookup of a prefix reads.
   */
  readonly batchRows?: boolean;
}

/** The stored spans of one participant on a document (gold's from its own table). */
async function storedSet(db: MarginaliaDb, docId: string, annotator: string): Promise<Span[]> {
  if (annotator === GOLD_ANNOTATOR) return db.goldSpans.where('docId').equals(docId).toArray();
  return db.spans.where('[docId+annotator]').equals([docId, annotator]).toArray();
}

/**
 * Stores one validated file in ONE strict transaction (the import worker calls it; it runs anywhere
 * IndexedDB does): all of it or, on any failure, nothing.
 * Documents already stored (same text, so same id) are kept as they are and the file's spans attach
 * to them; spans the annotator already has (same offsets and label) are skipped, so importing the
 * same file twice adds nothing. A span id already used elsewhere gets a fresh id, never overwriting
 * another annotator's row. Rows are written in chunks, yielding between them, so a 100,000-line
 * file does not block the page. With `batchRows`, new documents are written as batch rows (issue 20,
 * ~256 documents a row) except what the columns cannot keep; documents already held in batch rows
 * count as stored, and spans or statuses onto one first move it to per-document rows.
 * `newId` gives random ids (v4 UUIDs): one is never checked against the file's own ids.
 */
export async function storeImport(
  db: MarginaliaDb,
  file: {
    documents: readonly ImportedDocument[];
    annotations: readonly ImportedAnnotation[];
    links?: readonly ImportedLink[];
  },
  annotatorForUnnamed: string | null,
  newId: () => string,
  onProgress: (fraction: number) => void = () => undefined,
  opts: StoreImportOptions = {},
): Promise<StoredImport> {
  // spanPacks: adding rows drops the packs of the sets they join (span-packs middleware).
  const tables: Table[] = [db.documents, db.texts, db.spans, db.spanPacks, db.goldSpans, ...statusTables(db)];
  // Only a file with links touches `links` (team sync calls this inside its own transaction).
  if (file.links && file.links.length > 0) tables.push(db.links);
  tables.push(...batchTables(db));
  // corpusWrite: when another tab moved a document this file adds to out of its batch first, the
  // whole store runs once more (nothing of the first try was kept).
  return corpusWrite(db, tables, async () => {
    const tx = (db.constructor as typeof Dexie).currentTransaction as Transaction;
    const out: StoredImport = {
      documentsAdded: 0,
      documentsExisting: 0,
      spansAdded: 0,
      spansAlreadyPresent: 0,
      sameTitleOtherText: [],
    };
    const wanted = new Set(file.documents.map((d) => d.id));
    // Whole-table reads (getAll / getAllKeys are one request each) instead of one get per row: on a
    // 100,000-line file, per-row requests cost tens of seconds. A sync page, though, is a few hundred
    // articles against a growing library: reading every row per page made a first pull quadratic.
    const storedDocs = opts.lookUpIds
      ? (await db.documents.bulkGet([...wanted])).filter((d) => d !== undefined)
      : await db.documents.toArray();
    const perDocument = new Set(storedDocs.map((d) => d.id));
    // Stored = `documents` ∪ `batchIndex`: a document held in a batch row has no `documents` row.
    const inBatch = await idsInBatches(
      db,
      [...wanted].filter((id) => !perDocument.has(id)),
    );
    const existing = new Set([...perDocument, ...inBatch]);
    // Spans or a status onto a document held in a batch: it moves to per-document rows first
    // (copy-on-first-write), and is then today's stored document.
    await materializeFirst(
      db,
      file.annotations.filter((a) => inBatch.has(a.docId)).map((a) => a.docId),
    );
    const last = await db.documents.orderBy('order').last();
    const end = await batchesEnd(db);
    let order = Math.max((last?.order ?? -1) + 1, end.order);
    const fresh = file.documents.filter((d) => !existing.has(d.id));
    out.documentsExisting = [...wanted].filter((id) => existing.has(id)).length;
    // Same title, different text: a different document (its id differs). Say so, never merge. An
    // empty library (no document row, no batch) has no title to compare: no Set of every title.
    if (!opts.lookUpIds && (storedDocs.length > 0 || end.n > 0)) {
      const freshTitles = new Set(fresh.map((d) => d.title));
      const held = (await unshadowedFacts(db, (id) => perDocument.has(id), { titles: freshTitles })).titled;
      const titled = [...storedDocs.filter((d) => freshTitles.has(d.title)), ...held];
      // In id order, as one table holding them all would list them.
      titled.sort((a, b) => byKey(a.id, b.id));
      out.sameTitleOtherText = [...new Set(titled.map((d) => d.title))];
    }
    const totalRows = fresh.length + file.annotations.reduce((n, a) => n + a.spans.length, 0) || 1;
    // New documents go to batch rows, except where a reader still needs per-document rows: gold's
    // sets (their own tables, with provenance) and link ends.
    const keepApart = new Set<string>();
    for (const a of file.annotations)
      if ((a.annotator ?? annotatorForUnnamed) === GOLD_ANNOTATOR) keepApart.add(a.docId);
    for (const l of file.links ?? []) keepApart.add(l.from.docId).add(l.to.docId);
    const batched = new Map<string, BatchEntry>();
    const apart: DocumentRow[] = [];
    const texts = new Map<string, string>();
    const useBatches = opts.batchRows === true && !opts.lookUpIds && batchTables(db).length > 0;
    for (let i = 0; i < fresh.length; i += CHUNK) {
      const addedAt = Date.now();
      for (const d of fresh.slice(i, i + CHUNK)) {
        const row = documentToRow(d, order++, addedAt);
        if (useBatches && !keepApart.has(d.id))
          batched.set(d.id, { document: row, text: d.text, spans: [], statuses: [] });
        else {
          apart.push(row);
          texts.set(d.id, d.text);
        }
      }
    }
    out.documentsAdded = fresh.length;

    const now = Date.now();
    const rows: SpanRow[] = [];
    const progress: ProgressRow[] = [];
    for (const set of file.annotations) {
      const annotator = set.annotator ?? annotatorForUnnamed;
      if (!annotator) throw new Error('The file names no annotator; choose one before importing.');
      // A document this file just added has no spans yet: only stored documents need a lookup,
      // and a new one's set that the parser left in order without duplicates (collapse) needs no
      // keys (a Set and two strings per record otherwise).
      const stored = existing.has(set.docId);
      if (!stored && inOrderWithoutDuplicates(set.spans)) {
        for (const s of set.spans) rows.push(spanToRow(s, set.docId, annotator, now));
      } else {
        const have = stored ? await storedSet(db, set.docId, annotator) : [];
        const seen = new Set(have.map(extentAndLabelKey));
        for (const s of set.spans) {
          const key = extentAndLabelKey(s);
          if (seen.has(key)) {
            out.spansAlreadyPresent++;
            continue;
          }
          seen.add(key);
          rows.push(spanToRow(s, set.docId, annotator, now));
        }
      }
      // No row means "to do": a new document's "todo" status needs no write (a third fewer rows on
      // a fresh dataset); a stored document's status is always written, so an import can reset it.
      const needed = set.status && (set.status !== 'todo' || existing.has(set.docId));
      if (needed) progress.push({ docId: set.docId, annotator, status: set.status, updatedAt: now });
    }
    // Articles alone (a sync page) need none of the span-key reads below, each of a whole index.
    if (rows.length > 0) await renewTakenIds(db, rows, newId);
    out.spansAdded = rows.length;
    // A new document's spans and statuses go into its batch entry; the rest are rows as today.
    const spanRows: SpanRow[] = [];
    const statusRows: ProgressRow[] = [];
    for (const r of rows) (batched.get(r.docId)?.spans ?? spanRows).push(r);
    for (const p of progress) (batched.get(p.docId)?.statuses ?? statusRows).push(p);
    const refused = await addInBatches(db, [...batched.values()], end.n, (x) =>
      onProgress((x * batched.size) / totalRows),
    );
    // What the batch columns cannot keep exactly is stored per document.
    for (const e of refused) {
      apart.push(e.document);
      texts.set(e.document.id, e.text);
      spanRows.push(...e.spans);
      statusRows.push(...e.statuses);
    }
    for (let i = 0; i < apart.length; i += CHUNK) {
      onProgress((batched.size - refused.length + i) / totalRows);
      const part = apart.slice(i, i + CHUNK);
      await db.texts.bulkAdd(part.map((d) => ({ id: d.id, text: texts.get(d.id) as string })));
      await db.documents.bulkAdd(part);
    }
    // A gold set (a gold export imported back) goes to gold's own table (schema v4).
    const gold = spanRows.filter((r) => r.annotator === GOLD_ANNOTATOR);
    if (gold.length > 0) await db.goldSpans.bulkAdd(gold.map((r) => goldSpanToRow(r, r.docId, r.updatedAt)));
    const others = gold.length > 0 ? spanRows.filter((r) => r.annotator !== GOLD_ANNOTATOR) : spanRows;
    // Only rows written to `spans` touch packs: a new document's spans in its batch entry do not.
    if (others.length > 0) await declareAbsent(db, tx.idbtrans, others);
    for (let i = 0; i < others.length; i += CHUNK) {
      onProgress((fresh.length + gold.length + i) / totalRows);
      await db.spans.bulkAdd(others.slice(i, i + CHUNK));
    }
    for (let i = 0; i < statusRows.length; i += CHUNK)
      await writeStatuses(db, statusRows.slice(i, i + CHUNK));
    if (file.links && file.links.length > 0) Object.assign(out, await storeLinks(db, file.links, newId, now));
    onProgress(1);
    return out;
  });
}

/**
 * Before span rows are added to `spans`: the sets without a pack are declared so (nothing here
 * writes packs: one delete request per set for nothing otherwise, 20,000 in a 20,000-line import).
 */
async function declareAbsent(db: MarginaliaDb, idbtrans: IDBTransaction, rows: SpanRow[]): Promise<void> {
  const packed = new Set(
    (await db.spanPacks.toCollection().primaryKeys()).map((k) => packSetKey(...(k as [string, string]))),
  );
  declareAbsentPacks(
    idbtrans,
    new Set(rows.map((r) => packSetKey(r.docId, r.annotator)).filter((k) => !packed.has(k))),
  );
}

/**
 * A span id already taken gets a fresh one (ids are unique across annotators' and gold's tables
 * and the batch rows; a backup holds them side by side).
 */
async function renewTakenIds(db: MarginaliaDb, rows: SpanRow[], newId: () => string): Promise<void> {
  // Documents held in batch rows hold span ids too (those a `documents` row shadows do not count).
  const shadowing = new Set((await db.documents.toCollection().primaryKeys()).map(String));
  const { spanIds } = await unshadowedFacts(db, (id) => shadowing.has(id), { spanIds: true });
  const taken = new Set(
    [
      ...(await db.spans.toCollection().primaryKeys()),
      ...(await db.goldSpans.toCollection().primaryKeys()),
      ...spanIds,
    ].map(String),
  );
  // A fresh id is a random v4 UUID (122 bits): no later row holds it, so it does not join the set
  // (the bench's file renews 199,998 of 200,000 ids: as many Set entries for nothing).
  for (const r of rows) {
    if (taken.has(r.id)) r.id = newId();
    else taken.add(r.id);
  }
}

/**
 * A file's links (checked against the file's spans by the parser, so both ends are spans stored now,
 * added or already present): a link the annotator already has (same key) is skipped, an id already
 * used gets a fresh one. Inside storeImport's transaction.
 */
async function storeLinks(
  db: MarginaliaDb,
  links: readonly ImportedLink[],
  newId: () => string,
  now: number,
): Promise<Pick<StoredImport, 'linksAdded' | 'linksAlreadyPresent'>> {
  const stored = await db.links.toArray();
  const have = new Set(stored.map((l) => `${l.annotator}\u0000${linkKey(l)}`));
  const taken = new Set(stored.map((l) => l.id));
  let present = 0;
  const rows = [];
  for (const link of links) {
    const key = `${link.annotator}\u0000${linkKey(link)}`;
    if (have.has(key)) {
      present++;
      continue;
    }
    have.add(key);
    const id = taken.has(link.id) ? newId() : link.id;
    taken.add(id);
    rows.push(linkToRow({ ...link, id }, now));
  }
  await db.links.bulkAdd(rows);
  return { linksAdded: rows.length, linksAlreadyPresent: present };
}
