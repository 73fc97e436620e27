import { useState } from 'react';

import type { BackupEntry } from '../../session/backup/backup-sink';
import type { StartupProblem } from './open-app-database';

const when = (iso: string): string => (iso ? new Date(iso).toLocaleString() : 'unknown time');

/** A start-up failure: what happened, that nothing changed, and what to do next. */
export function StartupProblemView({
  problem,
  backupLocation,
}: {
  problem: StartupProblem;
  backupLocation: string;
}) {
  const newest = problem.backups[0];
  return (
    <div className="fatal" role="alert" data-testid="startup-problem">
      <h1>{problem.title}</h1>
      <p>{problem.message}</p>
      {newest && (
        <p>
          Your newest backup ({when(newest.writtenAt)}) is safe in {backupLocation}.
        </p>
      )}
      {problem.detail && <p className="detail">Details: {problem.detail}</p>}
      <button type="button" onClick={() => location.reload()}>
        Try again
      </button>
    </div>
  );
}

export interface RestoreOfferProps {
  backups: readonly BackupEntry[];
  onRestore: (name: string) => Promise<string | null>;
  onRestoreFile: () => Promise<string | null>;
  onStartFresh: () => void;
}

/**
 * The database is empty but backups exist — most likely it was reset or deleted. Restoring the
 * newest backup is one click; any other backup, or a backup file, is two.
 */
export function RestoreOffer({ backups, onRestore, onRestoreFile, onStartFresh }: RestoreOfferProps) {
  const [chosen, setChosen] = useState(backups[0]?.name ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (task: () => Promise<string | null>): Promise<void> => {
    setBusy(true);
    setError(await task());
    setBusy(false);
  };
  const newest = backups[0];
  return (
    <div className="restore-offer" role="dialog" aria-label="Restore from backup">
      <h1>Your library is empty, but a backup exists</h1>
      <p>
        The database holds no documents or annotations, yet Marginalia has {backups.length} backup
        {backups.length === 1 ? '' : 's'}. If your data was lost, restore it now.
      </p>
      {newest && (
        <button type="button" disabled={busy} onClick={() => void run(() => onRestore(newest.name))}>
          Restore newest backup ({when(newest.writtenAt)})
        </button>
      )}
      {backups.length > 1 && (
        <p>
          <select aria-label="Backup to restore" value={chosen} onChange={(e) => setChosen(e.target.value)}>
            {backups.map((b) => (
              <option key={b.name} value={b.name}>
                {when(b.writtenAt)} — {b.name}
              </option>
            ))}
          </select>
          <button type="button" disabled={busy} onClick={() => void run(() => onRestore(chosen))}>
            Restore chosen backup
          </button>
        </p>
      )}
      <button type="button" disabled={busy} onClick={() => void run(onRestoreFile)}>
        Restore from a file…
      </button>
      <button type="button" disabled={busy} onClick={onStartFresh}>
        Start with an empty library
      </button>
      {error && (
        <p role="alert" className="status-error">
          {error}
        </p>
      )}
    </div>
  );
}
