import { addPage, nativePage, NO_PAGES, pagedSummary } from '../../core/formats/export-pages';
import type { ExportSummary } from '../../core/formats/export-types';
import { serializeNativeLink } from '../../core/formats/native-links';
import { serializeNativeProject } from '../../core/formats/native-project';
import { compareLinks, endpointKey } from '../../core/links/link';
import type { Guidelines } from '../../core/model/guidelines';
import { countLibrary } from '../../db/corpus/library-count';
import type { MarginaliaDb } from '../../db/database';
import { exportPages } from '../../db/repositories/export-pages';
import { listAllLinks } from '../../db/repositories/links';
import type { ExportSink } from '../../platform/export-sink';

export interface StreamExportRequest {
  readonly annotators: readonly string[];
  readonly includeUntouched: boolean;
  readonly withUtf16: boolean;
  /** The export's file name as the one-shot export names it (`<base>.jsonl`), for the summary. */
  readonly fileName: string;
  /** Written first as the project line (native-project.ts), so they travel with the data. */
  readonly guidelines?: Guidelines;
}

const nextTask = () => new Promise<void>((r) => setTimeout(r, 0));

/**
 * The whole library's native JSONL streamed into `sink` (issue 20): read a page of documents, check
 * and serialize it, write it, repeat. Memory holds one page, whatever the library's size; the page
 * gets a task between pages for the progress bar and Cancel. A problem found in a page (a span
 * outside its text), a failed write or Cancel aborts the sink, so no partial file is kept.
 * Returns null when cancelled, else the summary and the name of the file written.
 */
export async function streamNativeExport(
  db: MarginaliaDb,
  sink: ExportSink,
  req: StreamExportRequest,
  onProgress: (fraction: number) => void,
  cancelled: () => boolean,
): Promise<{ summary: ExportSummary; savedAs: string } | null> {
  try {
    const total = await countLibrary(db);
    let read = 0;
    let totals = NO_PAGES;
    const options = { withUtf16: req.withUtf16, includeUnannotated: req.includeUntouched };
    if (req.guidelines) await sink.write(`${serializeNativeProject(req.guidelines)}\n`);
    // Links follow the document lines; each end must be a span the pages wrote (the self-check).
    const who = new Set(req.annotators);
    const links = (await listAllLinks(db)).filter((l) => who.has(l.annotator)).sort(compareLinks);
    const wantedEnds = new Set(
      links.flatMap((l) => [l.from, l.to].map((e) => `${l.annotator}|${endpointKey(e)}`)),
    );
    const written = new Set<string>();
    for await (const page of exportPages(db, req.annotators, req.includeUntouched)) {
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
      if (out.value.text) await sink.write(out.value.text);
      totals = addPage(totals, out.value);
      read += page.documents.length;
      onProgress(total > 0 ? Math.min(1, read / total) : 1);
      await nextTask();
      if (cancelled()) {
        await sink.abort();
        return null;
      }
    }
    const lost = links.find((l) =>
      [l.from, l.to].some((e) => !written.has(`${l.annotator}|${endpointKey(e)}`)),
    );
    if (lost) throw new Error(`Link ${lost.id} (${lost.annotator}): an end is not a span of this export.`);
    if (links.length > 0) await sink.write(links.map((l) => `${serializeNativeLink(l)}\n`).join(''));
    const savedAs = await sink.close();
    onProgress(1);
    const summary = pagedSummary(req.fileName, totals);
    return { summary: links.length > 0 ? { ...summary, links: links.length } : summary, savedAs };
  } catch (e) {
    await sink.abort().catch(() => undefined);
    throw e;
  }
}
