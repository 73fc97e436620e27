import { useEffect, useState } from 'react';

import { RestoreConfirm, useRestoreFlow, when } from '../../features/settings';
import type { BackupEntry } from '../../session/backup/backup-sink';
import { useDurability } from '../../session/durability';

/**
 * Shown instead of a blank page when the app cannot show what is stored (issue 14): what failed, that
 * nothing changed, and the ways out — save the raw data, restore a kept backup or a backup file.
 * A successful restore tries the app again.
 */
export function RecoveryScreen({ error, retry }: { error: Error; retry: () => void }) {
  const { backups } = useDurability();
  const [list, setList] = useState<BackupEntry[]>([]);
  const [chosen, setChosen] = useState('');
  const [message, setMessage] = useState<{ text: string; tone: 'info' | 'error' } | null>(null);
  const say = (text: string, tone: 'info' | 'error' = 'info'): void => setMessage({ text, tone });
  const flow = useRestoreFlow(backups, say);
  useEffect(() => {
    void backups.list().then(
      (all) => {
        setList(all);
        setChosen(all[0]?.name ?? '');
      },
      () => undefined,
    );
  }, [backups]);
  useEffect(() => backups.onRestored(retry), [backups, retry]);
  const saveRaw = (): void => void backups.saveRawData().then(say, (e: unknown) => say(String(e), 'error'));
  return (
    <div className="fatal recovery" role="alert" data-testid="recovery-screen">
      <h1>Marginalia cannot show your stored data</h1>
      <p className="detail">{error.message}</p>
      <p>
        Nothing stored was changed. Save the raw data to keep everything as it is, or restore a backup (your
        current data is kept as a backup first).
      </p>
      <p>
        <button type="button" onClick={saveRaw}>
          Save raw data
        </button>
      </p>
      <p>
        <select aria-label="Backup to restore" value={chosen} onChange={(e) => setChosen(e.target.value)}>
          {list.map((b) => (
            <option key={b.name} value={b.name}>
              {when(b.writtenAt)} — {b.name}
            </option>
          ))}
        </select>{' '}
        <button type="button" disabled={flow.busy || !chosen} onClick={() => void flow.chooseEntry(chosen)}>
          Restore this backup…
        </button>{' '}
        <button type="button" disabled={flow.busy} onClick={() => void flow.chooseFile()}>
          Restore from a file…
        </button>
      </p>
      {flow.plan && (
        <RestoreConfirm
          plan={flow.plan}
          busy={flow.busy}
          onConfirm={() => void flow.confirm()}
          onCancel={flow.cancel}
          onSaveRaw={flow.saveRaw}
        />
      )}
      {message && (
        <p className={`status-${message.tone}`} data-testid="recovery-message">
          {message.text}
        </p>
      )}
      <button type="button" onClick={() => location.reload()}>
        Try again
      </button>
    </div>
  );
}
