import { serializeBackup, type BackupInfo, type SerializedBackup } from '../../core/backup/backup-file';
import { readBackupEnvelope, snapshotFromImport } from '../../core/backup/backup-read';
import type { DatabaseSnapshot } from '../../core/backup/snapshot';
import { parseImportFile } from '../../core/formats/import';
import { err, ok, type Result } from '../../core/result';
import type { MarginaliaDb } from '../database';
import { readSnapshot } from '../snapshot';
import { replaceAllData, storedDigest } from './restore';

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
}

/**
 * Checks a backup file's frame, then validates its records with the normal import validator
 * (nothing the importer would refuse is ever stored), so this fails before anything changes.
 */
export function validateBackup(
  content: string,
  fileName: string,
): Result<{ snapshot: DatabaseSnapshot; digest: string }> {
  const envelope = readBackupEnvelope(content);
  if (!envelope.ok) return envelope;
  const { header, records, digest } = envelope.value;
  if (records === 0) {
    const empty = {
      schemaVersion: header.dbSchemaVersion,
      documents: [],
      annotations: [],
      statuses: [],
      settings: header.settings,
      spanExtras: header.spanExtras,
      extraTables: header.extraTables,
    };
    return ok({ snapshot: empty, digest });
  }
  const imported = parseImportFile({
    name: fileName,
    bytes: new TextEncoder().encode(envelope.value.body),
    options: { format: 'native' },
  });
  const snap = snapshotFromImport(envelope.value, imported);
  return snap.ok ? ok({ snapshot: snap.value, digest }) : snap;
}

/**
 * Restores a backup: validate, replace everything in one strict transaction, then read the stored
 * data back and compare its digest with the one the backup promises. A mismatch is reported as an
 * error (the data stays, so the user can still export what came back).
 */
export async function restoreFromBackup(
  db: MarginaliaDb,
  content: string,
  fileName: string,
): Promise<Result<RestoreReport>> {
  const valid = validateBackup(content, fileName);
  if (!valid.ok) return valid;
  const { snapshot, digest } = valid.value;
  await replaceAllData(db, snapshot);
  const after = await storedDigest(db);
  if (after !== digest)
    return err(`The restored data does not match the backup (digest ${after} instead of ${digest}).`);
  return ok({
    documents: snapshot.documents.length,
    spans: snapshot.annotations.reduce((n, a) => n + a.spans.length, 0),
    digest,
  });
}
