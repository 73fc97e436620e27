import { err, ok, type Result } from '../result';
import { PROJECT_NAME, roleName, USER_NAME, type TeamRole } from './project-layout';

/** The team this installation belongs to (kept in settings; never a password). */
export interface TeamConfig {
  readonly serverUrl: string;
  readonly project: string;
  readonly user: string;
  readonly role: TeamRole;
}

export interface TeamForm {
  readonly serverUrl: string;
  readonly project: string;
  readonly user: string;
  readonly password: string;
}

/** Checks the Settings → Team form; one sentence per problem, naming the field. */
export function checkTeamForm(f: TeamForm): Result<Omit<TeamConfig, 'role'>, string> {
  const url = f.serverUrl.trim().replace(/\/+$/, '');
  // No URL class here (core compiles without DOM or Node): scheme, host, optional port and path.
  if (!/^https?:\/\/[^\s/?#:]+(:\d{1,5})?(\/[^\s?#]*)?$/i.test(url))
    return err('Server URL: give the address of the team server, e.g. http://127.0.0.1:5984.');
  const project = f.project.trim();
  if (!PROJECT_NAME.test(project))
    return err(
      'Project: 1–40 characters of a–z, 0–9 and "-", starting with a letter (as "marginalia team init" made it).',
    );
  const user = f.user.trim();
  if (!USER_NAME.test(user))
    return err('User name: 1–40 characters of a–z, 0–9, "_" and "-", starting with a letter.');
  if (f.password === '') return err('Password: type the password the lead gave you.');
  return ok({ serverUrl: url, project, user });
}

/** The user's role in the project, from the roles CouchDB's `_session` reports; null: not a member. */
export function roleInProject(project: string, roles: readonly string[]): TeamRole | null {
  if (roles.includes(roleName(project, 'lead'))) return 'lead';
  if (roles.includes(roleName(project, 'annotator'))) return 'annotator';
  return null;
}

/** What the sync is doing, as the header says it. */
export type SyncState =
  | { readonly kind: 'off' }
  | { readonly kind: 'synced' }
  | { readonly kind: 'syncing'; readonly progress: { readonly done: number; readonly total: number } | null }
  | { readonly kind: 'offline'; readonly waiting: number }
  | { readonly kind: 'error'; readonly message: string };

/** The header's words for a state (null: no team, nothing shown). */
export function syncStateText(s: SyncState): string | null {
  switch (s.kind) {
    case 'off':
      return null;
    case 'synced':
      return 'Synced';
    case 'syncing':
      return 'Syncing…';
    case 'offline':
      return `Offline — ${s.waiting} change${s.waiting === 1 ? '' : 's'} waiting`;
    case 'error':
      return `Sync error: ${s.message}`;
  }
}

export const SIGNED_OUT = 'you are signed out. Sign in again in Settings → Team.';

/** A failed request, in the words the header shows: what happened and what to do. */
export function syncErrorMessage(
  e: { readonly kind: string; readonly status: number; readonly reason: string },
  context: { readonly serverUrl: string; readonly article?: string },
): string {
  switch (e.kind) {
    case 'unauthorized':
      return SIGNED_OUT;
    case 'forbidden':
      return `the server refused (${e.reason}). Your account may not write this project: ask your lead.`;
    case 'too_large':
      return `${context.article ? `the labels of "${context.article}"` : 'a document'} are too large for the server (${e.reason}). Nothing local is lost; ask your lead.`;
    case 'not_found':
      return `the project is not on ${context.serverUrl} (${e.reason}). Check Settings → Team.`;
    default:
      return `${e.reason} (HTTP ${e.status}). It will be retried; if it persists, tell your lead.`;
  }
}
