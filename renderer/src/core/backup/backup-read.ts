import type { ImportResult } from '../formats/import-types';
import { err, ok, type Result } from '../result';
import { isJsonObject, parseJsonSafely } from '../formats/safe-json';
import { BACKUP_FORMAT_VERSION } from './backup-file';
import { sha256Text, type DatabaseSnapshot, type SnapshotDocument } from './snapshot';

export interface BackupHeader {
  readonly createdAt: string;
  readonly reason: string;
  readonly dbSchemaVersion: number;
  readonly library: ReadonlyMap<string, { source: string; order: number; addedAt: number }>;
  readonly settings: Readonly<Record<string, unknown>>;
  readonly spanExtras: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly extraTables: Readonly<Record<string, readonly unknown[]>>;
}

export interface BackupEnvelope {
  readonly header: BackupHeader;
  /** The native records, with the header line blanked so line numbers still match the file. */
  readonly body: string;
  readonly records: number;
  /** Content digest the backup promises (see `contentDigest`). */
  readonly digest: string;
}

/**
 * Checks the frame around a backup's records before anything is validated or stored: header first,
 * end line last (a file cut short by a crash has none), the checksum of everything above the end
 * line. Returns the records for the normal import validator. O(file size).
 */
export function readBackupEnvelope(content: string): Result<BackupEnvelope> {
  const trimmed = content.endsWith('\n') ? content.slice(0, -1) : content;
  const cut = trimmed.lastIndexOf('\n');
  const firstBreak = content.indexOf('\n');
  const head = parseJsonSafely(firstBreak < 0 ? content : content.slice(0, firstBreak));
  if (!head.ok || !isJsonObject(head.value) || !('marginalia_backup' in head.value))
    return err('This file is not a Marginalia backup (its first line is not a backup header).');
  const h = head.value;
  if (h['marginalia_backup'] !== BACKUP_FORMAT_VERSION)
    return err(
      `This backup has format version ${String(h['marginalia_backup'])}; this Marginalia reads ${BACKUP_FORMAT_VERSION}.`,
    );
  const tail = parseJsonSafely(cut < 0 ? '' : trimmed.slice(cut + 1));
  if (!tail.ok || !isJsonObject(tail.value) || tail.value['marginalia_backup_end'] !== BACKUP_FORMAT_VERSION)
    return err(
      'This backup is incomplete: its end line is missing (the file was cut short while being written).',
    );
  const end = tail.value;
  const above = content.slice(0, cut + 1);
  if (end['checksum'] !== sha256Text(above))
    return err('This backup is damaged: its checksum does not match its contents.');
  // The end line's count is checked against the lines themselves: a header saying "0 records"
  // must not let the records (or anything else) skip validation.
  const bodyLines = above.slice(firstBreak + 1).split('\n');
  const held = bodyLines.filter((l) => l.trim() !== '').length;
  if (end['records'] !== held)
    return err(
      `This backup is damaged: its end line counts ${JSON.stringify(end['records'])} records, but it holds ${held}.`,
    );
  const docs = Array.isArray(h['documents']) ? h['documents'] : [];
  const library = new Map<string, { source: string; order: number; addedAt: number }>();
  for (const d of docs) {
    if (!isJsonObject(d) || typeof d['doc_id'] !== 'string')
      return err('The backup header lists a malformed document.');
    library.set(d['doc_id'], {
      source: typeof d['source'] === 'string' ? d['source'] : 'backup',
      order: typeof d['order'] === 'number' ? d['order'] : library.size,
      addedAt: typeof d['added_at'] === 'number' ? d['added_at'] : 0,
    });
  }
  const settings = isJsonObject(h['settings']) ? h['settings'] : {};
  const spanExtras = isJsonObject(h['span_extras']) ? h['span_extras'] : {};
  if (!Object.values(spanExtras).every(isJsonObject))
    return err('The backup header has malformed span extras.');
  const extraTables = isJsonObject(h['extra_tables']) ? h['extra_tables'] : {};
  if (!Object.values(extraTables).every(Array.isArray)) return err('The backup header has malformed tables.');
  return ok({
    header: {
      createdAt: String(h['created_at'] ?? ''),
      reason: String(h['reason'] ?? ''),
      dbSchemaVersion: typeof h['db_schema_version'] === 'number' ? h['db_schema_version'] : 0,
      library,
      settings,
      spanExtras: spanExtras as Record<string, Record<string, unknown>>,
      extraTables: extraTables as Record<string, unknown[]>,
    },
    body: `\n${above.slice(firstBreak + 1)}`,
    records: held,
    digest: String(end['digest'] ?? ''),
  });
}

/**
 * Rebuilds the snapshot from the validated import of the records plus the header's bookkeeping.
 * Empty annotation sets and "todo" statuses carry no data and are dropped (see `UNANNOTATED`).
 */
export function snapshotFromImport(
  envelope: BackupEnvelope,
  imported: ImportResult,
): Result<DatabaseSnapshot> {
  if (!imported.ok) {
    const first = imported.errors[0];
    return err(
      `The backup did not pass validation (${imported.errorCount} problem${imported.errorCount === 1 ? '' : 's'}; first: line ${first?.line ?? '?'}: ${first?.message ?? ''}).`,
    );
  }
  const documents: SnapshotDocument[] = [];
  for (const d of imported.documents) {
    const lib = envelope.header.library.get(d.id);
    if (!lib) return err(`The backup header does not list document ${d.id}.`);
    documents.push({ id: d.id, title: d.title, text: d.text, meta: d.meta, ...lib });
  }
  documents.sort((a, b) => a.order - b.order);
  const annotations = imported.annotations
    .filter((a) => a.spans.length > 0)
    .map((a) => ({ docId: a.docId, annotator: a.annotator ?? '', spans: a.spans }));
  const statuses = imported.annotations
    .filter((a) => a.status !== undefined && a.status !== 'todo')
    .map((a) => ({ docId: a.docId, annotator: a.annotator ?? '', status: a.status ?? 'todo' }));
  return ok({
    schemaVersion: envelope.header.dbSchemaVersion,
    documents,
    annotations,
    statuses,
    settings: envelope.header.settings,
    spanExtras: envelope.header.spanExtras,
    extraTables: envelope.header.extraTables,
  });
}
