import type { Link } from '../links/link';
import type { GoldProvenance } from '../model/gold';
import type { Label } from '../model/labels';
import type { Span } from '../model/span';
import type { DocStatus } from '../model/status';

/** Every format the importer recognises. `w3c` and `bio` read Marginalia's own exports back. */
export type ImportFormat =
  'text' | 'markdown' | 'html' | 'articles' | 'native' | 'spacy' | 'doccano' | 'labelstudio' | 'brat' | 'w3c';

/** Unit of the offsets in a file from a tool that counts differently from Python. */
export type OffsetUnit = 'codepoint' | 'utf16';

/** What a foreign label becomes: one of Marginalia's labels, or `skip` (its spans are left out). */
export type LabelTarget = Label | 'skip';

/** How the text of a file is decoded: UTF-8 (or UTF-16 with a BOM), or Windows-1252 on request. */
export type TextEncodingChoice = 'utf-8' | 'windows-1252';

export interface ImportOptions {
  /** Annotator for spans in files that name none (brat, doccano, plain `spans`). */
  readonly annotator?: string;
  /**
   * Foreign label → Marginalia label or `skip`, e.g. `{ CLAIM: 'claim', PER: 'skip' }`. Exact
   * Marginalia labels need no entry.
   */
  readonly labelMap?: Readonly<Record<string, LabelTarget>>;
  /** What labels neither exact nor in `labelMap` become; `error` (the default) refuses the file. */
  readonly unmapped?: LabelTarget | 'error';
  /** Accept labels that differ only in case ("Claim", "CLAIM"). */
  readonly caseInsensitiveLabels?: boolean;
  /** Offset unit of doccano files: UTF-16 (what doccano's editor counts, the default) or code points. */
  readonly doccanoUnit?: OffsetUnit;
  /** Offset unit of Label Studio files: code points (Label Studio ≥ 1.5, default) or UTF-16. */
  readonly labelStudioUnit?: OffsetUnit;
  /** Label Studio predictions: left out with a word (default) or imported as annotator "predictions". */
  readonly predictions?: 'skip' | 'import';
  /** W3C positions: code points (the Recommendation, default) or UTF-16 (Recogito and other browsers). */
  readonly w3cUnit?: OffsetUnit;
  /** Decode text as UTF-8 (default; UTF-16 with a BOM) or, when the user chose it, Windows-1252. */
  readonly encoding?: TextEncodingChoice;
  /** Read a `.jsonl` file that holds one multi-line JSON value as JSON (offered when that is seen). */
  readonly readAs?: 'json';
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
  /** Every label the file uses that is not one of Marginalia's, with its span count and fate. */
  readonly labels: readonly ForeignLabel[];
  /** Counted outcomes for the report ("2 Prodigy tasks answered reject were skipped"), one a line. */
  readonly summary: readonly string[];
  /** Choices that could read this file differently, for the app's buttons and the CLI's hints. */
  readonly offers: readonly ImportOffer[];
  /** Relations, events and attributes read but not stored (Marginalia has no links yet). */
  readonly relations: readonly ImportedRelation[];
  /**
   * Links between spans (native link lines, W3C linking annotations), checked against this file's
   * spans: both ends are spans of the link's annotator. Empty whenever `errors` is non-empty.
   */
  readonly links: readonly ImportedLink[];
}

/** A link read from a file; gold links carry their provenance. */
export type ImportedLink = Link & { readonly provenance?: GoldProvenance };

/** A label as written in a file, how many spans carry it, and what it became (null: unknown). */
export interface ForeignLabel {
  readonly name: string;
  readonly count: number;
  readonly target: LabelTarget | null;
}

/** Another way to read the same file, which the report offers (nothing is re-read by itself). */
export type ImportOffer =
  | {
      readonly kind: 'unit';
      readonly format: 'doccano' | 'labelstudio' | 'w3c';
      readonly assumed: OffsetUnit;
      readonly other: OffsetUnit;
    }
  | { readonly kind: 'read-as-json' }
  | { readonly kind: 'encoding'; readonly encoding: 'windows-1252' }
  | { readonly kind: 'predictions'; readonly count: number };

/**
 * A relation, event or attribute from a file (doccano `relations`, brat `R`/`E`/`A`/`N` lines, Label
 * Studio `relation` results). Kept in the parse result, not stored, until links have a home.
 */
export interface ImportedRelation {
  readonly docId: string;
  readonly annotator: string | null;
  readonly kind: 'relation' | 'event' | 'attribute' | 'normalization';
  /** Relation or event type, attribute name. */
  readonly type: string;
  /** Arguments by role; `ref` as written in the file, `spanId` the span it became (null: none). */
  readonly args: readonly { readonly role: string; readonly ref: string; readonly spanId: string | null }[];
  /** Attribute value, normalisation reference, relation direction, as written. */
  readonly value?: string;
  readonly line: number | null;
  readonly field: string | null;
}

/** A file handed to the importer. */
export interface ImportFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}
