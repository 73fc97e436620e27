import { strToU8, zipSync } from 'fflate';

import { planExport } from '../../core/formats/export';
import type { ExportDataset, ExportOptions, ExportSummary } from '../../core/formats/export-types';

export interface ExportOutput {
  /** File name to offer and its content: text for one file, a .zip for several (brat). */
  name: string;
  content: string | Uint8Array;
  summary: ExportSummary;
}

const SLICE_MS = 30;
const nextTask = () => new Promise<void>((r) => setTimeout(r, 0));

/**
 * Checks and streams an export, yielding to the page every ~30 ms so the progress bar moves and the
 * UI stays responsive. Every span is checked against its text before any output exists; on a
 * problem the error names the document and span and nothing is returned (so nothing is written).
 */
export async function runExport(
  data: ExportDataset,
  options: ExportOptions,
  onProgress: (fraction: number) => void,
  cancelled: () => boolean,
): Promise<ExportOutput | null> {
  const plan = planExport(data, options);
  if (!plan.ok) {
    const e = plan.error;
    throw new Error(`"${e.docTitle}"${e.spanId ? `, span ${e.spanId}` : ''}: ${e.message}`);
  }
  const parts = new Map<string, string[]>(plan.value.files.map((f) => [f.name, []]));
  const gen = plan.value.chunks();
  let sliceStart = performance.now();
  for (;;) {
    const next = gen.next();
    if (next.done) {
      const files = plan.value.files.map((f) => ({ name: f.name, text: (parts.get(f.name) ?? []).join('') }));
      onProgress(1);
      if (files.length === 1) {
        const only = files[0] as { name: string; text: string };
        return { name: only.name, content: only.text, summary: next.value };
      }
      const zip = zipSync(Object.fromEntries(files.map((f) => [f.name, strToU8(f.text)])), { level: 6 });
      return {
        name: `${options.baseName ?? 'marginalia-export'}-${options.format}.zip`,
        content: zip,
        summary: next.value,
      };
    }
    parts.get(next.value.file)?.push(next.value.text);
    if (performance.now() - sliceStart > SLICE_MS) {
      onProgress(next.value.spansTotal ? next.value.spansDone / next.value.spansTotal : 0);
      await nextTask();
      if (cancelled()) return null;
      sliceStart = performance.now();
    }
  }
}
