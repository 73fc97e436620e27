import { err, ok, type Result } from '../result';
import { bioWriter } from './bio-export';
import { bratWriter } from './brat-export';
import { doccanoWriter } from './doccano-export';
import { prepareDataset } from './export-check';
import { checkExportLinks } from './export-links';
import type {
  ExportChunk,
  ExportDataset,
  ExportError,
  ExportFileInfo,
  ExportFormat,
  ExportOptions,
  ExportSummary,
} from './export-types';
import { labelStudioWriter } from './labelstudio-export';
import { nativeWriter } from './native-export';
import { spacyWriter } from './spacy-export';
import { w3cWriter } from './w3c-export';
import type { FormatWriter, WriterExtra } from './writer';
import type { PreparedDocument } from './export-check';

const WRITERS: Readonly<Record<ExportFormat, FormatWriter>> = {
  native: nativeWriter,
  spacy: spacyWriter,
  doccano: doccanoWriter,
  labelstudio: labelStudioWriter,
  w3c: w3cWriter,
  brat: bratWriter,
  bio: bioWriter,
};

/** How each format writes a document nobody has started or marked done, for the summary's note. */
const NOT_STARTED_AS: Readonly<Record<Exclude<ExportFormat, 'native'>, string>> = {
  spacy: 'with no spans and "answer":"ignore"',
  doccano: 'with no labels (doccano has no way to mark them unlabelled)',
  labelstudio: 'as tasks without annotations',
  w3c: 'among the documents, without annotations',
  brat: 'with empty .ann files (brat has no way to mark them unlabelled)',
  bio: 'with every token O (BIO has no way to mark them unlabelled)',
};

/** Says what the export wrote for work not started, which must never pass for a confirmed negative. */
function notStartedNote(docs: readonly PreparedDocument[], format: ExportFormat): { notStarted?: string } {
  if (format === 'native') {
    const n = docs.reduce((k, p) => k + p.notStarted.length, 0);
    return n > 0
      ? {
          notStarted: `${n} record(s) not started written with their status (todo, in_progress) and no spans.`,
        }
      : {};
  }
  const n = docs.filter((p) => p.sets.length === 0).length;
  return n > 0
    ? {
        notStarted: `${n} document(s) nobody has labelled or marked done written ${NOT_STARTED_AS[format]}: they are not negatives.`,
      }
    : {};
}

/**
 * Links written, and the notes: a format that cannot hold links says how many were left out (spaCy,
 * doccano, BIO have no relations; Label Studio and brat only inside one document, not yet written).
 */
function linkOutcome(
  total: number,
  extra: WriterExtra,
  format: ExportFormat,
): { links?: number; notes: readonly string[] } {
  if (total === 0) return { notes: extra.notes };
  if (extra.links !== undefined) return { links: extra.links, notes: extra.notes };
  return {
    links: 0,
    notes: [
      ...extra.notes,
      `${total} link(s) between spans left out: ${FORMAT_TITLES[format]} cannot hold them (export native JSONL or W3C Web Annotation to keep them).`,
    ],
  };
}

const FORMAT_TITLES: Readonly<Record<ExportFormat, string>> = {
  native: 'native JSONL',
  spacy: 'spaCy/Prodigy',
  doccano: 'doccano',
  labelstudio: 'this Label Studio export',
  w3c: 'W3C Web Annotation',
  brat: 'this brat export',
  bio: 'BIO',
};

/** A checked export, ready to stream. */
export interface ExportPlan {
  readonly files: readonly ExportFileInfo[];
  readonly documents: number;
  readonly spansTotal: number;
  /**
   * The output as chunks in file order (a file's chunks are contiguous except for brat, where
   * each chunk names its file). Append each `text` to `file`; the return value is the summary.
   * Lazy: nothing is produced until iterated, so a UI can update a progress bar between chunks.
   */
  chunks(): Generator<ExportChunk, ExportSummary>;
}

/**
 * Checks the whole dataset (every span against its text, see `prepareDataset`) and returns a plan
 * to stream, or the first problem — before any output exists, so a failed export writes nothing.
 * O(total text + spans·log k) for the check; streaming is O(output).
 */
export function planExport(data: ExportDataset, options: ExportOptions): Result<ExportPlan, ExportError> {
  const prepared = prepareDataset(data, options.includeUnannotated !== false);
  if (!prepared.ok) return prepared;
  const docs = prepared.value;
  const links = checkExportLinks(data.links ?? [], docs);
  if (!links.ok) return links;
  const writer = WRITERS[options.format];
  const base = options.baseName ?? 'marginalia-export';
  const files = writer.files(docs, base);
  const spansTotal = docs.reduce((n, p) => n + p.sets.reduce((m, s) => m + s.spans.length, 0), 0);
  return ok({
    files,
    documents: docs.length,
    spansTotal,
    *chunks() {
      let done = 0;
      const gen = writer.write(docs, options, base, links.value);
      for (;;) {
        const next = gen.next();
        if (next.done) {
          const extra = next.value;
          // Spans a format could not express are not counted as written (BIO overlaps, for one).
          return {
            files,
            documents: docs.length,
            spans: spansTotal - (extra.leftOut?.count ?? 0),
            ...(extra.leftOut ? { leftOut: extra.leftOut } : {}),
            ...linkOutcome(links.value.length, extra, options.format),
            ...notStartedNote(docs, options.format),
          };
        }
        done += next.value.spans;
        yield { file: next.value.file, text: next.value.text, spansDone: done, spansTotal };
      }
    },
  });
}

/** Runs a plan to completion in memory: each file's full text, plus the summary. O(output). */
export function exportToStrings(
  data: ExportDataset,
  options: ExportOptions,
): Result<
  { files: { name: string; mediaType: string; text: string }[]; summary: ExportSummary },
  ExportError
> {
  const plan = planExport(data, options);
  if (!plan.ok) return err(plan.error);
  const parts = new Map<string, string[]>(plan.value.files.map((f) => [f.name, []]));
  const gen = plan.value.chunks();
  for (;;) {
    const next = gen.next();
    if (next.done) {
      const files = plan.value.files.map((f) => ({ ...f, text: (parts.get(f.name) ?? []).join('') }));
      return ok({ files, summary: next.value });
    }
    parts.get(next.value.file)?.push(next.value.text);
  }
}
