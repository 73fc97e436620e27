import { isLabel } from '../model/labels';
import { codePointLength } from '../text/code-points';
import type { AgreementInput, AgreementOptions } from './types';

/** How many problems are listed before the rest are summarised (a broken file can have millions). */
const MAX_PROBLEMS = 50;

/**
 * Everything wrong with a study, as messages a lead can act on; empty when it can be computed.
 * Checks: at least two distinct annotators, distinct document ids, every span's annotator and
 * document listed, integer code point offsets with `0 <= start < end <= length`, known labels.
 * O(total text length + spans).
 */
export function validateAgreementInput(input: AgreementInput, opts: AgreementOptions = {}): string[] {
  const problems: string[] = [];
  const add = (message: string): void => {
    if (problems.length < MAX_PROBLEMS) problems.push(message);
    else if (problems.length === MAX_PROBLEMS) problems.push('… further problems not listed.');
  };
  const annotators = new Set(input.annotators);
  if (annotators.size !== input.annotators.length) add('An annotator is listed twice.');
  if (annotators.size < 2) add('Agreement needs at least two annotators.');
  for (const label of opts.labels ?? []) {
    if (!isLabel(label)) add(`Unknown label "${label}" in the label selection.`);
  }
  const lengths = new Map<string, number>();
  for (const doc of input.documents) {
    if (lengths.has(doc.id)) add(`Document "${doc.id}" is listed twice.`);
    lengths.set(doc.id, codePointLength(doc.text));
  }
  input.spans.forEach((span, i) => {
    // Messages are built only for bad spans: a study has hundreds of thousands of good ones.
    const where = (): string => `Span ${i + 1} (${span.annotator}, ${span.doc})`;
    const length = lengths.get(span.doc);
    if (!annotators.has(span.annotator)) add(`${where()}: annotator "${span.annotator}" is not listed.`);
    if (length === undefined) add(`${where()}: no document "${span.doc}" in the study.`);
    if (!isLabel(span.label)) add(`${where()}: unknown label "${span.label}".`);
    const { start, end } = span;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start >= end) {
      add(`${where()}: offsets ${start}–${end} are not 0 <= start < end.`);
    } else if (length !== undefined && end > length) {
      add(`${where()}: end ${end} is past the document's ${length} code points.`);
    }
  });
  return problems;
}
