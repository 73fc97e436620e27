import { annotatorNameProblem } from '../../core/model/annotator-name';
import type { DocStatus } from '../../core/model/status';
import { err, type Result } from '../../core/result';
import type { TeamConfig } from '../../core/sync/team-config';
import type { ImportFile, ImportOptions } from '../../core/formats/import-types';
import type { LinkEndpoint } from '../../core/links/link';
import type { MarginaliaDb } from '../../db/database';
import { dismissSuggestion } from '../../db/repositories/dismissals';
import { setStatus } from '../../db/repositories/progress';
import {
  saveGuidelines,
  setScrollPosition,
  setSetting,
  setSettings,
  type Settings,
} from '../../db/repositories/settings';
import type { BackupService, RestoreResult } from '../backup/backup-service';
import type { RestoreProgress } from '../backup/restore-work';
import type { BackupSource } from '../../core/backup/restore-summary';
import type { FileOutcome } from '../import/import-messages';
import { startImportJob, type ImportJob } from '../import/runImportWorker';
import type { WriteQueue } from './write-queue';

/** A write refused by its own checks (bad input): its message is said and nothing was written. */
export class WriteRefused extends Error {}

/** null: saved; otherwise why not (the read-only message, a refused input, a storage problem). */
export type WriteOutcome = string | null;

/** Settings written in passing (where the annotator was): a refusal is silent, nothing is said. */
type Remembered = Pick<Settings, 'lastDocId' | 'sidebarOpen'>;

/**
 * Every user-data write that is not an undoable document command (those go through
 * command-store.ts): settings, document status, the team, import, restore, dismissed suggestions. Each passes the one
 * read-only gate once, in `WriteQueue.submit`, and is persisted in order behind the earlier ones;
 * a storage failure is reported through the gate (a full disk turns the app read-only). Features
 * reach the database's write functions only through here or a command store (lint:
 * eslint.config.mjs, "features never write").
 */
export class UserWrites {
  constructor(
    private readonly db: MarginaliaDb,
    readonly queue: WriteQueue,
    /** Its own queue instance: a long import must not hold back a status or a setting. */
    private readonly imports: WriteQueue,
    private readonly backups: BackupService,
  ) {}

  /** The read-only message, for work that must not even start (a team sign-in), or null. */
  refusal(): string | null {
    return this.queue.gate.refusal();
  }

  private run(describe: string, persist: () => Promise<void>, queue = this.queue): Promise<WriteOutcome> {
    const queued = queue.submit({
      describe,
      persist,
      explain: (e) => (e instanceof WriteRefused ? e.message : null),
    });
    return 'refused' in queued ? Promise.resolve(queued.refused) : queued.outcome;
  }

  status(docId: string, annotator: string, status: DocStatus): Promise<WriteOutcome> {
    return this.run('status', () => setStatus(this.db, docId, annotator, status));
  }

  annotatorName(name: string): Promise<WriteOutcome> {
    return this.run('annotator name', async () => {
      const problem = annotatorNameProblem(name);
      if (problem) throw new WriteRefused(problem);
      await setSetting(this.db, 'annotator', name.trim());
    });
  }

  guidelines(raw: unknown): Promise<WriteOutcome> {
    return this.run('guidelines', async () => {
      const saved = await saveGuidelines(this.db, raw);
      if (!saved.ok) throw new WriteRefused(saved.error);
    });
  }

  /** The team this installation syncs with (null: none); connecting also names the annotator. */
  team(config: TeamConfig | null): Promise<WriteOutcome> {
    return this.run('team', () =>
      setSettings(this.db, config ? { team: config, annotator: config.user } : { team: null }),
    );
  }

  importLabelMaps(maps: Settings['importLabelMaps']): Promise<WriteOutcome> {
    return this.run('label mapping', () => setSetting(this.db, 'importLabelMaps', maps));
  }

  backupKeep(n: number): Promise<WriteOutcome> {
    return this.run('backups to keep', () => this.backups.setKeep(n));
  }

  /** Hides one suggested link target for a claim span from now on (issue 16). */
  dismissSuggestion(annotator: string, span: LinkEndpoint, candidate: LinkEndpoint): Promise<WriteOutcome> {
    return this.run('dismissed suggestion', () => dismissSuggestion(this.db, annotator, span, candidate));
  }

  remember<K extends keyof Remembered>(key: K, value: Settings[K]): Promise<WriteOutcome> {
    return this.run('where you were', () => setSetting(this.db, key, value));
  }

  rememberScroll(docId: string, top: number): Promise<WriteOutcome> {
    return this.run('where you were', () => setScrollPosition(this.db, docId, top));
  }

  /** Replaces every table with a backup's content (backup-service.ts says how). */
  async restore(
    content: string | BackupSource,
    name: string,
    opts: { withoutCopy?: boolean } = {},
    progress?: RestoreProgress,
  ): Promise<RestoreResult> {
    let result: RestoreResult | null = null;
    const reason = await this.run('restore', async () => {
      result = await this.backups.restore(content, name, opts, progress);
    });
    return result ?? err(reason ?? 'The restore did not run.');
  }

  /**
   * An import in its own worker: parsing writes nothing; its `store` passes the gate before the
   * worker is asked to store anything and rejects with the refusal.
   */
  importJob(
    files: ImportFile[],
    options: ImportOptions,
    onProgress: (phase: 'parse' | 'store', fraction: number, file: string) => void,
  ): ImportJob {
    const job = startImportJob(files, options, this.db.name, onProgress);
    return {
      ...job,
      store: async (annotator) => {
        let outcomes: Result<FileOutcome[], unknown> | null = null;
        const reason = await this.run(
          'import',
          () =>
            job.store(annotator).then(
              (value) => void (outcomes = { ok: true, value }),
              (error: unknown) => void (outcomes = { ok: false, error }),
            ),
          this.imports,
        );
        const done = outcomes as Result<FileOutcome[], unknown> | null;
        if (done?.ok) return done.value;
        if (done) throw done.error;
        job.cancel();
        throw new Error(reason ?? 'Nothing was stored.');
      },
    };
  }
}
