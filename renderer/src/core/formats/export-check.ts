import type { ArticleDocument } from '../model/document';
import { isLabel } from '../model/labels';
import { err, ok, type Result } from '../result';
import { CodePointIndex } from '../text/code-points';
import { documentIdForText } from '../text/text-hash';
import type { ExportAnnotationSet, ExportDataset, ExportError } from './export-types';

/** A document ready to write: its code point index is built once and shared by every writer. */
export interface PreparedDocument {
  readonly doc: ArticleDocument;
  readonly index: CodePointIndex;
  /** Sets with spans, or marked done (a done set without spans is a real negative). */
  readonly sets: readonly ExportAnnotationSet[];
  /**
   * Sets without spans and not marked done: nobody has said this text has nothing to label, so no
   * format may present them as a confirmed negative. Only native records say so (status `todo` or
   * `in_progress`); the other writers write such a document as unannotated. Empty unless the
   * export includes documents not started.
   */
  readonly notStarted: readonly ExportAnnotationSet[];
}

/** No spans and not marked done: work not started (or not finished), never a confirmed negative. */
export function isNotStarted(set: ExportAnnotationSet): boolean {
  return set.spans.length === 0 && set.status !== 'done';
}

/**
 * Checks a dataset before a single byte is written: every set's document exists, every document's
 * id is the sha256 of its text, and every span has whole-number offsets with 0 ≤ start < end ≤
 * length (code points), a known label and — when it carries `text` — exactly the article's slice.
 * Returns the documents in dataset order with their sets. Without `includeUnannotated`, a document
 * is written only when some set has spans or is marked done. O(total text + spans·log k).
 */
export function prepareDataset(
  data: ExportDataset,
  includeUnannotated = true,
): Result<PreparedDocument[], ExportError> {
  const byId = new Map<string, { doc: ArticleDocument; sets: ExportAnnotationSet[] }>();
  for (const doc of data.documents) byId.set(doc.id, { doc, sets: [] });
  for (const set of data.sets) {
    const entry = byId.get(set.docId);
    if (!entry) {
      return err({
        docId: set.docId,
        docTitle: '',
        spanId: null,
        message: `Annotations by ${set.annotator} refer to a document that is not in the export.`,
      });
    }
    entry.sets.push(set);
  }
  const out: PreparedDocument[] = [];
  for (const { doc, sets: all } of byId.values()) {
    const sets = all.filter((x) => !isNotStarted(x));
    const notStarted = includeUnannotated ? all.filter(isNotStarted) : [];
    if (sets.length === 0 && !includeUnannotated) continue;
    const fail = (spanId: string | null, message: string): Result<never, ExportError> =>
      err({ docId: doc.id, docTitle: doc.title, spanId, message });
    if (documentIdForText(doc.text) !== doc.id) {
      return fail(null, `The text of "${doc.title}" no longer matches its id; it was changed after import.`);
    }
    const index = new CodePointIndex(doc.text);
    for (const set of sets) {
      for (const s of set.spans) {
        const where = `Span ${s.id} (${set.annotator}) in "${doc.title}"`;
        if (!(
          Number.isSafeInteger(s.start) &&
          Number.isSafeInteger(s.end) &&
          0 <= s.start &&
          s.start < s.end &&
          s.end <= index.codePointLength
        )) {
          return fail(
            s.id,
            `${where} has offsets ${s.start}–${s.end}, outside the text (${index.codePointLength} characters).`,
          );
        }
        if (!isLabel(s.label)) return fail(s.id, `${where} has an unknown label "${String(s.label)}".`);
        if (s.text !== undefined && s.text !== index.slice(s.start, s.end)) {
          return fail(
            s.id,
            `${where}: its text does not equal the article text between ${s.start} and ${s.end}.`,
          );
        }
      }
    }
    out.push({ doc, index, sets, notStarted });
  }
  return ok(out);
}

/** Record meta for a gold set: the document's meta plus `gold` provenance. */
export function goldRecordMeta(
  doc: ArticleDocument,
  provenance: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  return { ...doc.meta, gold: provenance };
}
