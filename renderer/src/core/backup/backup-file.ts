import { joinJsonl, NATIVE_SCHEMA_VERSION, serializeNativeRecord } from '../formats/native';
import { CodePointIndex } from '../text/code-points';
import { canonicalJson } from '../formats/canonical';
import { contentDigest, sha256Text, type DatabaseSnapshot } from './snapshot';

/** Version of the backup envelope (header and end line around native records); docs/format.md. */
export const BACKUP_FORMAT_VERSION = 1;

/** Annotator named on the record of a document nobody has annotated yet (restore writes nothing). */
export const UNANNOTATED = 'unannotated';

export interface BackupInfo {
  readonly createdAt: string;
  readonly reason: string;
  readonly appVersion: string;
}

export interface SerializedBackup {
  readonly content: string;
  readonly digest: string;
  readonly records: number;
}

/**
 * The whole database as one native JSONL file: a header line (library bookkeeping and settings),
 * one native record per (document, annotator) with spans or a status — every document at least
 * once — and an end line with the record count, a checksum of everything above it and the content
 * digest. Deterministic for the same snapshot and info. O(total size).
 */
export function serializeBackup(snapshot: DatabaseSnapshot, info: BackupInfo): SerializedBackup {
  const header = canonicalJson({
    marginalia_backup: BACKUP_FORMAT_VERSION,
    native_schema_version: NATIVE_SCHEMA_VERSION,
    db_schema_version: snapshot.schemaVersion,
    created_at: info.createdAt,
    reason: info.reason,
    app_version: info.appVersion,
    documents: snapshot.documents.map((d) => ({
      doc_id: d.id,
      source: d.source,
      order: d.order,
      added_at: d.addedAt,
    })),
    settings: snapshot.settings,
    span_extras: snapshot.spanExtras,
    extra_tables: snapshot.extraTables,
  });
  const byDoc = new Map<string, Map<string, { spans: DatabaseSnapshot['annotations'][number]['spans'] }>>();
  const entry = (docId: string, annotator: string) => {
    let m = byDoc.get(docId);
    if (!m) byDoc.set(docId, (m = new Map()));
    let e = m.get(annotator);
    if (!e) m.set(annotator, (e = { spans: [] }));
    return e;
  };
  for (const a of snapshot.annotations) if (a.spans.length > 0) entry(a.docId, a.annotator).spans = a.spans;
  const statusOf = new Map<string, DatabaseSnapshot['statuses'][number]['status']>();
  for (const s of snapshot.statuses) {
    entry(s.docId, s.annotator);
    statusOf.set(`${s.docId}\u0000${s.annotator}`, s.status);
  }
  const lines: string[] = [header];
  for (const doc of snapshot.documents) {
    const index = new CodePointIndex(doc.text);
    const sets = byDoc.get(doc.id) ?? new Map([[UNANNOTATED, { spans: [] }]]);
    for (const annotator of [...sets.keys()].sort()) {
      const status = statusOf.get(`${doc.id}\u0000${annotator}`) ?? 'todo';
      const spans = sets.get(annotator)?.spans ?? [];
      lines.push(serializeNativeRecord({ document: doc, annotator, status, spans }, index));
    }
  }
  const digest = contentDigest(snapshot);
  const above = joinJsonl(lines);
  const end = canonicalJson({
    marginalia_backup_end: BACKUP_FORMAT_VERSION,
    records: lines.length - 1,
    checksum: sha256Text(above),
    digest,
  });
  return { content: `${above}${end}\n`, digest, records: lines.length - 1 };
}
