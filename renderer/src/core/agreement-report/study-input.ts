import { compareCodePoints } from '../agreement/pairs';
import type { AgreementInput, AgreementSpan } from '../agreement/types';
import { linkAgreement, type LinkAgreementReport } from '../links/agreement';
import type { Link } from '../links/link';

/** A document as the report knows it. */
export interface SourceDocument {
  readonly id: string;
  readonly title: string;
  readonly text: string;
}

/**
 * One annotator's work on one document. Its existence is what matters: a set with no spans means
 * "read it and marked nothing" (an export line, a status or spans in the database).
 */
export interface SourceSet {
  readonly docId: string;
  readonly annotator: string;
  readonly spans: readonly { readonly start: number; readonly end: number; readonly label: string }[];
}

export interface AgreementSource {
  readonly documents: readonly SourceDocument[];
  readonly sets: readonly SourceSet[];
  /** The annotators' links (issue 16); absent: none. */
  readonly links?: readonly Link[];
}

/**
 * Link agreement over a study (the CLI's `links` section and the Agreement view's, one function):
 * the study's annotators, and only links whose two ends lie in the studied documents.
 */
export function studyLinkAgreement(links: readonly Link[], input: AgreementInput): LinkAgreementReport {
  return linkAgreement(links, input.annotators, { docs: new Set(input.documents.map((d) => d.id)) });
}

export interface StudyInput {
  readonly input: AgreementInput;
  /** Titles of the studied documents, by id. */
  readonly titles: Readonly<Record<string, string>>;
  /** What was left out and why, worded for a lead. */
  readonly warnings: readonly string[];
}

/**
 * The study for `annotators` over `docIds` (null: every document): a document is studied only
 * when every chosen annotator has a set for it — agreement is computed between annotations of the
 * identical text, so a document some annotator never saw is left out and reported, never aligned
 * or counted as "marked nothing". Documents are identified by id (a hash of the exact text), so two
 * versions of an article are two documents; when they share a title this is reported.
 * O(documents + spans).
 */
export function buildStudyInput(
  source: AgreementSource,
  annotators: readonly string[],
  docIds: readonly string[] | null,
): StudyInput {
  const chosen = [...new Set(annotators)].sort(compareCodePoints);
  const wanted = new Set(chosen);
  const onlyDocs = docIds ? new Set(docIds) : null;
  const setsByDoc = new Map<string, Set<string>>();
  for (const s of source.sets) {
    if (!wanted.has(s.annotator)) continue;
    const have = setsByDoc.get(s.docId) ?? new Set<string>();
    have.add(s.annotator);
    setsByDoc.set(s.docId, have);
  }
  const warnings: string[] = [];
  const studied: SourceDocument[] = [];
  let untouched = 0;
  for (const doc of source.documents) {
    if (onlyDocs && !onlyDocs.has(doc.id)) continue;
    const have = setsByDoc.get(doc.id);
    if (!have || have.size === 0) {
      untouched += 1;
      continue;
    }
    const missing = chosen.filter((a) => !have.has(a));
    if (missing.length > 0) {
      warnings.push(`"${doc.title}" left out: no annotation by ${missing.join(', ')}.`);
      continue;
    }
    studied.push(doc);
  }
  if (untouched > 0)
    warnings.push(`${untouched} document(s) annotated by none of the chosen annotators left out.`);
  warnings.push(...sameTitleWarnings(source.documents, setsByDoc, onlyDocs));
  const ids = new Set(studied.map((d) => d.id));
  const spans: AgreementSpan[] = [];
  for (const s of source.sets) {
    if (!wanted.has(s.annotator) || !ids.has(s.docId)) continue;
    for (const x of s.spans)
      spans.push({ annotator: s.annotator, doc: s.docId, start: x.start, end: x.end, label: x.label });
  }
  return {
    input: { documents: studied.map((d) => ({ id: d.id, text: d.text })), annotators: chosen, spans },
    titles: Object.fromEntries(studied.map((d) => [d.id, d.title])),
    warnings,
  };
}

/** Same title, different text, annotated by different people: probably one article edited. */
function sameTitleWarnings(
  documents: readonly SourceDocument[],
  setsByDoc: ReadonlyMap<string, ReadonlySet<string>>,
  onlyDocs: ReadonlySet<string> | null,
): string[] {
  const byTitle = new Map<string, SourceDocument[]>();
  for (const d of documents) {
    if ((onlyDocs && !onlyDocs.has(d.id)) || !setsByDoc.has(d.id)) continue;
    byTitle.set(d.title, [...(byTitle.get(d.title) ?? []), d]);
  }
  return [...byTitle.entries()]
    .filter(([, docs]) => docs.length > 1)
    .map(
      ([title, docs]) =>
        `${docs.length} different texts are titled "${title}" (${docs.map((d) => d.id.slice(0, 15)).join(', ')}); annotations of different texts are not compared.`,
    );
}
