import { deriveTitle } from '../model/document';
import { compareSpans, inOrderWithoutDuplicates, type Span } from '../model/span';
import type { DocStatus } from '../model/status';
import { codePointLength } from '../text/code-points';
import { documentIdForText } from '../text/text-hash';
import type {
  ImportedAnnotation,
  ImportedDocument,
  ImportedRelation,
  ImportFormat,
  ImportOffer,
  ImportOptions,
  ImportResult,
} from './import-types';
import { resolveImportedLinks, type PendingLink } from './import-links';
import { LabelResolver } from './label-resolve';
import { ProblemLog } from './problems';
import { summaryLine, type Tally } from './summary';
import { appendAll } from '../arrays';

interface PendingSet {
  docId: string;
  annotator: string | null;
  status?: DocStatus;
  spans: Span[];
  recordMeta?: Readonly<Record<string, unknown>>;
  line: number | null;
  /** Another annotator's set on the same document (sets are found by document, then annotator). */
  next?: PendingSet;
}

interface PendingDoc {
  doc: ImportedDocument;
  meta: Record<string, unknown>;
  line: number | null;
  sourceIds: unknown[];
}

/**
 * Gathers what one file would store, then hands it out all-or-nothing. Documents are keyed by id
 * (the hash of the text), so the same article twice in a file is stored once, with every record's
 * own id kept in `meta.source_ids`; spans of the same (document, annotator) from several records are
 * merged and exact duplicates collapsed with a warning.
 */
export class ImportCollector {
  readonly log = new ProblemLog();
  readonly labels: LabelResolver;
  readonly relations: ImportedRelation[] = [];
  private readonly docs = new Map<string, PendingDoc>();
  /**
   * Sets by document (a chain per document, one link per annotator), and in the order first seen.
   * Not one map keyed by document and annotator joined: that kept a second 80-character string per
   * record alive and hashed it, for a lookup the document id (hashed already) does alone.
   */
  private readonly setsByDoc = new Map<string, PendingSet>();
  private readonly sets: PendingSet[] = [];
  private readonly idLines = new Map<string, { line: number | null; docId: string }>();
  private readonly tally = new Map<keyof Tally, number>();
  private readonly offers: ImportOffer[] = [];
  private readonly notes: string[] = [];
  private readonly links: PendingLink[] = [];
  private needsAnnotator = false;
  nativeWithUtf16 = false;

  constructor(
    readonly file: string,
    readonly options: ImportOptions,
  ) {
    this.labels = new LabelResolver(options);
  }

  /** The annotator for spans the file does not attribute: `options.annotator`, else null. */
  get fallbackAnnotator(): string | null {
    const a = this.options.annotator?.trim();
    return a ? a : null;
  }

  /** Counts an outcome for the summary ("3 tasks answered reject were skipped"). */
  count(what: keyof Tally, n = 1): void {
    this.tally.set(what, (this.tally.get(what) ?? 0) + n);
  }

  /** A summary line said once (e.g. which unit was assumed), and optionally an offer. */
  note(line: string | null, offer?: ImportOffer): void {
    if (line !== null && !this.notes.includes(line)) this.notes.push(line);
    if (offer && !this.offers.some((o) => JSON.stringify(o) === JSON.stringify(offer)))
      this.offers.push(offer);
  }

  /** Whether the file already offers reading `format`'s offsets in the other unit. */
  hasUnitOffer(format: string): boolean {
    return this.offers.some((o) => o.kind === 'unit' && o.format === format);
  }

  /**
   * Builds a document from exact text; computes its id (sha256 of UTF-8) and length. A record that
   * repeats a text already in the file adds no document: its `sourceId` joins `meta.source_ids`.
   * A `sourceId` already used for another text is warned about, naming both lines. O(n).
   */
  addDocument(
    text: string,
    init: {
      title?: string | undefined;
      meta?: Readonly<Record<string, unknown>>;
      source: string;
      sourceId?: unknown;
      line?: number | null;
      /** The text's sha256 when the caller already computed it (native records check theirs). */
      id?: string;
      /** Its length in code points when the caller already counted it (checkText's index). */
      length?: number;
    },
  ): ImportedDocument {
    // Hashing is a tenth of a 100,000-line import: never twice for one text (issue 20).
    const id = init.id ?? documentIdForText(text);
    const line = init.line ?? null;
    this.checkSourceId(init.sourceId, id, line);
    const existing = this.docs.get(id);
    if (existing) {
      // Several annotators' records of one text are normal; only a second source id is news.
      const fresh = init.sourceId !== undefined && !existing.sourceIds.some((x) => x === init.sourceId);
      if (fresh) {
        this.count('mergedRecords');
        existing.sourceIds.push(init.sourceId);
        existing.meta['source_ids'] = [...existing.sourceIds];
        this.log.warn(
          line,
          'id',
          `This record repeats the text of ${existing.line === null ? 'an earlier record' : `line ${existing.line}`} under another id; they are one document, and both ids are kept in meta.source_ids.`,
        );
      }
      return existing.doc;
    }
    const title = init.title !== undefined && init.title.trim() !== '' ? init.title : deriveTitle(text);
    const meta: Record<string, unknown> = { ...init.meta };
    const doc: ImportedDocument = {
      id,
      title,
      text,
      length: init.length ?? codePointLength(text),
      meta,
      source: init.source,
    };
    this.docs.set(id, { doc, meta, line, sourceIds: init.sourceId === undefined ? [] : [init.sourceId] });
    return doc;
  }

  private checkSourceId(sourceId: unknown, docId: string, line: number | null): void {
    if (sourceId === undefined) return;
    if (typeof sourceId === 'number') this.count('numericIds');
    const key = JSON.stringify(sourceId);
    const prev = this.idLines.get(key);
    if (!prev) {
      this.idLines.set(key, { line, docId });
    } else if (prev.docId !== docId) {
      this.log.warn(
        line,
        'id',
        `The id ${key} is also the id of ${prev.line === null ? 'an earlier record' : `line ${prev.line}`}, which has a different text; both were imported as separate documents.`,
      );
    }
  }

  /** Adds one record's spans for (doc, annotator); null annotator marks the file as needing one. */
  addSpans(
    docId: string,
    annotator: string | null,
    spans: readonly Span[],
    extra: { line: number | null; status?: DocStatus; recordMeta?: Readonly<Record<string, unknown>> },
  ): void {
    if (annotator === null) this.needsAnnotator = true;
    const first = this.setsByDoc.get(docId);
    let prev = first;
    // Null and '' name the same set, as the joined key "docId\0annotator" did.
    while (prev && (prev.annotator ?? '') !== (annotator ?? '')) prev = prev.next;
    if (prev) {
      this.log.warn(
        extra.line,
        null,
        `This record repeats a document and annotator already seen on line ${prev.line ?? '?'}; their spans were merged.`,
      );
      appendAll(prev.spans, spans);
      return;
    }
    const set: PendingSet = { docId, annotator, spans: [...spans], line: extra.line };
    if (extra.status) set.status = extra.status;
    if (extra.recordMeta) set.recordMeta = extra.recordMeta;
    if (first) {
      let last = first;
      while (last.next) last = last.next;
      last.next = set;
    } else this.setsByDoc.set(docId, set);
    this.sets.push(set);
  }

  /** A link read from the file, checked against its spans when the file is finished. */
  addLink(link: PendingLink['link'], where: { line: number | null; field: string | null }): void {
    this.links.push({ link, ...where });
  }

  /** The file's result; empty documents/annotations whenever any error was logged. */
  finish(format: ImportFormat | null): ImportResult {
    const labelLines = this.labels.report(this.log);
    const annotations: ImportedAnnotation[] = [];
    for (const set of this.sets) {
      annotations.push({
        docId: set.docId,
        annotator: set.annotator,
        spans: this.collapse(set),
        ...(set.status ? { status: set.status } : {}),
        ...(set.recordMeta ? { recordMeta: set.recordMeta } : {}),
      });
    }
    const docs = [...this.docs.values()].map((d) => d.doc);
    const links = resolveImportedLinks(this.links, docs, annotations, this.log);
    const failed = this.log.hasErrors;
    const tallied = [...this.tally].flatMap(([what, n]) => summaryLine(what, n, format));
    const predictions = this.tally.get('predictionsLeftOut') ?? 0;
    const offers: ImportOffer[] =
      predictions > 0 ? [...this.offers, { kind: 'predictions', count: predictions }] : this.offers;
    return {
      file: this.file,
      format,
      ok: !failed,
      documents: failed ? [] : docs,
      annotations: failed ? [] : annotations,
      errors: this.log.errors(),
      warnings: this.log.warnings(),
      errorCount: this.log.errorCount,
      warningCount: this.log.warningCount,
      needsAnnotator: this.needsAnnotator,
      ...(this.nativeWithUtf16 ? { nativeWithUtf16: true } : {}),
      labels: this.labels.labels(),
      summary: [...this.notes, ...labelLines, ...tallied],
      offers,
      relations: failed ? [] : this.relations,
      links: failed ? [] : links,
    };
  }

  private collapse(set: PendingSet): Span[] {
    // Already in order with no duplicate (most records): the set's own array is the answer, as the
    // stable sort of it and the loop below would rebuild it, without a copy per record.
    if (inOrderWithoutDuplicates(set.spans)) return set.spans;
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
export function failedFile(
  file: string,
  format: ImportFormat | null,
  message: string,
  extra: { line?: number | null; offers?: readonly ImportOffer[] } = {},
): ImportResult {
  const log = new ProblemLog();
  log.error(extra.line ?? null, null, message);
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
    labels: [],
    summary: [],
    offers: extra.offers ?? [],
    relations: [],
    links: [],
  };
}
