import { useEffect } from 'react';

import { onDatabaseChanged } from '../../db/observe-changes';
import type { BackupService } from './backup-service';

/** How often a changed database is backed up. */
export const BACKUP_INTERVAL_MS = 3 * 60_000;

/**
 * Backs up every few minutes while there are changes, and — best effort, since a closing page may
 * not finish — when the window is hidden or closed (Electron's main waits for backup writes it has
 * started before quitting). Failures are reported, never retried in a loop.
 */
export function useBackupSchedule(service: BackupService | null, onError: (message: string) => void): void {
  useEffect(() => {
    if (!service) return;
    let dirty = true;
    let running: Promise<unknown> = Promise.resolve();
    const run = (reason: 'interval' | 'quit'): void => {
      if (!dirty) return;
      dirty = false;
      running = running.then(() =>
        service.backup(reason, true).catch((e: unknown) => {
          dirty = true;
          onError(`Automatic backup failed: ${e instanceof Error ? e.message : String(e)}`);
        }),
      );
    };
    const off = onDatabaseChanged(service.db.name, () => {
      dirty = true;
    });
    const timer = setInterval(() => run('interval'), BACKUP_INTERVAL_MS);
    const onHidden = (): void => {
      if (document.visibilityState === 'hidden') run('interval');
    };
    const onUnload = (): void => run('quit');
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', onUnload);
    return () => {
      off();
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', onUnload);
    };
  }, [service, onError]);
}
