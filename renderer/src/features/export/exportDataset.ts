import { joinJsonl } from '../../core/formats/native';
import type { MarginaliaDb } from '../../db/database';
import { exportAnnotatorLines } from '../../db/repositories/export';
import type { HostApi } from '../../platform/host';

/** File name for an annotator's export: stable per day, safe on every OS. */
export function exportFileName(annotator: string, now: Date): string {
  const safe = annotator.replace(/[^\p{L}\p{N}_-]+/gu, '_').slice(0, 40) || 'annotator';
  return `marginalia-${safe}-${now.toISOString().slice(0, 10)}.jsonl`;
}

/** Writes the annotator's dataset through the host (save dialog or download). */
export async function exportDataset(db: MarginaliaDb, host: HostApi, annotator: string): Promise<string> {
  const lines = await exportAnnotatorLines(db, annotator);
  const result = await host.saveExport({
    suggestedName: exportFileName(annotator, new Date()),
    content: joinJsonl(lines),
  });
  if (!result.ok) throw new Error(result.error);
  if (!result.value.saved) return 'Export cancelled.';
  return `Exported ${lines.length} document${lines.length === 1 ? '' : 's'} to ${result.value.displayPath ?? 'the chosen file'}.`;
}
