import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';

import { App } from './app/App';
import { BackupService } from './session/backup/backup-service';
import { selectBackupSink } from './session/backup/backup-sink';
import { pickBackupFile } from './session/backup/pick-backup-file';
import { DurabilityProvider } from './session/durability';
import { ServicesProvider } from './session/providers';
import { ReadOnlyProvider } from './session/read-only';
import { TeamSyncProvider } from './session/sync/TeamSyncProvider';
import { SEED_ARTICLES } from './app/seeds';
import { openAppDatabase } from './app/startup/open-app-database';
import { labelCssProperties } from './core/model/label-display';
import { RecoveryScreen } from './app/startup/RecoveryScreen';
import { RestoreOffer, StartupProblemView } from './app/startup/StartupScreens';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { SnapshotStore } from './db/backup-store';
import { CURRENT_SCHEMA_VERSION, DEFAULT_DB_NAME, type MarginaliaDb } from './db/database';
import { seedOnFirstRun } from './db/repositories/documents';
import { requestPersistentStorage, storageEstimate } from './db/storage';
import type { HostApi } from './platform/host';
import { selectHost } from './platform/select-host';
import './styles.css';

// Every label's colour, tint, ink, line style and letter, from their one definition.
for (const [name, value] of labelCssProperties()) document.documentElement.style.setProperty(name, value);

/** Composition root: the only place concrete implementations are wired together. */
async function start(): Promise<void> {
  const rootEl = document.getElementById('root');
  if (!rootEl) throw new Error('index.html has no #root');
  const root = createRoot(rootEl);
  const host = selectHost();
  const sink = await selectBackupSink(host, new SnapshotStore());
  const result = await openAppDatabase({ name: DEFAULT_DB_NAME, sink });
  if (result.kind === 'problem') {
    root.render(<StartupProblemView problem={result} backupLocation={sink.location} />);
    return;
  }
  const backups = new BackupService(result.db, sink, host);
  if (!result.offerRestore) return launch(root, result.db, host, backups);
  const restoreFrom = async (task: () => Promise<{ content: string; name: string } | null>) => {
    try {
      const file = await task();
      if (!file) return null;
      const restored = await backups.restore(file.content, file.name);
      if (!restored.ok) return `Not restored: ${restored.error}`;
      await launch(root, result.db, host, backups);
      return null;
    } catch (e) {
      return `Not restored: ${e instanceof Error ? e.message : String(e)}`;
    }
  };
  root.render(
    <RestoreOffer
      backups={result.offerRestore}
      onRestore={(name) => restoreFrom(async () => ({ name, content: await sink.read(name) }))}
      onRestoreFile={() => restoreFrom(() => pickBackupFile(host))}
      onStartFresh={() => void launch(root, result.db, host, backups)}
    />,
  );
}

async function launch(root: Root, db: MarginaliaDb, host: HostApi, backups: BackupService): Promise<void> {
  await seedOnFirstRun(db, SEED_ARTICLES);
  const persist = requestPersistentStorage();
  const durability = { backups, schemaVersion: CURRENT_SCHEMA_VERSION, estimate: storageEstimate };
  root.render(
    <StrictMode>
      <ServicesProvider db={db} host={host}>
        <ReadOnlyProvider>
          <DurabilityProvider value={durability} persist={persist}>
            {/* Whatever the stored data holds, the user gets a way out, never a blank page. */}
            <ErrorBoundary fallback={(error, retry) => <RecoveryScreen error={error} retry={retry} />}>
              <TeamSyncProvider>
                <App />
              </TeamSyncProvider>
            </ErrorBoundary>
          </DurabilityProvider>
        </ReadOnlyProvider>
      </ServicesProvider>
    </StrictMode>,
  );
}

void start().catch((e: unknown) => {
  // Last resort: something failed before any screen could be shown. Say so instead of a blank page.
  const el = document.getElementById('root');
  if (el) el.textContent = `Marginalia could not start: ${e instanceof Error ? e.message : String(e)}`;
});
