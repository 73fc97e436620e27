import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleDocument } from '../../renderer/src/core/model/document';
import { planExport } from '../../renderer/src/core/formats/export';
import {
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportOptions,
  type ExportSummary,
} from '../../renderer/src/core/formats/export-types';
import { parseImportFiles } from '../../renderer/src/core/formats/import';
import type { ImportResult } from '../../renderer/src/core/formats/import-types';
import { flag, opt, parseArgs, sw } from '../args';
import type { CommandIo } from '../io';
import { IMPORT_OPTIONS, IMPORT_USAGE, importOptions } from '../options';
import { type OutputFile, writeOutputs } from '../output-files';
import { readImportFiles } from '../read-files';
import { textReport } from './validate';

export const CONVERT_USAGE = `marginalia convert IN --to ${EXPORT_FORMATS.join('|')} [--out FILE] [--with-utf16]
    [import options]

Imports IN exactly as the app would, then exports it. Without --out the result goes to standard
output; brat writes several files and needs --out DIRECTORY. Files are written completely or not
at all, also when interrupted. Exit status 0 on success, 2 when the input cannot be read or would
not import, the export is refused or the output cannot be written (one sentence on standard
error), 64 for misuse such as an unknown option. The unit options apply to the export too
(--doccano-unit, --labelstudio-unit, --w3c-unit).

${IMPORT_USAGE}`;

const OPTIONS = [opt('to', 'FORMAT'), opt('out', 'FILE'), sw('with-utf16'), ...IMPORT_OPTIONS];

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
  // Links name their annotator always (native, W3C), so they need no fallback.
  return { documents, sets, links: r.links };
}

/** What already sits at `path`: nothing, a folder, a regular file or something else. */
function kindAt(path: string): 'none' | 'folder' | 'file' | 'other' {
  try {
    const st = statSync(path);
    return st.isDirectory() ? 'folder' : st.isFile() ? 'file' : 'other';
  } catch {
    return 'none';
  }
}

/** Why `--out` cannot be written for this format, checked before any work. */
function outProblem(out: string, brat: boolean): string | null {
  const kind = kindAt(out);
  if (brat) return kind === 'none' || kind === 'folder' ? null : `--out ${out} exists and is not a folder.`;
  if (kind === 'folder') return `--out ${out} is a folder: name the file to write.`;
  if (kind === 'other')
    return `--out ${out} is not a regular file: leave out --out to write to standard output.`;
  return null;
}

const WRITE_WHY: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the disk is read-only',
  ENOTDIR: 'a folder in its path is a file',
  EISDIR: 'a folder is in the way',
  EEXIST: 'a file is in the way',
};

function writeFailure(out: string, e: unknown): string {
  const { code = '', path } = (e ?? {}) as NodeJS.ErrnoException;
  // A temporary file's name means nothing to the user; the output it was for does.
  const where = path && !path.endsWith('.tmp') ? path : out;
  const why = WRITE_WHY[code] ?? `the system said ${code || String(e)}`;
  return `Cannot write ${where}: ${why}; nothing was written.`;
}

export async function runConvert(argv: readonly string[], io: CommandIo): Promise<number> {
  const args = parseArgs(argv, OPTIONS);
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
  const fail = (line: string): number => {
    io.err(line);
    return 2;
  };
  const outWhy = out === undefined ? null : outProblem(out, to === 'brat');
  if (outWhy) return fail(outWhy);
  const { files, problems } = readImportFiles(args.positional);
  if (problems[0]) return fail(`${problems[0].path}: ${problems[0].message}`);
  const result = parseImportFiles(files, options)[0];
  if (!result || !result.ok) {
    if (result) io.err(...textReport(result));
    return 2;
  }
  if (result.needsAnnotator)
    return fail(`${result.file} names no annotator for its spans: pass --annotator NAME.`);
  const exportOptions: ExportOptions = {
    format: to as ExportFormat,
    withUtf16: args.flags.has('with-utf16') || (to === 'native' && result.nativeWithUtf16 === true),
    ...(options.doccanoUnit ? { doccanoUnit: options.doccanoUnit } : {}),
    ...(options.labelStudioUnit ? { labelStudioUnit: options.labelStudioUnit } : {}),
    ...(options.w3cUnit ? { w3cUnit: options.w3cUnit } : {}),
  };
  const plan = planExport(datasetOf(result, options.annotator), exportOptions);
  if (!plan.ok) return fail(`Export refused: ${plan.error.message}`);
  let summary: ExportSummary | undefined;
  const gen = plan.value.chunks();
  if (to === 'brat' && out) {
    // brat interleaves its files' chunks; each is small (one document's .txt or .ann).
    const parts = new Map<string, string[]>(plan.value.files.map((f) => [f.name, []]));
    let next = gen.next();
    for (; !next.done; next = gen.next()) parts.get(next.value.file)?.push(next.value.text);
    summary = next.value;
    const outputs: OutputFile[] = [...parts].map(([name, chunks]) => ({ path: join(out, name), chunks }));
    try {
      await writeOutputs(outputs);
    } catch (e) {
      return fail(writeFailure(out, e));
    }
  } else {
    const texts = function* (): Generator<string> {
      let next = gen.next();
      for (; !next.done; next = gen.next()) yield next.value.text;
      summary = next.value;
    };
    if (out) {
      try {
        await writeOutputs([{ path: out, chunks: texts() }]);
      } catch (e) {
        return fail(writeFailure(out, e));
      }
    } else {
      let batch: string[] = [];
      let size = 0;
      for (const t of texts()) {
        batch.push(t);
        size += t.length;
        if (size >= 1 << 20) {
          io.write(batch.join(''));
          batch = [];
          size = 0;
        }
      }
      io.write(batch.join(''));
    }
  }
  if (!summary) return fail('The export ended early; nothing more was written.');
  for (const line of result.summary) io.err(line);
  for (const n of summary.notes) io.err(n);
  const left = summary.leftOut?.count ?? 0;
  if (out) {
    io.err(
      `Wrote ${summary.documents} document(s), ${summary.spans} span(s)${summary.links ? `, ${summary.links} link(s)` : ''} as ${to} to ${out}${left > 0 ? ` (${left} of ${summary.spans + left} could not be written)` : ''}.`,
    );
  }
  return 0;
}
