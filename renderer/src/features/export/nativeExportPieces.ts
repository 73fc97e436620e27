import { addPage, nativePage, NO_PAGES, type PagedTotals } from '../../core/formats/export-pages';
import { serializeNativeLink } from '../../core/formats/native-links';
import { serializeNativeProject } from '../../core/formats/native-project';
import { compareLinks, endpointKey } from '../../core/links/link';
import type { Guidelines } from '../../core/model/guidelines';
import type { MarginaliaDb } from '../../db/database';
import { nativeBatchPage } from '../../db/corpus/native-batch';
import { batchPage, exportPageParts } from '../../db/repositories/export-pages';
import { listAllLinks } from '../../db/repositories/links';

export interface StreamExportRequest {
  readonly annotators: readonly string[];
  readonly includeUntouched: boolean;
  readonly withUtf16: boolean;
  /** The export's file name as the one-shot export names it (`<base>.jsonl`), for the summary. */
  readonly fileName: string;
  /** Written first as the project line (native-project.ts), so they travel with the data. */
  readonly guidelines?: Guidelines;
}

/** A piece of the file, in file order, and how many documents of the library it covers. */
export interface ExportPiece {
  readonly text: string;
  readonly documents: number;
}

/** What the summary needs once every piece is made. */
export interface ExportPiecesEnd {
  readonly totals: PagedTotals;
  readonly links: number;
}

/**
 * The whole library's native JSONL as pieces (issue 20): the project line, then a page of documents
 * at a time (exportPageParts: one batch row or a few hundred documents), each checked and serialized
 * by the one-shot export's code (nativePage) or, for a whole batch row, from its columns with the
 * same pieces and checks (nativeBatchPage), then the link lines. A problem found in a page (a span
 * outside its text) or a link whose end no page wrote throws. Holds one page at a time.
 */
export async function* nativeExportPieces(
  db: MarginaliaDb,
  req: StreamExportRequest,
): AsyncGenerator<ExportPiece, ExportPiecesEnd> {
  let totals = NO_PAGES;
  const options = { withUtf16: req.withUtf16, includeUnannotated: req.includeUntouched };
  if (req.guidelines) yield { text: `${serializeNativeProject(req.guidelines)}\n`, documents: 0 };
  // Links follow the document lines; each end must be a span the pages wrote (the self-check).
  const who = new Set(req.annotators);
  const links = (await listAllLinks(db)).filter((l) => who.has(l.annotator)).sort(compareLinks);
  const wantedEnds = new Set(
    links.flatMap((l) => [l.from, l.to].map((e) => `${l.annotator}|${endpointKey(e)}`)),
  );
  const written = new Set<string>();
  for await (const part of exportPageParts(db, req.annotators, req.includeUntouched)) {
    // A batch row straight from its columns (no per-record objects); links need each span's key,
    // which the records give.
    if ('batch' in part && wantedEnds.size === 0) {
      const direct = nativeBatchPage(part.batch, req.annotators, req);
      if (direct) {
        totals = addPage(totals, direct);
        yield { text: direct.text, documents: part.batch.ids.length };
        continue;
      }
    }
    const page = 'batch' in part ? batchPage(part.batch, req.annotators, req.includeUntouched) : part.dataset;
    // A key per span costs ~0.5 s per 100,000 documents: only when some link needs it.
    if (wantedEnds.size > 0)
      for (const set of page.sets)
        for (const sp of set.spans) {
          const key = `${set.annotator}|${endpointKey({ docId: set.docId, start: sp.start, end: sp.end })}`;
          if (wantedEnds.has(key)) written.add(key);
        }
    const out = nativePage(page, options);
    if (!out.ok) {
      const e = out.error;
      throw new Error(`"${e.docTitle}"${e.spanId ? `, span ${e.spanId}` : ''}: ${e.message}`);
    }
    totals = addPage(totals, out.value);
    yield { text: out.value.text, documents: page.documents.length };
  }
  const lost = links.find((l) =>
    [l.from, l.to].some((e) => !written.has(`${l.annotator}|${endpointKey(e)}`)),
  );
  if (lost) throw new Error(`Link ${lost.id} (${lost.annotator}): an end is not a span of this export.`);
  if (links.length > 0)
    yield { text: links.map((l) => `${serializeNativeLink(l)}\n`).join(''), documents: 0 };
  return { totals, links: links.length };
}
