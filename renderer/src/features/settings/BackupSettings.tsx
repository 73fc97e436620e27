import { useCallback, useEffect, useState } from 'react';

import { useDurability } from '../../session/durability';
import type { BackupEntry } from '../../session/backup/backup-sink';

const when = (iso: string | null): string => (iso ? new Date(iso).toLocaleString() : 'never');

/** Backup folder, last backup, "Back up now", "Restore from backup…" and how many to keep. */
export function BackupSettings({
  onMessage,
}: {
  onMessage: (text: string, tone?: 'info' | 'error') => void;
}) {
  const { backups } = useDurability();
  const [list, setList] = useState<BackupEntry[]>([]);
  const [keep, setKeep] = useState<number | null>(null);
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    const all = await backups.list().catch(() => []);
    setList(all);
    setChosen((c) => c || all[0]?.name || '');
  }, [backups]);
  useEffect(() => {
    void refresh();
    void backups.keep().then(setKeep);
    return backups.subscribe(() => void refresh());
  }, [backups, refresh]);

  const act = async (task: () => Promise<string>): Promise<void> => {
    setBusy(true);
    try {
      onMessage(await task());
    } catch (e) {
      onMessage(e instanceof Error ? e.message : String(e), 'error');
    } finally {
      setBusy(false);
    }
  };
  const restore = () =>
    act(async () => {
      const r = await backups.restoreEntry(chosen);
      if (!r.ok) throw new Error(`Not restored: ${r.error}`);
      return `Restored ${r.value.documents} documents and ${r.value.spans} spans; the data matches the backup.`;
    });

  return (
    <section aria-labelledby="backup-heading">
      <h3 id="backup-heading">Backups</h3>
      <dl>
        <dt>Backups are kept in</dt>
        <dd data-testid="backup-location">{backups.sink.location}</dd>
        <dt>Last backup</dt>
        <dd data-testid="last-backup">{when(backups.lastBackupAt ?? list[0]?.writtenAt ?? null)}</dd>
      </dl>
      <button type="button" disabled={busy} onClick={() => void act(() => backups.backupNow())}>
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
        <button type="button" disabled={busy || !chosen} onClick={() => void restore()}>
          Restore from backup…
        </button>
      </p>
      {backups.sink.kind === 'folder' && keep !== null && (
        <label>
          Backups to keep{' '}
          <input
            type="number"
            min={1}
            max={1000}
            value={keep}
            onChange={(e) => {
              const n = Number(e.target.value);
              setKeep(n);
              if (n >= 1) void backups.setKeep(n);
            }}
          />
        </label>
      )}
    </section>
  );
}
