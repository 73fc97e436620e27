import { useEffect, useState } from 'react';

import { useUserWrites } from '../../session/commands/use-user-writes';
import { useDurability } from '../../session/durability';
import { ProgressBar } from '../../ui/ProgressBar';
import type { BackupEntry } from '../../session/backup/backup-sink';
import { BackupChooser } from './BackupChooser';
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
  const writes = useUserWrites();
  const [newest, setNewest] = useState<BackupEntry | null>(null);
  const [keep, setKeep] = useState<number | null>(null);
  const [saving, setSaving] = useState(false);
  const flow = useRestoreFlow(backups, onMessage);
  const busy = saving || flow.busy;

  useEffect(() => {
    const refresh = () =>
      void backups.list().then(
        (all) => setNewest(all[0] ?? null),
        () => undefined,
      );
    refresh();
    void backups.keep().then(setKeep);
    return backups.subscribe(refresh);
  }, [backups]);

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
        <dd data-testid="last-backup">{when(backups.lastBackupAt ?? newest?.writtenAt ?? null)}</dd>
      </dl>
      <button type="button" disabled={busy} onClick={() => void backUpNow()}>
        Back up now
      </button>
      <BackupChooser
        backups={backups}
        busy={busy}
        onEntry={(name) => void flow.chooseEntry(name)}
        onFile={() => void flow.chooseFile()}
      />
      {flow.progress && <ProgressBar label={flow.progress.label} value={flow.progress.fraction} />}
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
              if (n >= 2)
                void writes.backupKeep(n).then((failed) => {
                  if (!failed) return;
                  onMessage(`Not saved: ${failed}`, 'error');
                  void backups.keep().then(setKeep);
                });
            }}
          />
        </label>
      )}
    </section>
  );
}
