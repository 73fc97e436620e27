import { parseImportFiles } from '../../renderer/src/core/formats/import';
import type { ImportedLink } from '../../renderer/src/core/formats/import-types';
import { claimsFile, claimsOf } from '../../renderer/src/core/links/claims-export';
import { flag, opt, parseArgs } from '../args';
import type { CommandIo } from '../io';
import { IMPORT_OPTIONS, IMPORT_USAGE, importOptions } from '../options';
import { readImportFiles } from '../read-files';
import { claimsTable } from './claims-table';
import { textReport } from './validate';

export const CLAIMS_USAGE = `marginalia claims FILE… [--annotator NAME] [--format json|table] [import options]

Groups the claims of the files into clusters: every "claim" span and every link endpoint is a
mention; "same_claim" links join mentions into one cluster, "supports" and "contradicts" links
become edges between clusters (docs/format.md, "Claims JSON"). Links come from native JSONL link
lines and W3C linking annotations; other formats give one cluster per claim span.
--annotator NAME keeps only NAME's spans and links (e.g. gold), and is the annotator of files that
name none. --format json prints {"clusters":[{"id","mentions":[{"doc_id","start","end","text"}],
"supports","contradicts","articles","annotators"}]} (offsets in code points).
Exit status 2 when a file cannot be read or would not import, 64 for misuse.

${IMPORT_USAGE}`;

const OPTIONS = [opt('format', 'json|table'), ...IMPORT_OPTIONS];

interface Library {
  readonly documents: { id: string; title: string; text: string }[];
  readonly sets: { docId: string; annotator: string; spans: readonly ClaimSpanRow[] }[];
  readonly links: ImportedLink[];
}
type ClaimSpanRow = { readonly start: number; readonly end: number; readonly label: string };

export async function runClaims(argv: readonly string[], io: CommandIo): Promise<number> {
  const args = parseArgs(argv, OPTIONS);
  if (typeof args === 'string') return io.usageError(args, CLAIMS_USAGE);
  const format = flag(args, 'format') ?? 'table';
  if (format !== 'json' && format !== 'table')
    return io.usageError('--format must be "json" or "table".', CLAIMS_USAGE);
  if (args.positional.length === 0) return io.usageError('Name at least one file.', CLAIMS_USAGE);
  const options = importOptions(args);
  if (typeof options === 'string') return io.usageError(options, CLAIMS_USAGE);
  const { files, problems } = readImportFiles(args.positional);
  if (problems.length > 0) {
    io.err(...problems.map((p) => `${p.path}: ${p.message}`));
    return 2;
  }
  const lib: Library = { documents: [], sets: [], links: [] };
  const seen = new Set<string>();
  for (const r of parseImportFiles(files, options)) {
    if (!r.ok) {
      io.err(...textReport(r));
      return 2;
    }
    if (r.needsAnnotator) {
      io.err(`${r.file} names no annotator for its spans: pass --annotator NAME.`);
      return 2;
    }
    for (const d of r.documents) {
      // A document id is the hash of its text, so the same id in two files is the same text.
      if (seen.has(d.id)) continue;
      seen.add(d.id);
      lib.documents.push({ id: d.id, title: d.title, text: d.text });
    }
    for (const a of r.annotations)
      lib.sets.push({ docId: a.docId, annotator: a.annotator ?? '', spans: a.spans });
    lib.links.push(...r.links);
  }
  const only = options.annotator?.trim() || undefined;
  if (format === 'json') io.write(claimsFile(lib, only));
  else {
    const { clusters, textOf } = claimsOf(lib, only);
    const titles = new Map(lib.documents.map((d) => [d.id, d.title]));
    io.out(...claimsTable(clusters, (id) => titles.get(id) ?? id, textOf));
  }
  const mine = (x: { annotator: string }): boolean => x.annotator === only;
  if (only && !lib.sets.some((s) => mine(s) && s.spans.length > 0) && !lib.links.some(mine))
    io.err(`The files hold no spans or links of "${only}".`);
  return 0;
}
