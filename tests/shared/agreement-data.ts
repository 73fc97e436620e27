import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { deriveTitle, normalizePlainText } from '../../renderer/src/core/model/document';
import { LABELS, type Label } from '../../renderer/src/core/model/labels';
import type { Span } from '../../renderer/src/core/model/span';
import { joinJsonl, serializeNativeRecord } from '../../renderer/src/core/formats/native';
import { documentIdForText } from '../../renderer/src/core/text/text-hash';
import { tokenOffsets } from '../../renderer/src/core/text/tokenize';

/** A seed article as the app stores it on first run (same text, so the same doc_id). */
export interface SeedDoc {
  readonly id: string;
  readonly title: string;
  readonly text: string;
}

export function loadSeeds(root: string): SeedDoc[] {
  const dir = join(root, 'seeds');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const text = normalizePlainText(readFileSync(join(dir, f), 'utf8'));
      return { id: documentIdForText(text), title: deriveTitle(text), text };
    });
}

/**
 * Two annotators' deterministic annotations of the seeds, with every kind of disagreement: alice
 * marks word runs; ben agrees on most, relabels every 8th, shifts the end of every 5th, skips every
 * 7th and adds one of his own per document. Offsets are code points (from the tokenizer).
 */
export function twoAnnotators(docs: readonly SeedDoc[]): Record<'alice' | 'ben', Map<string, Span[]>> {
  const alice = new Map<string, Span[]>();
  const ben = new Map<string, Span[]>();
  docs.forEach((doc, d) => {
    const t = tokenOffsets(doc.text);
    const a: Span[] = [];
    const b: Span[] = [];
    let k = 0;
    for (let i = 3 + d; i + 3 < t.count; i += 17, k++) {
      const start = t.starts[i] as number;
      const end = t.ends[i + 2] as number;
      const label = LABELS[k % 4] as Label;
      const span = { id: `a-${d}-${k}`, start, end, label, note: k % 6 === 0 ? 'check the source' : '' };
      a.push(k % 9 === 0 ? { ...span, unsure: true } : span);
      if (k % 7 === 3) continue;
      const other: Label = k % 8 === 1 ? (LABELS[(k + 1) % 4] as Label) : label;
      const otherEnd = k % 5 === 2 ? (t.ends[i + 3] as number) : end;
      b.push({ id: `b-${d}-${k}`, start, end: otherEnd, label: other, note: '' });
    }
    const extra = Math.floor(t.count / 2);
    b.push({
      id: `b-${d}-extra`,
      start: t.starts[extra] as number,
      end: t.ends[extra] as number,
      label: 'figure',
      note: '',
    });
    alice.set(doc.id, a);
    ben.set(doc.id, b);
  });
  return { alice, ben };
}

/** One annotator's native JSONL export of the given documents (a line per document). */
export function nativeExport(
  docs: readonly SeedDoc[],
  annotator: string,
  spans: Map<string, Span[]>,
): string {
  return joinJsonl(
    docs.map((doc) =>
      serializeNativeRecord({
        document: { id: doc.id, title: doc.title, text: doc.text, meta: {} },
        annotator,
        status: 'done',
        spans: spans.get(doc.id) ?? [],
      }),
    ),
  );
}
