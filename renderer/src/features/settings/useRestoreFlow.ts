import { useCallback, useState } from 'react';

import { describeCounts, restoredText, type RestorePlan } from '../../core/backup/restore-summary';
import type { Result } from '../../core/result';
import type { BackupService } from '../../session/backup/backup-service';
import { pickBackupFile } from '../../session/backup/pick-backup-file';
import type { RestorePhase } from '../../session/backup/restore-work';
import { useUserWrites } from '../../session/commands/use-user-writes';
import { useServices } from '../../session/providers';

type Say = (text: string, tone?: 'info' | 'error') => void;

const PHASES: Record<RestorePhase, string> = {
  checking: 'Checking the backup',
  copying: 'Keeping a copy of your current data',
  writing: 'Writing the backup into the library',
};

export const when = (iso: string | null): string => (iso ? new Date(iso).toLocaleString() : 'never');

/**
 * Restore in two steps: choose a backup (kept snapshot or file), which is read and checked and
 * shown with what it would replace; then confirm. Nothing changes before the confirmation.
 */
export function useRestoreFlow(backups: BackupService, say: Say) {
  const { host } = useServices();
  const writes = useUserWrites();
  const [plan, setPlan] = useState<RestorePlan | null>(null);
  const [busy, setBusy] = useState(false);
  // The heavy work runs in a worker (session/backup/restore-engine.ts); the page shows how far it is.
  const [progress, setProgress] = useState<{ label: string; fraction: number } | null>(null);
  const onProgress = useCallback(
    (phase: RestorePhase, fraction: number) => setProgress({ label: PHASES[phase], fraction }),
    [],
  );

  const run = useCallback(async (task: () => Promise<void>) => {
    setBusy(true);
    try {
      await task();
    } finally {
      setBusy(false);
      setProgress(null);
    }
  }, []);
  const show = useCallback(
    (prepared: Result<RestorePlan>) => {
      if (prepared.ok) setPlan(prepared.value);
      else say(`Not restored: ${prepared.error}`, 'error');
    },
    [say],
  );
  const fail = useCallback(
    (e: unknown) => say(`Not restored: ${e instanceof Error ? e.message : String(e)}`, 'error'),
    [say],
  );

  const chooseEntry = useCallback(
    (name: string) =>
      run(() => {
        say('Reading and checking the backup…');
        return backups.prepareEntry(name, onProgress).then(show, fail);
      }),
    [backups, run, show, fail, say, onProgress],
  );
  const chooseFile = useCallback(
    () =>
      run(async () => {
        const file = await pickBackupFile(host).catch((e: unknown) => void fail(e));
        if (!file) return;
        say(`Reading and checking ${file.name}…`);
        show(await backups.prepare(file.content, file.name, onProgress));
      }),
    [backups, host, run, show, fail, say, onProgress],
  );
  const confirm = useCallback(
    () =>
      run(async () => {
        if (!plan) return;
        setPlan(null);
        say(`Restoring ${describeCounts(plan.backup)}…`);
        const r = await writes
          .restore(plan.source, plan.name, { withoutCopy: plan.copyProblem !== null }, onProgress)
          .catch((e: unknown) => {
            fail(e);
            return null;
          });
        if (!r) return;
        if (r.ok) say(restoredText(r.value, r.value.savedAs, when));
        else if ('copyProblem' in r) {
          // Asked again, now saying the current data cannot be copied first.
          setPlan({ ...plan, copyProblem: r.copyProblem });
          say(`Not restored yet: ${r.error}`, 'error');
        } else say(`Not restored: ${r.error}`, 'error');
      }),
    [writes, plan, run, say, fail, onProgress],
  );
  const cancel = useCallback(() => {
    setPlan(null);
    // A failed worker holds nothing; the message stands either way.
    void backups.forgetPrepared().catch(() => undefined);
    say('Restore cancelled. Nothing was changed.');
  }, [backups, say]);

  const saveRaw = useCallback(
    () => void backups.saveRawData().then((m) => say(m), fail),
    [backups, say, fail],
  );

  return { plan, busy, progress, chooseEntry, chooseFile, confirm, cancel, saveRaw };
}
