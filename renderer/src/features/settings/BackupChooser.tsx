import { useCallback, useEffect, useState } from 'react';

import { backupEntryTitle } from '../../core/backup/backup-title';
import type { BackupService } from '../../session/backup/backup-service';
import type { BackupEntry } from '../../session/backup/backup-sink';
import { when } from './useRestoreFlow';

/**
 * The one control to choose what to restore, shared by Settings and the recovery screen: the kept
 * backups (newest first, following new ones as they are written) and a backup file.
 */
export function BackupChooser({
  backups,
  busy,
  onEntry,
  onFile,
}: {
  backups: BackupService;
  busy: boolean;
  onEntry: (name: string) => void;
  onFile: () => void;
}) {
  const [list, setList] = useState<BackupEntry[] | null>(null);
  const [chosen, setChosen] = useState('');
  const refresh = useCallback(async () => {
    const all = await backups.list().catch(() => []);
    setList(all);
    // A chosen backup that was pruned falls back to the newest.
    setChosen((c) => (all.some((b) => b.name === c) ? c : (all[0]?.name ?? '')));
  }, [backups]);
  useEffect(() => {
    void refresh();
    return backups.subscribe(() => void refresh());
  }, [backups, refresh]);

  return (
    <p className="backup-chooser">
      {list && list.length === 0 && <span className="muted">No backup is kept yet. </span>}
      {list && list.length > 0 && (
        <>
          <select aria-label="Backup to restore" value={chosen} onChange={(e) => setChosen(e.target.value)}>
            {list.map((b) => (
              <option key={b.name} value={b.name}>
                {backupEntryTitle(b.name, when(b.writtenAt))}
              </option>
            ))}
          </select>{' '}
          <button type="button" disabled={busy || !chosen} onClick={() => onEntry(chosen)}>
            Restore from backup…
          </button>{' '}
        </>
      )}
      <button type="button" disabled={busy} onClick={onFile}>
        Restore from a file…
      </button>
    </p>
  );
}
