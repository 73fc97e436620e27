import { err, ok, type Result } from '../../core/result';
import { userDb } from '../../core/sync/project-layout';
import { checkTeamForm, roleInProject, type TeamConfig, type TeamForm } from '../../core/sync/team-config';
import { CouchClient } from '../../couch/client';
import type { FetchLike } from '../../couch/http';

/**
 * A client for a team server as the app uses it: CouchDB's cookie session. In a browser the
 * browser keeps the `AuthSession` cookie (credentials: 'include'), so the password is sent once, in
 * the sign-in request, and never stored; `cookieJar` is for Node (tests, bench), whose fetch has none.
 */
export function teamClient(serverUrl: string, fetch: FetchLike, cookieJar = false): CouchClient {
  return new CouchClient({ baseUrl: serverUrl, fetch, auth: { kind: 'session', cookieJar } });
}

/**
 * Signs in with the Settings → Team form and checks the user belongs to the project. Every failure
 * is one sentence saying what to do. `origin` is the app's own address, named when the server
 * cannot be reached (a CORS refusal looks the same to a page as a server that is down).
 */
export async function signIn(
  client: CouchClient,
  form: TeamForm,
  origin: string,
): Promise<Result<TeamConfig, string>> {
  const checked = checkTeamForm(form);
  if (!checked.ok) return checked;
  const { serverUrl, project, user } = checked.value;
  const login = await client.logIn(user, form.password);
  if (!login.ok) {
    if (login.error.kind === 'unreachable')
      return err(
        `Cannot reach the server at ${serverUrl}: is it running, is the address right, and does it allow this app (${origin}) in its CORS settings?`,
      );
    if (login.error.kind === 'unauthorized') return err(`Wrong user name or password for ${serverUrl}.`);
    return err(`The server at ${serverUrl} refused the sign-in: ${login.error.reason}.`);
  }
  const role = roleInProject(project, login.value.roles);
  if (!role)
    return err(
      `${user} is not in the project "${project}" on ${serverUrl}: check the project name, or ask your lead to add you.`,
    );
  const own = await client.info(userDb(project, user));
  if (!own.ok)
    return err(
      own.error.kind === 'not_found'
        ? `The project "${project}" on ${serverUrl} has no database for ${user} yet: ask your lead to run "marginalia team add-user" again.`
        : `The server at ${serverUrl} refused to open your work: ${own.error.reason}.`,
    );
  return ok({ serverUrl, project, user, role });
}
