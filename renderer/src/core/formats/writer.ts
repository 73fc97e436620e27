import { compareSpans } from '../model/span';
import type { PreparedDocument } from './export-check';
import type {
  ExportAnnotationSet,
  ExportFileInfo,
  ExportLink,
  ExportOptions,
  ExportSpan,
} from './export-types';

/** One piece a writer produces; the driver adds progress. */
export interface WriterOutput {
  readonly file: string;
  readonly text: string;
  /** Spans written in this piece. */
  readonly spans: number;
}

export interface WriterExtra {
  readonly leftOut?: { readonly count: number; readonly rule: string };
  /** Links written; a writer that writes none leaves it out and the driver says so. */
  readonly links?: number;
  readonly notes: readonly string[];
}

/** A format's writer: the files it will produce, and a generator that produces them. */
export interface FormatWriter {
  files(docs: readonly PreparedDocument[], base: string): ExportFileInfo[];
  write(
    docs: readonly PreparedDocument[],
    options: ExportOptions,
    base: string,
    /** Checked links between exported spans (`checkExportLinks`), in a fixed order. */
    links: readonly ExportLink[],
  ): Generator<WriterOutput, WriterExtra>;
}

/**
 * A document's sets in a fixed order (annotator name), so output is deterministic; with
 * `withNotStarted`, the sets not started too (only formats that can say so write them).
 */
export function sortedSets(p: PreparedDocument, withNotStarted = false): ExportAnnotationSet[] {
  return [...p.sets, ...(withNotStarted ? p.notStarted : [])].sort((a, b) =>
    a.annotator < b.annotator ? -1 : a.annotator > b.annotator ? 1 : 0,
  );
}

/** A set's spans in text order (start, end, label, id). */
export function sortedSpans(set: ExportAnnotationSet): ExportSpan[] {
  return [...set.spans].sort(compareSpans);
}

/** Meta written for a record: the set's own when given, else the document's. */
export function recordMeta(
  p: PreparedDocument,
  set: ExportAnnotationSet | null,
): Readonly<Record<string, unknown>> {
  return set?.recordMeta ?? p.doc.meta;
}

export const hasKeys = (o: Readonly<Record<string, unknown>>): boolean => Object.keys(o).length > 0;
