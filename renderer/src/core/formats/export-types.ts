import type { Link } from '../links/link';
import type { ArticleDocument } from '../model/document';
import type { GoldProvenance } from '../model/gold';
import type { Guidelines } from '../model/guidelines';
import type { Span } from '../model/span';
import type { DocStatus } from '../model/status';
import type { OffsetUnit } from './import-types';

export const EXPORT_FORMATS = ['native', 'spacy', 'doccano', 'labelstudio', 'w3c', 'brat', 'bio'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A span to export; when `text` is given it must equal the article slice (checked before writing). */
export type ExportSpan = Span & { readonly text?: string };

/** One annotator's (or the gold) spans on one document. */
export interface ExportAnnotationSet {
  readonly docId: string;
  readonly annotator: string;
  readonly status: DocStatus;
  readonly spans: readonly ExportSpan[];
  /**
   * Written as this record's `meta` instead of the document's (native; other formats' meta
   * fields). Gold sets put their provenance here: see `goldRecordMeta`.
   */
  readonly recordMeta?: Readonly<Record<string, unknown>>;
}

/** A link between two spans of its annotator (gold links carry their provenance). */
export type ExportLink = Link & { readonly provenance?: GoldProvenance };

/** What an export dialog hands over: documents plus the chosen annotation sets and their links. */
export interface ExportDataset {
  readonly documents: readonly ArticleDocument[];
  readonly sets: readonly ExportAnnotationSet[];
  /**
   * Links between spans of the exported sets: both endpoints must be spans of the link's annotator
   * in this export (checked before writing, `checkExportLinks`).
   */
  readonly links?: readonly ExportLink[];
}

export interface ExportOptions {
  readonly format: ExportFormat;
  /** Native: also write `start_utf16`/`end_utf16`. */
  readonly withUtf16?: boolean;
  /** doccano offsets: UTF-16 (default: what doccano's editor counts) or code points. */
  readonly doccanoUnit?: OffsetUnit;
  /** Label Studio offsets: code points (default, Label Studio ≥ 1.5) or UTF-16 (older versions). */
  readonly labelStudioUnit?: OffsetUnit;
  /** W3C TextPositionSelector unit: code points (the Recommendation, default) or UTF-16 (Recogito). */
  readonly w3cUnit?: OffsetUnit;
  /** File name without extension (default "marginalia-export"). */
  readonly baseName?: string;
  /** Native: a first "project" line carrying these label guidelines in its meta. */
  readonly guidelines?: Guidelines;
  /** Documents without any annotation set are exported too (formats with a document per record). */
  readonly includeUnannotated?: boolean;
}

/** A piece of output: append `text` to `file`. Progress counts spans written so far. */
export interface ExportChunk {
  readonly file: string;
  readonly text: string;
  readonly spansDone: number;
  readonly spansTotal: number;
}

export interface ExportFileInfo {
  readonly name: string;
  readonly mediaType: string;
}

/** What the export had to say once done (shown in the dialog, printed by the CLI). */
export interface ExportSummary {
  readonly files: readonly ExportFileInfo[];
  readonly documents: number;
  /** Spans written (those left out are not counted here). */
  readonly spans: number;
  /** Spans the format could not express (BIO overlaps, brat line-break-only spans), and why. */
  readonly leftOut?: { readonly count: number; readonly rule: string };
  /** Links written; absent when the dataset had none. Formats without links say so in `notes`. */
  readonly links?: number;
  readonly notes: readonly string[];
  /** What was written for work nobody has started or marked done (never a negative), when any was. */
  readonly notStarted?: string;
}

/** Why an export was refused before anything was written. */
export interface ExportError {
  readonly docId: string;
  readonly docTitle: string;
  readonly spanId: string | null;
  readonly message: string;
}
