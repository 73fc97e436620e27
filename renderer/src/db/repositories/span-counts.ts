import { LABELS, type Label } from '../../core/model/labels';
import { addBatchSpanCounts, noCounts as zero, type LabelCounts as Counts } from '../corpus/counts';
import { batchTables } from '../corpus/library-batches';
import type { MarginaliaDb } from '../database';
import type { SpanPackRow, SpanRow } from '../rows';
import { SPAN_PACK_FORMAT, packRowOf, spansOfRows } from '../span-pack';

/**
 * Per-document, per-label span counts of one annotator (the library, re-read by a live query after
 * every label). Counted from the span packs: reading and tracking every span row cost ~20 ms of main
 * thread per label with 33,000 spans (a cursor step and a tracked key per row); the packs are one row
 * per document. The packs are complete exactly when their sizes add up to the annotator's row count
 * (packs are never stale, so they can only fall short); otherwise the rows are counted, this once, and
 * the missing packs are built in the background for the next time. Documents held in batch rows
 * (issue 20) are counted from their batches' label columns. One read transaction: a document moved
 * out of its batch meanwhile is counted once.
 */
export function countSpansByDocument(db: MarginaliaDb, annotator: string): Promise<Map<string, Counts>> {
  const tables = [db.spans, db.spanPacks, db.documents, ...batchTables(db)];
  return db.transaction('r', tables, async () => {
    const out = await countPerDocument(db, annotator);
    await addBatchSpanCounts(db, annotator, out);
    return out;
  });
}

/** Per-document rows and packs only (no batch entries). Inside a read transaction over spans and packs. */
export async function countPerDocument(db: MarginaliaDb, annotator: string): Promise<Map<string, Counts>> {
  const [total, packs] = await Promise.all([
    db.spans.where('annotator').equals(annotator).count(),
    db.spanPacks.where('annotator').equals(annotator).toArray(),
  ]);
  const out = new Map<string, Counts>();
  let packed = 0;
  for (const p of packs) {
    if (p.format !== SPAN_PACK_FORMAT || p.n === 0) continue;
    const counts = zero();
    for (const l of p.labels) counts[LABELS[l] as Label] += 1;
    out.set(p.docId, counts);
    packed += p.n;
  }
  if (packed === total) return out;
  schedulePacking(db, annotator, total - packed);
  return countRows(db, annotator);
}

/** Per database and annotator, the shortfall (rows minus packed spans) last packed for. */
const packedFor = new WeakMap<MarginaliaDb, Map<string, number>>();

/**
 * Builds the missing packs once per shortfall: the live query re-runs after every label, and a set
 * that cannot be packed (see encodeSpanPack) would otherwise start a full row read each time.
 * Outside the live query's zone (setTimeout), because a query may not write.
 */
function schedulePacking(db: MarginaliaDb, annotator: string, shortfall: number): void {
  let seen = packedFor.get(db);
  if (!seen) packedFor.set(db, (seen = new Map()));
  if (seen.get(annotator) === shortfall) return;
  seen.set(annotator, shortfall);
  setTimeout(() => void packMissingSets(db, annotator).catch(() => seen.delete(annotator)), 0);
}

async function countRows(db: MarginaliaDb, annotator: string): Promise<Map<string, Counts>> {
  const out = new Map<string, Counts>();
  for (const row of await db.spans.where('annotator').equals(annotator).toArray()) {
    let counts = out.get(row.docId);
    if (!counts) out.set(row.docId, (counts = zero()));
    counts[row.label] += 1;
  }
  return out;
}

/**
 * Builds the packs an annotator's sets lack, in one relaxed transaction over rows and packs (so no
 * writer interleaves; derived data, so relaxed durability: see listSpans). Raw IndexedDB, as in
 * listSpans: only `spanPacks` is written.
 */
export function packMissingSets(db: MarginaliaDb, annotator: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.backendDB().transaction(['spans', 'spanPacks'], 'readwrite', { durability: 'relaxed' });
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('packing spans aborted'));
    const packs = tx.objectStore('spanPacks');
    const have = packs.index('annotator').getAll(annotator);
    const rows = tx.objectStore('spans').index('annotator').getAll(annotator);
    rows.onsuccess = () => {
      const packedDocs = new Set(
        (have.result as SpanPackRow[]).filter((p) => p.format === SPAN_PACK_FORMAT).map((p) => p.docId),
      );
      const byDoc = new Map<string, SpanRow[]>();
      for (const row of rows.result as SpanRow[]) {
        if (packedDocs.has(row.docId)) continue;
        const set = byDoc.get(row.docId);
        if (set) set.push(row);
        else byDoc.set(row.docId, [row]);
      }
      for (const [docId, set] of byDoc) {
        const row = packRowOf(docId, annotator, spansOfRows(set));
        if (row) packs.put(row);
      }
    };
  });
}
