import type { ImportedAnnotation, ImportedDocument } from '../../core/formats/import-types';
import type { MarginaliaDb } from '../database';
import type { SpanRow } from '../rows';

export interface StoredImport {
  documentsAdded: number;
  documentsExisting: number;
  spansAdded: number;
  /** Spans already stored for the same document, annotator, offsets and label. */
  spansAlreadyPresent: number;
  /** Titles of added documents that an existing document with different text already has. */
  sameTitleOtherText: string[];
}

const CHUNK = 5_000;

/**
 * Stores one validated file in ONE strict transaction: all of it or, on any failure, nothing.
 * Documents already stored (same text, so same id) are kept as they are and the file's spans attach
 * to them; spans the annotator already has (same offsets and label) are skipped, so importing the
 * same file twice adds nothing. A span id already used elsewhere gets a fresh id, never overwriting
 * another annotator's row. Rows are written in chunks, yielding between them, so a 100,000-line
 * file does not block the page.
 */
export async function storeImport(
  db: MarginaliaDb,
  file: { documents: readonly ImportedDocument[]; annotations: readonly ImportedAnnotation[] },
  annotatorForUnnamed: string | null,
  newId: () => string,
): Promise<StoredImport> {
  return db.transaction('rw', [db.documents, db.texts, db.spans, db.progress], async () => {
    const out: StoredImport = {
      documentsAdded: 0,
      documentsExisting: 0,
      spansAdded: 0,
      spansAlreadyPresent: 0,
      sameTitleOtherText: [],
    };
    const existing = new Set(
      (await db.documents.bulkGet(file.documents.map((d) => d.id))).flatMap((d) => (d ? [d.id] : [])),
    );
    const last = await db.documents.orderBy('order').last();
    let order = (last?.order ?? -1) + 1;
    const fresh = file.documents.filter((d) => !existing.has(d.id));
    out.documentsExisting = file.documents.length - fresh.length;
    // Same title, different text: a different document (its id differs). Say so, never merge.
    const freshTitles = new Set(fresh.map((d) => d.title));
    if (freshTitles.size > 0) {
      const clashes = await db.documents.filter((d) => freshTitles.has(d.title)).toArray();
      out.sameTitleOtherText = [...new Set(clashes.map((d) => d.title))];
    }
    for (let i = 0; i < fresh.length; i += CHUNK) {
      const part = fresh.slice(i, i + CHUNK);
      await db.texts.bulkAdd(part.map((d) => ({ id: d.id, text: d.text })));
      await db.documents.bulkAdd(
        part.map((d) => ({
          id: d.id,
          title: d.title,
          length: d.length,
          source: d.source,
          meta: { ...d.meta },
          order: order++,
          addedAt: Date.now(),
        })),
      );
    }
    out.documentsAdded = fresh.length;

    const now = Date.now();
    const rows: SpanRow[] = [];
    for (const set of file.annotations) {
      const annotator = set.annotator ?? annotatorForUnnamed;
      if (!annotator) throw new Error('The file names no annotator; choose one before importing.');
      const have = await db.spans.where('[docId+annotator]').equals([set.docId, annotator]).toArray();
      const seen = new Set(have.map((r) => `${r.start}:${r.end}:${r.label}`));
      for (const s of set.spans) {
        const key = `${s.start}:${s.end}:${s.label}`;
        if (seen.has(key)) {
          out.spansAlreadyPresent++;
          continue;
        }
        seen.add(key);
        const row: SpanRow = {
          id: s.id,
          docId: set.docId,
          annotator,
          start: s.start,
          end: s.end,
          label: s.label,
          note: s.note,
          updatedAt: now,
        };
        if (s.unsure) row.unsure = true;
        rows.push(row);
      }
      if (set.status)
        await db.progress.put({ docId: set.docId, annotator, status: set.status, updatedAt: now });
    }
    const taken = new Set<string>();
    for (let i = 0; i < rows.length; i += CHUNK) {
      const part = rows.slice(i, i + CHUNK);
      const clash = await db.spans.bulkGet(part.map((r) => r.id));
      part.forEach((r, k) => {
        if (clash[k] || taken.has(r.id)) r.id = newId();
        taken.add(r.id);
      });
      await db.spans.bulkAdd(part);
    }
    out.spansAdded = rows.length;
    return out;
  });
}
