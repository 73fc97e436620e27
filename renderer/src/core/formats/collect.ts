import { deriveTitle } from '../model/document';
import { compareSpans, type Span } from '../model/span';
import type { DocStatus } from '../model/status';
import { codePointLength } from '../text/code-points';
import { documentIdForText } from '../text/text-hash';
import type {
  ImportedAnnotation,
  ImportedDocument,
  ImportFormat,
  ImportOptions,
  ImportResult,
} from './import-types';
import { ProblemLog } from './problems';

interface PendingSet {
  docId: string;
  annotator: string | null;
  status?: DocStatus;
  spans: Span[];
  recordMeta?: Readonly<Record<string, unknown>>;
  line: number | null;
}

/**
 * Gathers what one file would store, then hands it out all-or-nothing. Documents are keyed by id,
 * so the same article twice in a file is stored once; spans of the same (document, annotator) from
 * several records are merged and exact duplicates collapsed with a warning.
 */
export class ImportCollector {
  readonly log = new ProblemLog();
  private readonly docs = new Map<string, ImportedDocument>();
  private readonly sets = new Map<string, PendingSet>();
  private needsAnnotator = false;
  nativeWithUtf16 = false;

  constructor(
    readonly file: string,
    readonly options: ImportOptions,
  ) {}

  /** The annotator for spans the file does not attribute: `options.annotator`, else null. */
  get fallbackAnnotator(): string | null {
    const a = this.options.annotator?.trim();
    return a ? a : null;
  }

  /** Builds a document from exact text; computes its id (sha256 of UTF-8) and length. O(n). */
  addDocument(
    text: string,
    init: { title?: string | undefined; meta?: Readonly<Record<string, unknown>>; source: string },
  ): ImportedDocument {
    const id = documentIdForText(text);
    const existing = this.docs.get(id);
    if (existing) return existing;
    const title = init.title !== undefined && init.title.trim() !== '' ? init.title : deriveTitle(text);
    const doc: ImportedDocument = {
      id,
      title,
      text,
      length: codePointLength(text),
      meta: init.meta ?? {},
      source: init.source,
    };
    this.docs.set(id, doc);
    return doc;
  }

  /** Adds one record's spans for (doc, annotator); null annotator marks the file as needing one. */
  addSpans(
    docId: string,
    annotator: string | null,
    spans: readonly Span[],
    extra: { line: number | null; status?: DocStatus; recordMeta?: Readonly<Record<string, unknown>> },
  ): void {
    if (annotator === null) this.needsAnnotator = true;
    const key = `${docId}\u0000${annotator ?? ''}`;
    const prev = this.sets.get(key);
    if (prev) {
      this.log.warn(
        extra.line,
        null,
        `This record repeats a document and annotator already seen on line ${prev.line ?? '?'}; their spans were merged.`,
      );
      prev.spans.push(...spans);
      return;
    }
    const set: PendingSet = { docId, annotator, spans: [...spans], line: extra.line };
    if (extra.status) set.status = extra.status;
    if (extra.recordMeta) set.recordMeta = extra.recordMeta;
    this.sets.set(key, set);
  }

  /** The file's result; empty documents/annotations whenever any error was logged. */
  finish(format: ImportFormat | null): ImportResult {
    const annotations: ImportedAnnotation[] = [];
    for (const set of this.sets.values()) {
      const spans = this.collapse(set);
      const a: ImportedAnnotation = {
        docId: set.docId,
        annotator: set.annotator,
        spans,
        ...(set.status ? { status: set.status } : {}),
        ...(set.recordMeta ? { recordMeta: set.recordMeta } : {}),
      };
      annotations.push(a);
    }
    const failed = this.log.hasErrors;
    return {
      file: this.file,
      format,
      ok: !failed,
      documents: failed ? [] : [...this.docs.values()],
      annotations: failed ? [] : annotations,
      errors: this.log.errors(),
      warnings: this.log.warnings(),
      errorCount: this.log.errorCount,
      warningCount: this.log.warningCount,
      needsAnnotator: this.needsAnnotator,
      ...(this.nativeWithUtf16 ? { nativeWithUtf16: true } : {}),
    };
  }

  private collapse(set: PendingSet): Span[] {
    const sorted = [...set.spans].sort(compareSpans);
    const out: Span[] = [];
    for (const s of sorted) {
      const last = out[out.length - 1];
      if (last && last.start === s.start && last.end === s.end && last.label === s.label) {
        this.log.warn(
          set.line,
          null,
          `A duplicate ${s.label} span at ${s.start}–${s.end} was collapsed into one${last.note === s.note ? '' : ' (only one of their notes was kept)'}.`,
        );
        continue;
      }
      out.push(s);
    }
    return out;
  }
}

/** Result for a file that failed before any record could be read (bad bytes, empty file). */
export function failedFile(file: string, format: ImportFormat | null, message: string): ImportResult {
  const log = new ProblemLog();
  log.error(null, null, message);
  return {
    file,
    format,
    ok: false,
    documents: [],
    annotations: [],
    errors: log.errors(),
    warnings: [],
    errorCount: 1,
    warningCount: 0,
    needsAnnotator: false,
  };
}
