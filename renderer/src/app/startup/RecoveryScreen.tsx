import { useEffect, useState } from 'react';

import { BackupChooser, RestoreConfirm, useRestoreFlow } from '../../features/settings';
import { useDurability } from '../../session/durability';
import { ProgressBar } from '../../ui/ProgressBar';

/**
 * Shown instead of a blank page when the app cannot show what is stored (issue 14): what failed, that
 * nothing changed, and the ways out — save the raw data, restore a kept backup or a backup file.
 * A successful restore tries the app again.
 */
export function RecoveryScreen({ error, retry }: { error: Error; retry: () => void }) {
  const { backups } = useDurability();
  const [message, setMessage] = useState<{ text: string; tone: 'info' | 'error' } | null>(null);
  const say = (text: string, tone: 'info' | 'error' = 'info'): void => setMessage({ text, tone });
  const flow = useRestoreFlow(backups, say);
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
      <BackupChooser
        backups={backups}
        busy={flow.busy}
        onEntry={(name) => void flow.chooseEntry(name)}
        onFile={() => void flow.chooseFile()}
      />
      {flow.progress && <ProgressBar label={flow.progress.label} value={flow.progress.fraction} />}
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
