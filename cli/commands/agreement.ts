import { computeAgreement } from '../../renderer/src/core/agreement/report';
import type { AgreementReport } from '../../renderer/src/core/agreement/types';
import {
  buildStudyInput,
  studyLinkAgreement,
  type SourceDocument,
  type SourceSet,
} from '../../renderer/src/core/agreement-report/study-input';
import { parseImportFile } from '../../renderer/src/core/formats/import';
import type { ImportedLink } from '../../renderer/src/core/formats/import-types';
import type { LinkAgreementReport } from '../../renderer/src/core/links/agreement';
import { isLabel } from '../../renderer/src/core/model/labels';
import { flag, opt, parseArgs } from '../args';
import type { CommandIo } from '../io';
import { readInputFile } from '../read-files';
import { tableReport } from './agreement-table';

export const AGREEMENT_USAGE = `marginalia agreement FILE… [--labels claim,quote,…] [--format json|table]

Inter-annotator agreement of native JSONL exports (one or many files, one or many annotators),
computed by the same code as the app (docs/agreement.md). A document counts for an annotator when
a line for it exists, even with no spans; a document some annotator has no line for is left out
with a warning. --format json prints one JSON object: annotators, documents, n_tokens, n_spans,
span, token, token_extra, unitizing (the structure of the test fixtures), links and warnings.
Links (native link lines) are compared per annotator pair and relation: two links match when
relation and both ends (doc_id, start, end) are equal, either way round for same_claim and
contradicts; the links section gives precision, recall, f1, matched, a_only, b_only per pair and
relation, and the overall F1 (the mean over pairs). Only links whose two ends lie in compared
documents count.
Exit status 2 on bad input (unreadable or invalid file, different texts under one doc_id, fewer
than two annotators); 64 for misuse such as an unknown option.`;

/** The `--format json` object: the fixture members of the report plus what it rests on. */
export function agreementJson(
  report: AgreementReport,
  annotators: readonly string[],
  documents: readonly string[],
  warnings: readonly string[],
  links: LinkAgreementReport,
): Record<string, unknown> {
  return {
    annotators,
    documents,
    n_tokens: report.n_tokens,
    n_spans: report.n_spans,
    span: report.span,
    token: report.token,
    token_extra: report.token_extra,
    unitizing: report.unitizing,
    links,
    warnings,
  };
}

const OPTIONS = [opt('format', 'json|table'), opt('labels', 'LABEL,…')];

type Loaded =
  | { documents: SourceDocument[]; sets: SourceSet[]; links: ImportedLink[]; warnings: string[] }
  | { problems: string[] };

/** Reads and validates every file with the app's native importer; all problems, or the data. */
function loadFiles(paths: readonly string[]): Loaded {
  const problems: string[] = [];
  const warnings: string[] = [];
  const links: ImportedLink[] = [];
  const documents = new Map<string, SourceDocument>();
  const sets = new Map<string, { docId: string; annotator: string; spans: SourceSet['spans'][number][] }>();
  for (const path of paths) {
    const read = readInputFile(path);
    if (!read.ok) {
      problems.push(`${path}: ${read.message}`);
      continue;
    }
    const r = parseImportFile({ name: path, bytes: read.bytes, options: { format: 'native' } });
    for (const e of r.errors) problems.push(`${path}${e.line !== null ? `:${e.line}` : ''}: ${e.message}`);
    for (const w of r.warnings) warnings.push(`${path}${w.line !== null ? `:${w.line}` : ''}: ${w.message}`);
    for (const d of r.documents) {
      const seen = documents.get(d.id);
      if (seen && seen.text !== d.text)
        problems.push(`${path}: doc_id ${d.id} has a different text than in another file.`);
      else if (!seen) documents.set(d.id, { id: d.id, title: d.title, text: d.text });
    }
    for (const a of r.annotations) {
      if (a.annotator === null) continue;
      const key = `${a.docId}\u0000${a.annotator}`;
      const set = sets.get(key);
      if (set) {
        warnings.push(
          `${path}: "${a.annotator}" has a second line for doc_id ${a.docId}; its spans were added.`,
        );
        set.spans.push(...a.spans);
      } else sets.set(key, { docId: a.docId, annotator: a.annotator, spans: [...a.spans] });
    }
    links.push(...r.links);
  }
  return problems.length > 0
    ? { problems }
    : { documents: [...documents.values()], sets: [...sets.values()], links, warnings };
}

export async function runAgreement(argv: readonly string[], io: CommandIo): Promise<number> {
  const args = parseArgs(argv, OPTIONS);
  if (typeof args === 'string') return io.usageError(args, AGREEMENT_USAGE);
  const format = flag(args, 'format') ?? 'table';
  if (format !== 'json' && format !== 'table')
    return io.usageError('--format must be "json" or "table".', AGREEMENT_USAGE);
  if (args.positional.length === 0)
    return io.usageError('Name at least one native JSONL export.', AGREEMENT_USAGE);
  const labelFlag = flag(args, 'labels');
  const labels = labelFlag
    ?.split(',')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const fail = (lines: readonly string[]): number => {
    io.err(...lines);
    return 2;
  };
  const badLabels = (labels ?? []).filter((l) => !isLabel(l));
  if (badLabels.length > 0)
    return fail([
      `Unknown label(s) in --labels: ${badLabels.join(', ')} (known: claim, quote, figure, speculation).`,
    ]);
  if (labels && labels.length === 0) return fail(['--labels names no label.']);
  const loaded = loadFiles(args.positional);
  if ('problems' in loaded)
    return fail(['Cannot compute agreement: the input has problems.', ...loaded.problems]);
  const annotators = [...new Set(loaded.sets.map((s) => s.annotator))];
  if (annotators.length < 2) {
    return fail([
      `Agreement needs at least two annotators; the files name ${annotators.length === 0 ? 'none' : `only "${annotators[0] ?? ''}"`}.`,
    ]);
  }
  const study = buildStudyInput(loaded, annotators, null);
  const warnings = [...loaded.warnings, ...study.warnings];
  if (study.input.documents.length === 0) {
    return fail([
      'No document has a line from every annotator, so there is nothing to compare.',
      ...warnings,
    ]);
  }
  const report = computeAgreement(study.input, labels ? { labels } : {});
  const docs = study.input.documents.map((d) => d.id);
  const links = studyLinkAgreement(loaded.links, study.input);
  if (format === 'json')
    io.out(JSON.stringify(agreementJson(report, study.input.annotators, docs, warnings, links)));
  else io.out(...tableReport(report, study.input.annotators, labels ?? null, warnings, links));
  return 0;
}
