import { CouchClient } from '../../renderer/src/couch/client';
import type { CouchError, FetchLike } from '../../renderer/src/couch/http';
import { PROJECT_NAME, projectDb, type ProjectDoc } from '../../renderer/src/core/sync/project-layout';
import { flag, opt, parseArgs, type Args, type OptionSpec } from '../args';
import { parseAdmin } from '../commands/server';

/** Options every team command takes. */
export const CONNECTION_OPTIONS: readonly OptionSpec[] = [
  opt('server', 'URL'),
  opt('admin', 'NAME:PASSWORD'),
  opt('project', 'NAME'),
];

export interface Connection {
  readonly client: CouchClient;
  readonly url: string;
  readonly admin: string;
  readonly project: string;
}

/** A misuse (exit 64, with the usage) or a failure (exit 2, one sentence). */
export type Failure = { readonly usage: string } | { readonly fail: string };

/** One sentence for a failed request, naming the server. */
export function sentence(e: CouchError, url: string, doing: string): string {
  switch (e.kind) {
    case 'unreachable':
      return `Cannot reach the server at ${url} (${e.reason}): is it running, and is the address right?`;
    case 'unauthorized':
      return `The server at ${url} refused the name or password (${e.reason}).`;
    case 'forbidden':
      return `The server at ${url} did not allow ${doing}: ${e.reason}`;
    default:
      return `The server at ${url} could not ${doing}: ${e.reason} (HTTP ${e.status}).`;
  }
}

/** Parses the command line of a team command: its own valued flags plus the connection's. */
export function parseTeamArgs(argv: readonly string[], own: readonly OptionSpec[]): Args | Failure {
  const args = parseArgs(argv, [...CONNECTION_OPTIONS, ...own]);
  return typeof args === 'string' ? { usage: args } : args;
}

/**
 * Checks the flags, then that the server answers and takes the admin for a server admin. The CLI
 * authenticates with HTTP Basic on every request: it holds the admin's password for one command
 * anyway, and the embedded server's admin-only operations require it (docs/team.md).
 */
export async function connect(
  args: Args,
  fetchImpl: FetchLike = fetch as unknown as FetchLike,
): Promise<Connection | Failure> {
  const server = flag(args, 'server');
  if (!server) return { usage: '--server URL is required.' };
  let url: string;
  try {
    const u = new URL(server);
    if (u.protocol !== 'http:' && u.protocol !== 'https:')
      return { usage: '--server must be an http:// or https:// URL.' };
    url = u.href.replace(/\/+$/, '');
  } catch {
    return { usage: `--server "${server}" is not a URL.` };
  }
  const admin = parseAdmin(flag(args, 'admin'));
  if (typeof admin === 'string') return { usage: admin };
  const project = flag(args, 'project');
  if (!project) return { usage: '--project NAME is required.' };
  if (!PROJECT_NAME.test(project))
    return {
      usage: `--project "${project}": a project name has 1 to 40 lowercase letters, digits or "-", starting with a letter.`,
    };
  const client = new CouchClient({
    baseUrl: url,
    fetch: fetchImpl,
    auth: { kind: 'basic', name: admin.name, password: admin.password },
    base64: (s) => Buffer.from(s, 'utf8').toString('base64'),
  });
  const who = await client.session();
  if (!who.ok) return { fail: sentence(who.error, url, 'sign in') };
  if (who.value.name !== admin.name)
    return { fail: `The server at ${url} refused the name or password of "${admin.name}".` };
  if (!who.value.roles.includes('_admin'))
    return { fail: `"${admin.name}" is not a server admin on ${url}; team commands need the server admin.` };
  return { client, url, admin: admin.name, project };
}

/** The project document, or the sentence saying there is no such project. */
export async function requireProject(c: Connection): Promise<ProjectDoc | Failure> {
  const r = await c.client.get<ProjectDoc>(projectDb(c.project), 'project');
  if (!r.ok) return { fail: sentence(r.error, c.url, `read project "${c.project}"`) };
  if (r.value === null)
    return { fail: `There is no project "${c.project}" on ${c.url}: create it with "marginalia team init".` };
  return r.value;
}

export const isFailure = (v: unknown): v is Failure =>
  typeof v === 'object' && v !== null && ('usage' in v || 'fail' in v);
