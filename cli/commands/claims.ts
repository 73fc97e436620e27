import { parseImportFiles } from '../../renderer/src/core/formats/import';
import type { ImportedLink } from '../../renderer/src/core/formats/import-types';
import { buildClaimClusters, claimsJson, type ClaimSpan } from '../../renderer/src/core/links/clusters';
import type { LinkEndpoint } from '../../renderer/src/core/links/link';
import { CodePointIndex } from '../../renderer/src/core/text/code-points';
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
  readonly order: string[];
  readonly docs: Map<string, { title: string; index: CodePointIndex }>;
  readonly spans: ClaimSpan[];
  readonly links: ImportedLink[];
}

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
  const lib: Library = { order: [], docs: new Map(), spans: [], links: [] };
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
      if (lib.docs.has(d.id)) continue;
      lib.order.push(d.id);
      lib.docs.set(d.id, { title: d.title, index: new CodePointIndex(d.text) });
    }
    for (const a of r.annotations) {
      const annotator = a.annotator ?? '';
      for (const s of a.spans) lib.spans.push({ annotator, docId: a.docId, ...s });
    }
    lib.links.push(...r.links);
  }
  const only = options.annotator?.trim();
  const spans = only ? lib.spans.filter((s) => s.annotator === only) : lib.spans;
  const links = only ? lib.links.filter((l) => l.annotator === only) : lib.links;
  const clusters = buildClaimClusters(spans, links, { docOrder: lib.order });
  const textOf = (e: LinkEndpoint): string => lib.docs.get(e.docId)?.index.slice(e.start, e.end) ?? '';
  if (format === 'json') io.out(JSON.stringify(claimsJson(clusters, textOf)));
  else io.out(...claimsTable(clusters, (id) => lib.docs.get(id)?.title ?? id, textOf));
  if (only && spans.length === 0 && links.length === 0)
    io.err(`The files hold no spans or links of "${only}".`);
  return 0;
}
