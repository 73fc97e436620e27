import { NO_PAGES, pagedSummary } from '../../core/formats/export-pages';
import type { ExportSummary } from '../../core/formats/export-types';
import { countLibrary } from '../../db/corpus/library-count';
import type { MarginaliaDb } from '../../db/database';
import type { ExportSink } from '../../platform/export-sink';
import { nativeExportPieces, type ExportPiecesEnd, type StreamExportRequest } from './nativeExportPieces';

export type { StreamExportRequest } from './nativeExportPieces';

const STOPPED: ExportPiecesEnd = { totals: NO_PAGES, links: 0 };

/**
 * The whole library's native JSONL streamed into `sink` (issue 20): pieces (a page of documents
 * each, nativeExportPieces.ts) are written in order while the next one is made, so reading and
 * serializing overlap the host's write (awaiting each write before making the next piece added
 * the two); at most one write is in flight, so memory holds a few pages whatever the library's
 * size. Reading yields to the page between requests, so progress and Cancel stay responsive. A
 * problem found in a page (a span outside its text), a failed write or Cancel aborts the sink, so
 * no partial file is kept.
 * Returns null when cancelled, else the summary and the name of the file written.
 */
export async function streamNativeExport(
  db: MarginaliaDb,
  sink: ExportSink,
  req: StreamExportRequest,
  onProgress: (fraction: number) => void,
  cancelled: () => boolean,
): Promise<{ summary: ExportSummary; savedAs: string } | null> {
  const pieces = nativeExportPieces(db, req);
  let pending: Promise<void> = Promise.resolve();
  try {
    const total = await countLibrary(db);
    let read = 0;
    let end: ExportPiecesEnd;
    for (;;) {
      const next = await pieces.next();
      // The previous piece's write ran while this one was made; writes stay in file order.
      await pending;
      if (cancelled()) {
        await pieces.return(STOPPED);
        await sink.abort();
        return null;
      }
      if (next.done) {
        end = next.value;
        break;
      }
      if (next.value.text) pending = sink.write(next.value.text);
      // A failed write is thrown where it is awaited; until then it must not count as unhandled.
      pending.catch(() => undefined);
      read += next.value.documents;
      onProgress(total > 0 ? Math.min(1, read / total) : 1);
    }
    const savedAs = await sink.close();
    onProgress(1);
    const summary = pagedSummary(req.fileName, end.totals);
    return { summary: end.links > 0 ? { ...summary, links: end.links } : summary, savedAs };
  } catch (e) {
    await pending.catch(() => undefined);
    await pieces.return(STOPPED).catch(() => undefined);
    await sink.abort().catch(() => undefined);
    throw e;
  }
}
