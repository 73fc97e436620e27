import { err, ok, type Result } from '../result';
import { planExport } from './export';
import { isNotStarted } from './export-check';
import type { ExportDataset, ExportError, ExportOptions, ExportSummary } from './export-types';

/**
 * Native JSONL written page by page (issue 20): a library of 100,000 articles × 3 annotators does not
 * fit in memory as one dataset, and native records are independent of each other (one line per
 * document and annotator, in document order), so the file is the concatenation of its pages' text.
 * Each page goes through `planExport`, the very code of the one-shot export, which is what keeps the
 * two byte-identical (tests/unit/db/export-stream.test.ts compares them).
 */
export interface PageOutput {
  readonly text: string;
  readonly documents: number;
  readonly spans: number;
  /** Records written with a not-started status (todo / in_progress, no spans). */
  readonly notStarted: number;
}

/** Totals of the pages written so far; `addPage` folds a page in. */
export interface PagedTotals {
  readonly documents: number;
  readonly spans: number;
  readonly notStarted: number;
}

export const NO_PAGES: PagedTotals = { documents: 0, spans: 0, notStarted: 0 };

export const addPage = (t: PagedTotals, p: PageOutput): PagedTotals => ({
  documents: t.documents + p.documents,
  spans: t.spans + p.spans,
  notStarted: t.notStarted + p.notStarted,
});

/**
 * One page of documents (and their sets) as native JSONL text, checked as the one-shot export checks
 * every span against its text. Links are not paged: a page must carry none.
 */
export function nativePage(
  page: ExportDataset,
  options: Omit<ExportOptions, 'format'>,
): Result<PageOutput, ExportError> {
  if (page.links && page.links.length > 0) throw new Error('nativePage: links are not written per page');
  const plan = planExport(page, { ...options, format: 'native' });
  if (!plan.ok) return err(plan.error);
  const parts: string[] = [];
  const gen = plan.value.chunks();
  for (let next = gen.next(); ; next = gen.next()) {
    if (next.done) {
      const notStarted =
        options.includeUnannotated === false ? 0 : page.sets.filter((s) => isNotStarted(s)).length;
      return ok({
        text: parts.join(''),
        documents: next.value.documents,
        spans: next.value.spans,
        notStarted,
      });
    }
    parts.push(next.value.text);
  }
}

/** The summary of a paged native export, worded exactly as the one-shot export words it. */
export function pagedSummary(fileName: string, totals: PagedTotals): ExportSummary {
  return {
    files: [{ name: fileName, mediaType: 'application/jsonl' }],
    documents: totals.documents,
    spans: totals.spans,
    notes: [],
    ...(totals.notStarted > 0 && {
      notStarted: `${totals.notStarted} record(s) not started written with their status (todo, in_progress) and no spans.`,
    }),
  };
}
