import { parseImportFiles } from '../../renderer/src/core/formats/import';
import type { ImportResult } from '../../renderer/src/core/formats/import-types';
import { flag, opt, parseArgs } from '../args';
import type { CommandIo } from '../io';
import { IMPORT_OPTIONS, IMPORT_USAGE, importOptions, LABEL_HINT, offerHints } from '../options';
import { type InputProblem, readImportFiles } from '../read-files';

export const VALIDATE_USAGE = `marginalia validate FILE… [--format text|json] [import options]

Runs the import validator on each file and prints its report. Exit status 0 when every file
would import, 2 otherwise (also for a file that cannot be read: missing, a folder, not a regular
file, or over the 256 MiB import limit). --format json prints one JSON object per file per line.
Unknown options are refused (exit status 64).

${IMPORT_USAGE}`;

const OPTIONS = [opt('format', 'text|json'), ...IMPORT_OPTIONS];

const spansOf = (r: ImportResult): number => r.annotations.reduce((n, a) => n + a.spans.length, 0);

/** The report line of `--format json` (issue #3): what would be stored, and why not. */
export function jsonReport(r: ImportResult): string {
  return JSON.stringify({
    file: r.file,
    format: r.format,
    ok: r.ok,
    documents: r.documents.length,
    spans: spansOf(r),
    // Totals: `errors` and `warnings` list at most 100 each.
    errorCount: r.errorCount,
    warningCount: r.warningCount,
    errors: r.errors.map((e) => ({ line: e.line, field: e.field, message: e.message })),
    warnings: r.warnings.map((w) => ({
      line: w.line,
      message: w.field ? `${w.field}: ${w.message}` : w.message,
    })),
    summary: r.summary,
    labels: r.labels,
    offers: r.offers,
    relations: r.relations.length,
    links: r.links.length,
  });
}

const where = (p: { line: number | null; field: string | null }): string =>
  [p.line !== null ? `line ${p.line}` : null, p.field !== null ? `field ${p.field}` : null]
    .filter(Boolean)
    .join(', ');

/** A file that could not be read, in the shape of a report line (no line, no field). */
function unreadable(p: InputProblem, format: string): string {
  if (format !== 'json') return `ERROR ${p.path}: ${p.message}`;
  const errors = [{ line: null, field: null, message: p.message }];
  return JSON.stringify({
    file: p.path,
    format: null,
    ok: false,
    documents: 0,
    spans: 0,
    errorCount: 1,
    warningCount: 0,
    errors,
    warnings: [],
    summary: [],
    labels: [],
    offers: [],
    relations: 0,
    links: 0,
  });
}

/** The human-readable report of one file, one line per entry. */
export function textReport(r: ImportResult): string[] {
  const out: string[] = [];
  const fmt = r.format ? ` (${r.format})` : '';
  if (r.ok) {
    out.push(
      `OK    ${r.file}${fmt}: would import ${r.documents.length} document(s) and ${spansOf(r)} span(s)${r.links.length > 0 ? ` with ${r.links.length} link(s) between them` : ''}.`,
    );
    if (r.needsAnnotator)
      out.push('      This file names no annotator: the app will ask for one (here: --annotator NAME).');
  } else {
    out.push(`ERROR ${r.file}${fmt}: nothing would be imported (${r.errorCount} problem(s)).`);
  }
  for (const line of r.summary) out.push(`      ${line}`);
  for (const e of r.errors) out.push(`      ${where(e) ? `${where(e)}: ` : ''}${e.message}`);
  if (r.labels.some((l) => l.target === null)) out.push(`      ${LABEL_HINT}`);
  for (const hint of offerHints(r.offers)) out.push(`      ${hint}`);
  for (const w of r.warnings) out.push(`      warning${where(w) ? ` (${where(w)})` : ''}: ${w.message}`);
  return out;
}

export async function runValidate(argv: readonly string[], io: CommandIo): Promise<number> {
  const args = parseArgs(argv, OPTIONS);
  if (typeof args === 'string') return io.usageError(args, VALIDATE_USAGE);
  const format = flag(args, 'format') ?? 'text';
  if (format !== 'text' && format !== 'json')
    return io.usageError('--format must be "text" or "json".', VALIDATE_USAGE);
  if (args.positional.length === 0) return io.usageError('Name at least one file.', VALIDATE_USAGE);
  const options = importOptions(args);
  if (typeof options === 'string') return io.usageError(options, VALIDATE_USAGE);
  const { files, problems } = readImportFiles(args.positional);
  const results: ImportResult[] = parseImportFiles(files, options);
  let allOk = problems.length === 0;
  for (const p of problems) io.out(unreadable(p, format));
  for (const r of results) {
    allOk &&= r.ok;
    if (format === 'json') io.out(jsonReport(r));
    else io.out(...textReport(r));
  }
  return allOk ? 0 : 2;
}
