import { labelConfusion, type LabelConfusion } from '../agreement/confusion';
import { compareWorstFirst, documentFigures, type DocumentFigures } from '../agreement/document-figures';
import { ANALYSIS_SHARE, analyzeAgreement, reportFromAnalysis } from '../agreement/report';
import type { AgreementReport } from '../agreement/types';
import type { LinkAgreementReport } from '../links/agreement';
import type { Link } from '../links/link';
import { buildStudyInput, studyLinkAgreement, type AgreementSource } from './study-input';

/** What the lead asked for: documents (null: all) and at least two annotators. */
export interface AgreementSelection {
  readonly docIds: readonly string[] | null;
  readonly annotators: readonly string[];
  readonly labels?: readonly string[];
}

export type DocumentRow = DocumentFigures & { readonly title: string };

/** Everything the agreement view and the report files show. */
export interface AgreementResult {
  readonly report: AgreementReport;
  readonly annotators: readonly string[];
  readonly labels: readonly string[];
  /** Worst first (`compareWorstFirst`). */
  readonly documents: readonly DocumentRow[];
  /** One per annotator pair, in pair order. */
  readonly confusions: readonly LabelConfusion[];
  readonly warnings: readonly string[];
  readonly computedAt: string;
  /** Link agreement (as `marginalia agreement`'s `links` section). */
  readonly links: LinkAgreementReport;
  /** The chosen annotators' links with both ends in the studied documents: what a walk goes through. */
  readonly studiedLinks: readonly Link[];
}

/**
 * Builds the study (see `buildStudyInput`) and computes every figure once. Throws a RangeError
 * with the problems when the study cannot be computed (e.g. fewer than two annotators, or no
 * document every chosen annotator annotated). Same core code as the CLI.
 */
export function computeAgreementResult(
  source: AgreementSource,
  selection: AgreementSelection,
  onProgress: (fraction: number) => void = () => undefined,
  now: Date = new Date(),
): AgreementResult {
  const { input, titles, warnings } = buildStudyInput(source, selection.annotators, selection.docIds);
  if (input.documents.length === 0) {
    throw new RangeError(['No document was annotated by every chosen annotator.', ...warnings].join('\n'));
  }
  const analysis = analyzeAgreement(input, {
    ...(selection.labels ? { labels: selection.labels } : {}),
    onProgress,
  });
  const report = reportFromAnalysis(analysis, (f) =>
    onProgress(ANALYSIS_SHARE + f * (0.95 - ANALYSIS_SHARE)),
  );
  const documents = documentFigures(analysis)
    .sort(compareWorstFirst)
    .map((d) => ({ ...d, title: titles[d.id] ?? d.id }));
  const confusions = analysis.study.pairs.map((p) => labelConfusion(analysis, p.a, p.b));
  const allLinks = source.links ?? [];
  const links = studyLinkAgreement(allLinks, input);
  const studied = new Set(input.documents.map((d) => d.id));
  const chosen = new Set(input.annotators);
  const studiedLinks = allLinks.filter(
    (l) => chosen.has(l.annotator) && studied.has(l.from.docId) && studied.has(l.to.docId),
  );
  onProgress(1);
  return {
    report,
    annotators: analysis.study.annotators,
    labels: analysis.study.labels,
    documents,
    confusions,
    warnings,
    computedAt: now.toISOString(),
    links,
    studiedLinks,
  };
}
