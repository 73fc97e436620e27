import { textProblem } from '../formats/text-rules';
import { linksProblem, LINKS_TABLE } from './backup-links';
import { ADJUDICATION_REASONS, isGoldProvenance } from '../model/gold';
import { parseGuidelines } from '../model/guidelines';
import { isLabel } from '../model/labels';
import { isStatus } from '../model/status';
import { err, ok, type Result } from '../result';
import { documentIdForText } from '../text/text-hash';
import type { DatabaseSnapshot } from './snapshot';

/** The tables every schema version has; rows of any other table travel as `extra_tables`. */
export const CORE_TABLES = ['documents', 'texts', 'spans', 'progress', 'settings'] as const;

/**
 * Tables that are storage, not content: span packs (derived from `spans`, rebuilt when needed) and
 * the corpus batch rows of schema v8 (`batches`, `batchIndex`, and v9's `batchHeads`: another shape
 * of documents, texts, spans and statuses, which a snapshot reads as those logical tables). Never backed up verbatim,
 * never restored into (a restore clears them and writes per-document rows), outside the content
 * digest, so a backup's digest does not depend on the shape holding the data.
 */
export const DERIVED_TABLES: readonly string[] = ['spanPacks', 'batches', 'batchIndex', 'batchHeads'];

/**
 * Tables a backup carries in its records rather than verbatim: gold spans (schema v4) are the
 * native records of the participant "gold", their provenance a span extra, and gold's status
 * (schema v7) the status of those records, exactly as exports and older backups carry them; only
 * a restore decides which table they go to.
 */
export const GOLD_SPANS_TABLE = 'goldSpans';
export const GOLD_STATUS_TABLE = 'goldStatus';
export const RECORD_TABLES: readonly string[] = [GOLD_SPANS_TABLE, GOLD_STATUS_TABLE];

/** The table of rejected adjudication decisions (schema v4), carried as an extra table. */
export const DECISIONS_TABLE = 'decisions';

/**
 * Extra tables by the schema version that added them. A backup made before a table existed has no
 * entry for it, while the restored database reads back an empty table: the snapshot gets the empty
 * table, so an older backup keeps its digest (checked on the data as given) and still restores.
 */
export const TABLES_ADDED_IN: Readonly<Record<string, number>> = { [LINKS_TABLE]: 6 };

/** Where schema v1–v3 kept a document's rejected decisions: a settings row per document. */
export const LEGACY_REJECTIONS_PREFIX = 'adjudication:rejections:';

/** Span-row fields the native record carries (or that are bookkeeping); the rest are "extras". */
export const NATIVE_SPAN_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'docId',
  'annotator',
  'start',
  'end',
  'label',
  'note',
  'unsure',
  'updatedAt',
]);

/**
 * Checks for the span-row fields a backup carries outside the native record. A field added later
 * without a check here is kept if it is plain JSON (so a backup of newer rows still restores), but
 * never a native field: those come only from the validated record.
 */
const SPAN_EXTRA_CHECKS: Readonly<Record<string, (value: unknown) => boolean>> = {
  provenance: isGoldProvenance,
};

/** Settings the app reads with a type; a backup giving them another type is refused. */
const SETTING_CHECKS: Readonly<Record<string, (value: unknown) => boolean>> = {
  annotator: (v) => typeof v === 'string',
  lastDocId: (v) => typeof v === 'string',
  sidebarOpen: (v) => typeof v === 'boolean',
  seeded: (v) => typeof v === 'boolean',
  backupKeep: (v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 1000,
  guidelines: (v) => parseGuidelines(v).ok,
};

const isPlainObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x) && Object.getPrototypeOf(x) === Object.prototype;

/** Dismissed link suggestions of one annotator and document: span extent → candidate endpoint keys. */
const isDismissals = (v: unknown): boolean =>
  isPlainObject(v) &&
  Object.values(v).every((l) => Array.isArray(l) && l.every((x) => typeof x === 'string'));

const isPlainJson = (x: unknown): boolean =>
  x === null ||
  typeof x === 'string' ||
  typeof x === 'boolean' ||
  (typeof x === 'number' && Number.isFinite(x)) ||
  (Array.isArray(x) && x.every(isPlainJson)) ||
  (isPlainObject(x) && Object.values(x).every(isPlainJson));

/** Whether `name` is a table a backup may carry verbatim (not core, not derived). */
export const isExtraTable = (name: string): boolean =>
  !(CORE_TABLES as readonly string[]).includes(name) &&
  !DERIVED_TABLES.includes(name) &&
  !RECORD_TABLES.includes(name);

/**
 * A snapshot in today's shape: a backup made before schema v4 kept each document's rejected
 * decisions as a JSON list in the setting `adjudication:rejections:<docId>`; they become rows of
 * the `decisions` table (fields verbatim plus `docId`; checkSnapshot then checks them), and the
 * settings go. A setting that is not a list is left alone (the app never reads it). Returns the
 * same object when there is nothing to move. O(settings).
 */
export function currentSnapshotShape(snap: DatabaseSnapshot): DatabaseSnapshot {
  const moved: Record<string, unknown>[] = [];
  const settings: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(snap.settings)) {
    if (key.startsWith(LEGACY_REJECTIONS_PREFIX) && Array.isArray(value)) {
      const docId = key.slice(LEGACY_REJECTIONS_PREFIX.length);
      for (const r of value) moved.push(isPlainObject(r) ? { ...r, docId } : { docId, value: r });
    } else settings[key] = value;
  }
  const added = Object.entries(TABLES_ADDED_IN).filter(
    ([name, version]) => snap.schemaVersion < version && !(name in snap.extraTables),
  );
  const unchanged = moved.length === 0 && Object.keys(settings).length === Object.keys(snap.settings).length;
  if (unchanged && added.length === 0) return snap;
  const tables: Record<string, readonly unknown[]> = { ...snap.extraTables };
  for (const [name] of added) tables[name] = [];
  if (!unchanged) tables[DECISIONS_TABLE] = [...(snap.extraTables[DECISIONS_TABLE] ?? []), ...moved];
  return { ...snap, settings, extraTables: tables };
}

/** The first problem of the `decisions` rows (a rejection of a decision on a stored document), or null. */
function decisionsProblem(rows: readonly unknown[], docs: ReadonlyMap<string, number>): string | null {
  const seen = new Set<string>();
  for (const row of rows) {
    const r = row as Record<string, unknown>;
    const where = `The backup's decision ${JSON.stringify(r['decision'] ?? null)}`;
    if (typeof r['docId'] !== 'string' || !docs.has(r['docId'])) return `${where} names a missing document.`;
    if (typeof r['decision'] !== 'string' || r['decision'] === '') return `${where} has no decision id.`;
    if (typeof r['decidedBy'] !== 'string' || typeof r['decidedAt'] !== 'string')
      return `${where} does not say who decided when.`;
    if (r['reason'] !== undefined && !(ADJUDICATION_REASONS as readonly unknown[]).includes(r['reason']))
      return `${where} has an unknown reason ${JSON.stringify(r['reason'])}.`;
    const key = JSON.stringify([r['docId'], r['decision']]);
    if (seen.has(key)) return `${where} on document ${r['docId']} appears twice.`;
    seen.add(key);
  }
  return null;
}

/**
 * Checks a whole snapshot just before it replaces the database: the same rules the importer
 * applies (document id = sha256 of the text, no NUL or lone surrogate, offsets inside the text,
 * known labels and statuses, unique span ids) plus the header's parts the importer never sees
 * (span extras, extra tables, typed settings). Returns the first problem, in words. This runs on
 * every restore path, whatever the file's header claims. O(total size).
 */
export function checkSnapshot(snap: DatabaseSnapshot): Result<DatabaseSnapshot> {
  const lengths = new Map<string, number>();
  for (const d of snap.documents) {
    const problem = textProblem(d.text);
    if (problem !== null) return err(`Document ${JSON.stringify(d.id)}: ${problem}`);
    if (documentIdForText(d.text) !== d.id)
      return err(`Document ${JSON.stringify(d.id)}: its id is not the sha256 of its text.`);
    if (lengths.has(d.id)) return err(`Document ${d.id} appears twice.`);
    if (typeof d.title !== 'string' || !isPlainObject(d.meta))
      return err(`Document ${d.id}: its title or meta is malformed.`);
    if (!Number.isFinite(d.order) || !Number.isFinite(d.addedAt) || typeof d.source !== 'string')
      return err(`Document ${d.id}: its library entry (order, source, date) is malformed.`);
    lengths.set(d.id, Array.from(d.text).length);
  }
  const spanIds = new Set<string>();
  for (const a of snap.annotations) {
    const length = lengths.get(a.docId);
    if (length === undefined) return err(`Spans of ${JSON.stringify(a.annotator)} name a missing document.`);
    if (typeof a.annotator !== 'string' || a.annotator.trim() === '')
      return err(`Spans on document ${a.docId} have no annotator.`);
    for (const s of a.spans) {
      const where = `Span ${JSON.stringify(s.id)} of ${JSON.stringify(a.annotator)} on document ${a.docId}`;
      if (typeof s.id !== 'string' || s.id === '') return err(`A span on document ${a.docId} has no id.`);
      if (spanIds.has(s.id)) return err(`${where}: another span has the same id.`);
      spanIds.add(s.id);
      if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end > length)
        return err(`${where}: its offsets ${s.start}–${s.end} are outside the text (0–${length}).`);
      if (s.start >= s.end) return err(`${where}: its start ${s.start} is not before its end ${s.end}.`);
      if (!isLabel(s.label)) return err(`${where}: ${JSON.stringify(s.label)} is not a label.`);
      if (typeof s.note !== 'string') return err(`${where}: its note is not text.`);
    }
  }
  for (const s of snap.statuses) {
    if (!lengths.has(s.docId))
      return err(`A status of ${JSON.stringify(s.annotator)} names a missing document.`);
    if (!isStatus(s.status)) return err(`Status ${JSON.stringify(s.status)} on ${s.docId} is not a status.`);
  }
  const extras = checkSpanExtras(snap.spanExtras, spanIds);
  if (!extras.ok) return extras;
  for (const [name, rows] of Object.entries(snap.extraTables)) {
    if (!isExtraTable(name))
      return err(`The backup header lists rows for the table "${name}", which only its records may fill.`);
    if (!rows.every((r) => isPlainObject(r) && isPlainJson(r)))
      return err(`The backup's table "${name}" has rows that are not objects.`);
    const problem =
      name === DECISIONS_TABLE
        ? decisionsProblem(rows, lengths)
        : name === LINKS_TABLE
          ? linksProblem(rows, lengths, snap.annotations)
          : null;
    if (problem !== null) return err(problem);
  }
  for (const [key, value] of Object.entries(snap.settings)) {
    const check =
      SETTING_CHECKS[key] ??
      (key.startsWith('scroll:') ? Number.isFinite : key.startsWith('dismissed:') ? isDismissals : null);
    if (check && !check(value)) return err(`The backup's setting "${key}" has a value of the wrong kind.`);
  }
  return ok(snap);
}

function checkSpanExtras(
  spanExtras: DatabaseSnapshot['spanExtras'],
  spanIds: ReadonlySet<string>,
): Result<true> {
  for (const [id, fields] of Object.entries(spanExtras)) {
    if (!spanIds.has(id))
      return err(
        `The backup header has extra fields for a span it does not contain (${JSON.stringify(id)}).`,
      );
    if (!isPlainObject(fields)) return err(`The backup header's extra fields of span ${id} are malformed.`);
    for (const [key, value] of Object.entries(fields)) {
      if (NATIVE_SPAN_FIELDS.has(key))
        return err(
          `The backup header tries to change the "${key}" of span ${id}; only its record may set that.`,
        );
      const check = SPAN_EXTRA_CHECKS[key] ?? isPlainJson;
      if (!check(value)) return err(`The backup header's "${key}" of span ${id} is malformed.`);
    }
  }
  return ok(true);
}
