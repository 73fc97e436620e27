import { serializeBackup, type BackupInfo, type SerializedBackup } from '../../core/backup/backup-file';
import { readBackupEnvelope, snapshotFromImport } from '../../core/backup/backup-read';
import { checkSnapshot } from '../../core/backup/backup-rules';
import type { DatabaseSnapshot } from '../../core/backup/snapshot';
import { classifyStorageError } from '../storage-errors';
import { parseImportFile } from '../../core/formats/import';
import { err, ok, type Result } from '../../core/result';
import type { MarginaliaDb } from '../database';
import { readSnapshot } from '../snapshot';
import { CURRENT_SCHEMA_VERSION } from '../migrations';
import { DigestMismatch, replaceAllData, unknownTablesProblem } from './restore';

/** The whole database as a backup file (one consistent read transaction). */
export async function createBackup(
  db: MarginaliaDb,
  info: Omit<BackupInfo, 'createdAt'> & { createdAt?: string },
): Promise<SerializedBackup> {
  const snap = await readSnapshot(db, db.verno);
  return serializeBackup(snap, { ...info, createdAt: info.createdAt ?? new Date().toISOString() });
}

export interface RestoreReport {
  readonly documents: number;
  readonly spans: number;
  readonly digest: string;
  /** When the backup was made (its header's `created_at`, ISO 8601), '' when it does not say. */
  readonly createdAt: string;
}

/** A backup that passed `validateBackup`: what it restores and the digest it promises. */
export interface ValidBackup {
  readonly snapshot: DatabaseSnapshot;
  readonly digest: string;
  readonly createdAt: string;
}

/** Said after every refused or failed restore: what happened to the user's data. */
export const NOTHING_CHANGED = 'Nothing was changed: your data is as it was before.';

/**
 * Checks a backup file's frame, then validates its records with the normal import validator and the
 * whole result with the snapshot rules (so nothing the importer would refuse is ever stored, whatever
 * the header says), so this fails before anything changes. A backup made with a newer database
 * schema than `appSchemaVersion` is refused.
 */
export function validateBackup(
  content: string,
  fileName: string,
  appSchemaVersion: number = CURRENT_SCHEMA_VERSION,
  onProgress?: (fraction: number) => void,
): Result<ValidBackup> {
  const envelope = readBackupEnvelope(content);
  if (!envelope.ok) return envelope;
  const { header, records, digest } = envelope.value;
  if (header.dbSchemaVersion > appSchemaVersion)
    return err(
      `This backup was made by a newer Marginalia (database version ${header.dbSchemaVersion}; this one reads up to ${appSchemaVersion}). Install the newer version to restore it.`,
    );
  let snapshot: DatabaseSnapshot;
  if (records === 0) {
    // Nothing for the record validator to read (it refuses an empty file), but the header's parts
    // still go through checkSnapshot below.
    snapshot = {
      schemaVersion: header.dbSchemaVersion,
      documents: [],
      annotations: [],
      statuses: [],
      settings: header.settings,
      spanExtras: header.spanExtras,
      extraTables: header.extraTables,
    };
  } else {
    const imported = parseImportFile({
      name: fileName,
      bytes: new TextEncoder().encode(envelope.value.body),
      options: { format: 'native' },
      ...(onProgress ? { onProgress } : {}),
    });
    const snap = snapshotFromImport(envelope.value, imported);
    if (!snap.ok) return snap;
    snapshot = snap.value;
  }
  const checked = checkSnapshot(snapshot);
  if (!checked.ok) return err(`The backup did not pass validation: ${checked.error}`);
  return ok({ snapshot, digest, createdAt: header.createdAt });
}

/**
 * Restores a backup: validate, then replace everything and read the stored data back in ONE strict
 * transaction; when the data read back does not match the digest the backup promises, the
 * transaction is aborted, so the database is exactly as before. Every error says so.
 * `prevalidated`: the caller has just validated this content for this database (for the
 * confirmation); replaceAllData checks the snapshot again anyway.
 */
export async function restoreFromBackup(
  db: MarginaliaDb,
  content: string,
  fileName: string,
  prevalidated?: ValidBackup,
): Promise<Result<RestoreReport>> {
  const valid = prevalidated ? ok(prevalidated) : validateBackup(content, fileName, db.verno);
  if (!valid.ok) return err(`${valid.error} ${NOTHING_CHANGED}`);
  const { snapshot, digest, createdAt } = valid.value;
  const unknown = unknownTablesProblem(db, snapshot);
  if (unknown !== null) return err(`${unknown} ${NOTHING_CHANGED}`);
  try {
    await replaceAllData(db, snapshot, digest);
  } catch (e) {
    if (e instanceof DigestMismatch)
      return err(
        `The data read back after writing did not match the backup (digest ${e.found} instead of ${e.expected}), so the restore was rolled back. ${NOTHING_CHANGED}`,
      );
    const p = classifyStorageError(e);
    const why =
      p.kind === 'quota'
        ? 'the disk is full (or the browser’s storage quota for Marginalia is used up)'
        : `writing it into the database failed (${e instanceof Error ? e.message : String(e)})`;
    return err(
      `The backup could not be restored: ${why}, so the restore was rolled back. ${NOTHING_CHANGED}`,
    );
  }
  return ok({
    documents: snapshot.documents.length,
    spans: snapshot.annotations.reduce((n, a) => n + a.spans.length, 0),
    digest,
    createdAt,
  });
}
