import { useCallback, useEffect, useState } from 'react';

import { useDurability } from '../../session/durability';
import type { BackupEntry } from '../../session/backup/backup-sink';
import { RestoreConfirm } from './RestoreConfirm';
import './settings.css';
import { useRestoreFlow, when } from './useRestoreFlow';

/** Backup folder, last backup, "Back up now", restoring a kept backup or a file, how many to keep. */
export function BackupSettings({
  onMessage,
}: {
  onMessage: (text: string, tone?: 'info' | 'error') => void;
}) {
  const { backups } = useDurability();
  const [list, setList] = useState<BackupEntry[]>([]);
  const [keep, setKeep] = useState<number | null>(null);
  const [chosen, setChosen] = useState('');
  const [saving, setSaving] = useState(false);
  const flow = useRestoreFlow(backups, onMessage);
  const busy = saving || flow.busy;

  const refresh = useCallback(async () => {
    const all = await backups.list().catch(() => []);
    setList(all);
    // A chosen backup that was pruned falls back to the newest.
    setChosen((c) => (all.some((b) => b.name === c) ? c : (all[0]?.name ?? '')));
  }, [backups]);
  useEffect(() => {
    void refresh();
    void backups.keep().then(setKeep);
    return backups.subscribe(() => void refresh());
  }, [backups, refresh]);

  const backUpNow = async (): Promise<void> => {
    setSaving(true);
    try {
      onMessage(await backups.backupNow());
    } catch (e) {
      onMessage(e instanceof Error ? e.message : String(e), 'error');
    } finally {
      setSaving(false);
    }
  };

  return (
    <section aria-labelledby="backup-heading">
      <h3 id="backup-heading">Backups</h3>
      <dl>
        <dt>Backups are kept in</dt>
        <dd data-testid="backup-location">{backups.sink.location}</dd>
        <dt>Last backup</dt>
        <dd data-testid="last-backup">{when(backups.lastBackupAt ?? list[0]?.writtenAt ?? null)}</dd>
      </dl>
      <button type="button" disabled={busy} onClick={() => void backUpNow()}>
        Back up now
      </button>
      <p>
        <select aria-label="Backup to restore" value={chosen} onChange={(e) => setChosen(e.target.value)}>
          {list.map((b) => (
            <option key={b.name} value={b.name}>
              {when(b.writtenAt)} — {b.name}
            </option>
          ))}
        </select>
        <button type="button" disabled={busy || !chosen} onClick={() => void flow.chooseEntry(chosen)}>
          Restore from backup…
        </button>{' '}
        <button type="button" disabled={busy} onClick={() => void flow.chooseFile()}>
          Restore from a file…
        </button>
      </p>
      {flow.plan && (
        <RestoreConfirm
          plan={flow.plan}
          busy={busy}
          onConfirm={() => void flow.confirm()}
          onCancel={flow.cancel}
          onSaveRaw={flow.saveRaw}
        />
      )}
      {keep !== null && (
        <label>
          Backups to keep{' '}
          <input
            type="number"
            min={2}
            max={1000}
            value={keep}
            onChange={(e) => {
              const n = Number(e.target.value);
              setKeep(n);
              if (n >= 2) void backups.setKeep(n);
            }}
          />
        </label>
      )}
    </section>
  );
}
