import { addPage, nativePage, NO_PAGES, pagedSummary } from '../../core/formats/export-pages';
import type { ExportSummary } from '../../core/formats/export-types';
import { serializeNativeProject } from '../../core/formats/native-project';
import type { Guidelines } from '../../core/model/guidelines';
import type { MarginaliaDb } from '../../db/database';
import { exportPages } from '../../db/repositories/export-pages';
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
    const total = await db.documents.count();
    let read = 0;
    let totals = NO_PAGES;
    const options = { withUtf16: req.withUtf16, includeUnannotated: req.includeUntouched };
    if (req.guidelines) await sink.write(`${serializeNativeProject(req.guidelines)}\n`);
    for await (const page of exportPages(db, req.annotators, req.includeUntouched)) {
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
    const savedAs = await sink.close();
    onProgress(1);
    return { summary: pagedSummary(req.fileName, totals), savedAs };
  } catch (e) {
    await sink.abort().catch(() => undefined);
    throw e;
  }
}
