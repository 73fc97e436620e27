import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ArticleDocument } from '../../renderer/src/core/model/document';
import { planExport } from '../../renderer/src/core/formats/export';
import {
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportOptions,
} from '../../renderer/src/core/formats/export-types';
import { parseImportFiles } from '../../renderer/src/core/formats/import';
import type { ImportResult } from '../../renderer/src/core/formats/import-types';
import { flag, parseArgs } from '../args';
import { IMPORT_FLAGS, importOptions } from '../options';
import { readImportFiles } from '../read-files';
import type { CommandIo } from '../main';
import { textReport } from './validate';

export const CONVERT_USAGE = `marginalia convert IN --to ${EXPORT_FORMATS.join('|')} [--out FILE] [--annotator NAME]
    [--with-utf16] [--doccano-unit codepoint|utf16] [--labelstudio-unit codepoint|utf16]

Imports IN exactly as the app would, then exports it. Without --out the result goes to standard
output; brat writes several files and needs --out DIRECTORY. Files are written completely or not
at all. Exit status 0 on success, 2 when the input would not import or the export is refused.`;

/** Writes `text` to `path` through a temporary file and a rename, so it is complete or absent. */
function writeAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/** The export dataset equivalent to storing `r` and exporting everything. */
function datasetOf(r: ImportResult, annotator: string | undefined) {
  const documents: ArticleDocument[] = r.documents.map((d, order) => ({ ...d, order }));
  const sets = r.annotations.map((a) => ({
    docId: a.docId,
    annotator: a.annotator ?? annotator ?? '',
    status: a.status ?? 'in_progress',
    spans: a.spans,
    ...(a.recordMeta ? { recordMeta: a.recordMeta } : {}),
  }));
  return { documents, sets };
}

export async function runConvert(argv: readonly string[], io: CommandIo): Promise<number> {
  const args = parseArgs(argv, new Set(['to', 'out', ...IMPORT_FLAGS]));
  if (typeof args === 'string') return io.usageError(args, CONVERT_USAGE);
  const to = flag(args, 'to');
  if (!to || !(EXPORT_FORMATS as readonly string[]).includes(to)) {
    return io.usageError(`--to must be one of ${EXPORT_FORMATS.join(', ')}.`, CONVERT_USAGE);
  }
  if (args.positional.length !== 1) return io.usageError('Name exactly one input file.', CONVERT_USAGE);
  const options = importOptions(args);
  if (typeof options === 'string') return io.usageError(options, CONVERT_USAGE);
  const out = flag(args, 'out');
  if (to === 'brat' && !out)
    return io.usageError('brat writes several files: give --out DIRECTORY.', CONVERT_USAGE);
  const { files, missing } = readImportFiles(args.positional);
  if (missing.length > 0) {
    io.err(`${missing[0]}: the file does not exist.`);
    return 2;
  }
  const result = parseImportFiles(files, options)[0];
  if (!result || !result.ok) {
    if (result) io.err(textReport(result));
    return 2;
  }
  if (result.needsAnnotator) {
    io.err(`${result.file} names no annotator for its spans: pass --annotator NAME.`);
    return 2;
  }
  const exportOptions: ExportOptions = {
    format: to as ExportFormat,
    withUtf16: args.flags.has('with-utf16') || (to === 'native' && result.nativeWithUtf16 === true),
    ...(options.doccanoUnit ? { doccanoUnit: options.doccanoUnit } : {}),
    ...(options.labelStudioUnit ? { labelStudioUnit: options.labelStudioUnit } : {}),
  };
  const plan = planExport(datasetOf(result, options.annotator), exportOptions);
  if (!plan.ok) {
    io.err(`Export refused: ${plan.error.message}`);
    return 2;
  }
  const parts = new Map<string, string[]>(plan.value.files.map((f) => [f.name, []]));
  const gen = plan.value.chunks();
  let next = gen.next();
  while (!next.done) {
    parts.get(next.value.file)?.push(next.value.text);
    next = gen.next();
  }
  const summary = next.value;
  if (to === 'brat' && out) {
    for (const f of plan.value.files) writeAtomic(join(out, f.name), (parts.get(f.name) ?? []).join(''));
  } else {
    const only = plan.value.files[0];
    const text = only ? (parts.get(only.name) ?? []).join('') : '';
    if (out) writeAtomic(out, text);
    else io.write(text);
  }
  for (const n of summary.notes) io.err(n);
  if (out) io.err(`Wrote ${summary.documents} document(s), ${summary.spans} span(s) as ${to} to ${out}.`);
  return 0;
}
