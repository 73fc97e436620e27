import type { Label } from '../model/labels';
import type { Span } from '../model/span';
import type { DocStatus } from '../model/status';

/** Every format the importer recognises. `w3c` and `bio` read Marginalia's own exports back. */
export type ImportFormat =
  'text' | 'markdown' | 'html' | 'articles' | 'native' | 'spacy' | 'doccano' | 'labelstudio' | 'brat' | 'w3c';

/** Unit of the offsets in a file from a tool that counts differently from Python. */
export type OffsetUnit = 'codepoint' | 'utf16';

export interface ImportOptions {
  /** Annotator for spans in files that name none (brat, doccano, plain `spans`). */
  readonly annotator?: string;
  /** Extra label names: file label → Marginalia label, e.g. `{ CLAIM: 'claim', Quote: 'quote' }`. */
  readonly labelMap?: Readonly<Record<string, Label>>;
  /** Accept labels that differ only in case ("Claim", "CLAIM"). Unknown labels stay errors. */
  readonly caseInsensitiveLabels?: boolean;
  /** Offset unit of doccano files: code points (Python, the default) or UTF-16 (doccano's editor). */
  readonly doccanoUnit?: OffsetUnit;
  /** Offset unit of Label Studio files: code points (Label Studio ≥ 1.5, default) or UTF-16. */
  readonly labelStudioUnit?: OffsetUnit;
  /** Markdown: strip the common syntax (default) or keep the file verbatim. */
  readonly markdown?: 'strip' | 'verbatim';
  /** Skip detection and read the file as this format. */
  readonly format?: ImportFormat;
}

/** One problem, worded for the person importing: `line` is 1-based, null for the whole file. */
export interface ImportProblem {
  readonly line: number | null;
  readonly field: string | null;
  readonly message: string;
}

/** A document as the import would store it; `id` = `sha256:<hex>` of `text`'s UTF-8 bytes. */
export interface ImportedDocument {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  /** Length in code points. */
  readonly length: number;
  readonly meta: Readonly<Record<string, unknown>>;
  /** File name (and line) it came from, for the user's reference. */
  readonly source: string;
}

/** One annotator's spans on one document. Offsets are code points, spans in `compareSpans` order. */
export interface ImportedAnnotation {
  readonly docId: string;
  /** Null only while `ImportResult.needsAnnotator` is true: the caller must supply a name. */
  readonly annotator: string | null;
  readonly status?: DocStatus;
  readonly spans: readonly Span[];
  /** The record's own `meta` (native files), so a re-export is byte-identical. */
  readonly recordMeta?: Readonly<Record<string, unknown>>;
}

/**
 * What one file would add. Atomic: when `errors` is non-empty, `documents` and `annotations` are
 * empty, so a caller that stores what it gets stores nothing from a bad file.
 */
export interface ImportResult {
  readonly file: string;
  readonly format: ImportFormat | null;
  readonly ok: boolean;
  readonly documents: readonly ImportedDocument[];
  readonly annotations: readonly ImportedAnnotation[];
  /** Up to 100 listed; when more, the last entry says how many were left out. */
  readonly errors: readonly ImportProblem[];
  readonly warnings: readonly ImportProblem[];
  /** Total problems found, including those not listed. */
  readonly errorCount: number;
  readonly warningCount: number;
  /** The file has spans but names no annotator and `options.annotator` was not given. */
  readonly needsAnnotator: boolean;
  /** A native file that carried `start_utf16`/`end_utf16` (re-export with `withUtf16`). */
  readonly nativeWithUtf16?: boolean;
}

/** A file handed to the importer. */
export interface ImportFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}
