import { err, ok, type Result } from '../../core/result';
import { articlesDb, goldDb, projectDb, userDb, type MemberDoc } from '../../core/sync/project-layout';
import type { TeamConfig } from '../../core/sync/team-config';
import type { CouchClient } from '../../couch/client';
import type { CouchError } from '../../couch/http';
import type { MarginaliaDb } from '../../db/database';
import { findDirtySets } from '../../db/repositories/sync';
import { storeRoster } from '../../db/repositories/team-progress';

/** A server database this replica follows. */
export interface Target {
  readonly db: string;
  /** own: this replica edits its span sets too (pull and push); mirror: pull only; articles: the articles database. */
  readonly mode: 'own' | 'mirror' | 'articles';
  /** For `own`: whose span sets (the user, or "gold"). */
  readonly annotator?: string;
}

interface Context {
  readonly db: MarginaliaDb;
  readonly client: CouchClient;
  readonly config: TeamConfig;
  readonly replica: string;
}

/** An annotator follows their own database; a lead also the articles, gold and every roster member's. */
export async function followedTargets(o: Context): Promise<Result<Target[], CouchError>> {
  const { project, user, role } = o.config;
  const own: Target = { db: userDb(project, user), mode: 'own', annotator: user };
  if (role !== 'lead') return ok([own]);
  const roster = await o.client.allWithPrefix<MemberDoc>(projectDb(project), 'member:');
  if (!roster.ok) return err(roster.error);
  // Kept for the progress dashboard, which lists the roster as `team status` does.
  await storeRoster(o.db, projectDb(project), roster.value);
  const others: Target[] = roster.value
    .filter((m) => m.name !== user)
    .map((m) => ({ db: userDb(project, m.name), mode: 'mirror' }));
  return ok([
    { db: articlesDb(project), mode: 'articles' },
    own,
    { db: goldDb(project), mode: 'own', annotator: 'gold' },
    ...others,
  ]);
}

/** "N changes waiting": spans added, changed or deleted here and not on the server yet. */
export async function waitingChanges(o: Context, now: number): Promise<number> {
  const { project, user, role } = o.config;
  const allowed = { recordedUnder: articlesDb(project) };
  const count = async (dbName: string, annotator: string) =>
    (await findDirtySets(o.db, dbName, annotator, allowed, o.replica, now)).reduce(
      (n, d) => n + d.changes,
      0,
    );
  const own = await count(userDb(project, user), user);
  return role === 'lead' ? own + (await count(goldDb(project), 'gold')) : own;
}
