import { LABELS } from '../model/labels';
import { type CodePointOffset, codePointLength } from '../text/code-points';
import { tokenOffsets, type TokenOffsets } from '../text/tokenize';
import { type AnnotatorPair, annotatorPairs, compareCodePoints } from './pairs';
import type { AgreementInput, AgreementOptions } from './types';
import { validateAgreementInput } from './validate';

/** One document of a prepared study. Offsets in code points. */
export interface StudyDocument {
  readonly id: string;
  readonly text: string;
  /** Length in code points. */
  readonly length: number;
  /** Where the document starts on the αU continuum (sum of the lengths before it). */
  readonly offset: number;
  readonly tokens: TokenOffsets;
  /** Index of the document's first token in the study's token sequence. */
  readonly tokenStart: number;
}

/** A span after collapsing duplicates; `label` indexes `Study.labels`. */
export interface StudySpan {
  readonly start: CodePointOffset;
  readonly end: CodePointOffset;
  readonly label: number;
}

/**
 * A validated, normalised study that every metric reads. Invariants: `annotators` distinct and in
 * code point order; `spans[a][d]` holds annotator a's spans on document d without duplicates,
 * sorted by (start ↑, end ↓, label name in code point order ↑), the single-label view's priority.
 */
export interface Study {
  readonly annotators: readonly string[];
  readonly labels: readonly string[];
  readonly documents: readonly StudyDocument[];
  readonly spans: readonly (readonly (readonly StudySpan[])[])[];
  readonly pairs: readonly AnnotatorPair[];
  readonly nTokens: number;
  readonly continuumLength: number;
}

/** Orders spans by the single-label view's priority; labels compared by name. */
export function compareStudySpans(labels: readonly string[]): (x: StudySpan, y: StudySpan) => number {
  return (x, y) =>
    x.start - y.start ||
    y.end - x.end ||
    compareCodePoints(labels[x.label] as string, labels[y.label] as string);
}

/** Identical spans of one annotator count once; after sorting they are neighbours. O(n). */
function dropAdjacentDuplicates(sorted: StudySpan[]): StudySpan[] {
  return sorted.filter((s, i) => {
    const prev = sorted[i - 1];
    return !prev || prev.start !== s.start || prev.end !== s.end || prev.label !== s.label;
  });
}

/**
 * Validates and normalises `input` (throws a RangeError listing the problems; call
 * `validateAgreementInput` first to get them as values). Tokenizes every document once.
 * O(total text + S log S) for S spans. Reports progress in [0, progressShare].
 */
export function prepareStudy(input: AgreementInput, opts: AgreementOptions = {}, progressShare = 0): Study {
  const problems = validateAgreementInput(input, opts);
  if (problems.length > 0) throw new RangeError(problems.join('\n'));
  const labels: readonly string[] = opts.labels ? [...new Set(opts.labels)] : LABELS;
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const annotators = [...input.annotators].sort(compareCodePoints);
  const annotatorIndex = new Map(annotators.map((a, i) => [a, i]));
  const docIndex = new Map(input.documents.map((d, i) => [d.id, i]));

  const documents: StudyDocument[] = [];
  let offset = 0;
  let tokenStart = 0;
  const step = Math.max(1, Math.ceil(input.documents.length / 20));
  input.documents.forEach((doc, d) => {
    const tokens = tokenOffsets(doc.text);
    const length = codePointLength(doc.text);
    documents.push({ id: doc.id, text: doc.text, length, offset, tokens, tokenStart });
    offset += length;
    tokenStart += tokens.count;
    if (progressShare > 0 && d % step === 0) {
      opts.onProgress?.((progressShare * (d + 1)) / input.documents.length);
    }
  });

  const spans: StudySpan[][][] = annotators.map(() => documents.map(() => []));
  for (const s of input.spans) {
    const label = labelIndex.get(s.label);
    if (label === undefined) continue; // outside the label selection
    const a = annotatorIndex.get(s.annotator) as number;
    const d = docIndex.get(s.doc) as number;
    (spans[a]?.[d] as StudySpan[]).push({ start: s.start, end: s.end, label });
  }
  const order = compareStudySpans(labels);
  for (const perDoc of spans) {
    perDoc.forEach((list, d) => {
      list.sort(order);
      perDoc[d] = dropAdjacentDuplicates(list);
    });
  }

  return {
    annotators,
    labels,
    documents,
    spans,
    pairs: annotatorPairs(annotators),
    nTokens: tokenStart,
    continuumLength: offset,
  };
}
