import type Dexie from 'dexie';

import { compareSpans } from '../core/model/span';
import {
  CORE_TABLES,
  DERIVED_TABLES,
  GOLD_SPANS_TABLE,
  GOLD_STATUS_TABLE,
  isExtraTable,
  NATIVE_SPAN_FIELDS,
  RECORD_TABLES,
} from '../core/backup/backup-rules';
import type { DatabaseSnapshot, SnapshotAnnotation } from '../core/backup/snapshot';
import {
  goldRowAsSpanRow,
  goldStatusAsProgressRow,
  rowToSpan,
  type DocumentRow,
  type GoldSpanRow,
  type GoldStatusRow,
  type ProgressRow,
  type SettingRow,
  type SpanRow,
  type TextRow,
} from './rows';
import { byKey, unshadowedBatchEntries } from './batch-entries';
import type { BatchEntry } from './batch-rows';

export { CORE_TABLES, DERIVED_TABLES };

const idsOf = (docs: readonly DocumentRow[]) => {
  const ids = new Set(docs.map((d) => d.id));
  return (id: string) => ids.has(id);
};

/**
 * Adds the batch entries' rows to the per-document tables' rows, each table then in its key order,
 * so the snapshot (and a backup's bytes and digest) is the one the same data in per-document rows gives.
 */
function addBatchEntries(
  entries: readonly BatchEntry[],
  rows: { docs: DocumentRow[]; texts: TextRow[]; spans: SpanRow[]; progress: ProgressRow[] },
): void {
  if (entries.length === 0) return;
  for (const e of entries) {
    rows.docs.push(e.document);
    rows.texts.push({ id: e.document.id, text: e.text });
    for (const s of e.spans) rows.spans.push(s);
    for (const p of e.statuses) rows.progress.push(p);
  }
  rows.spans.sort((a, b) => byKey(a.id, b.id));
  rows.progress.sort((a, b) => byKey(a.docId, b.docId) || byKey(a.annotator, b.annotator));
}

/**
 * Reads the whole database in one read transaction, so a backup is a consistent snapshot even while
 * the user keeps annotating. Works on a schema-less Dexie too (tables by name), which is how the
 * pre-upgrade backup reads a database still at an older version. Gold spans (their own table since
 * schema v4) are the spans of the participant "gold" here, their provenance a span extra, as in
 * every older backup. O(database size).
 */
export async function readSnapshot(db: Dexie, schemaVersion: number): Promise<DatabaseSnapshot> {
  const core = CORE_TABLES.map((n) => db.table(n));
  const others = db.tables.filter((t) => isExtraTable(t.name));
  // Gold (schema v4, its status v7) travels as the records of the participant "gold", as exports
  // carry it; an older database being backed up before its upgrade has neither table.
  const gold = db.tables.filter((t) => RECORD_TABLES.includes(t.name));
  const goldTable = (name: string) => gold.find((t) => t.name === name);
  // Documents still in batch rows (schema v8) are read as the per-document rows they stand for.
  const batches = db.tables.filter((t) => t.name === 'batches');
  return db.transaction('r', [...core, ...others, ...gold, ...batches], async () => {
    const [docs, texts, spans, progress, settings] = (await Promise.all(core.map((t) => t.toArray()))) as [
      DocumentRow[],
      TextRow[],
      SpanRow[],
      ProgressRow[],
      SettingRow[],
    ];
    addBatchEntries(await unshadowedBatchEntries(db, idsOf(docs)), { docs, texts, spans, progress });
    const extraTables: Record<string, unknown[]> = {};
    for (const t of others) extraTables[t.name] = await t.toArray();
    const textOf = new Map(texts.map((t) => [t.id, t.text]));
    docs.sort((a, b) => a.order - b.order);
    const sets = new Map<string, { docId: string; annotator: string; rows: SpanRow[] }>();
    const spanExtras: Record<string, Record<string, unknown>> = {};
    const goldRows = ((await goldTable(GOLD_SPANS_TABLE)?.toArray()) ?? []) as GoldSpanRow[];
    const goldStatus = ((await goldTable(GOLD_STATUS_TABLE)?.toArray()) ?? []) as GoldStatusRow[];
    for (const r of [...spans, ...goldRows.map(goldRowAsSpanRow)]) {
      const key = `${r.docId}\u0000${r.annotator}`;
      let set = sets.get(key);
      if (!set) sets.set(key, (set = { docId: r.docId, annotator: r.annotator, rows: [] }));
      set.rows.push(r);
      const extra = Object.entries(r).filter(([k, v]) => !NATIVE_SPAN_FIELDS.has(k) && v !== undefined);
      if (extra.length > 0) spanExtras[r.id] = Object.fromEntries(extra);
    }
    const annotations: SnapshotAnnotation[] = [...sets.values()].map((s) => ({
      docId: s.docId,
      annotator: s.annotator,
      spans: s.rows.map(rowToSpan).sort(compareSpans),
    }));
    return {
      schemaVersion,
      documents: docs.map((d) => {
        const text = textOf.get(d.id);
        if (text === undefined) throw new Error(`The text of "${d.title}" is missing from the database.`);
        const { id, title, meta, source, order, addedAt } = d;
        return { id, title, text, meta, source, order, addedAt };
      }),
      annotations,
      statuses: [...progress, ...goldStatus.map(goldStatusAsProgressRow)].map((p) => ({
        docId: p.docId,
        annotator: p.annotator,
        status: p.status,
      })),
      settings: Object.fromEntries(settings.map((s) => [s.key, s.value])),
      spanExtras,
      extraTables,
    };
  });
}
