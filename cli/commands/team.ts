import { parseImportFiles } from '../../renderer/src/core/formats/import';
import { USER_NAME, type TeamRole } from '../../renderer/src/core/sync/project-layout';
import { flag, opt, sw, type Args, type OptionSpec } from '../args';
import type { CommandIo } from '../io';
import { writeOutputs } from '../output-files';
import { IMPORT_OPTIONS, importOptions } from '../options';
import { readImportFiles } from '../read-files';
import { uploadArticles } from '../team/add-articles';
import { addUser, listMembers } from '../team/add-user';
import { assign, type Selection } from '../team/assign';
import {
  connect,
  isFailure,
  parseTeamArgs,
  requireProject,
  type Connection,
  type Failure,
} from '../team/connect';
import { exportProject } from '../team/export';
import { initProject } from '../team/init';
import { releaseGold } from '../team/release-gold';
import { projectStatus, statusTable } from '../team/status';
import { textReport } from './validate';

const CONN = '--server URL --admin NAME:PASSWORD --project NAME';

export const TEAM_USAGE = `marginalia team <subcommand> ${CONN} [options]

  init                                   create the project (idempotent)
  add-user --user NAME --password PASSWORD --role annotator|lead
  add-articles FILE…                     validated, all-or-nothing import of articles (same formats
                                         and report as the app; the import options of validate)
  assign --user NAME (--all | --count N | --docs ID,…)
                                         --count gives the N articles with the fewest annotators
  status [--format text|json]            per user: assigned, in progress, done, spans, last sync
  export [--out FILE]                    every user's and gold's spans as native JSONL
  release-gold [--withdraw]              let annotators read (never write) gold, or stop it

The project lives on a CouchDB server (Apache CouchDB 3.x, or "marginalia server"); see
docs/team.md. --admin is the server admin. Exit status 0 on success, 2 when the server cannot be
reached, refuses the credentials, has no such project or refuses a change, 64 on misuse.`;

type Sub = (args: Args, c: Connection, io: CommandIo, now: string) => Promise<number>;

function fail(io: CommandIo, message: string): number {
  io.err(message);
  return 2;
}

const failed = (io: CommandIo, f: Failure): number =>
  'usage' in f ? io.usageError(f.usage, TEAM_USAGE) : fail(io, f.fail);

const init: Sub = async (_args, c, io, now) => {
  const r = await initProject(c, now);
  if ('fail' in r) return fail(io, r.fail);
  io.out(
    r.created
      ? `Created project "${c.project}" on ${c.url}.`
      : `Project "${c.project}" on ${c.url} is ready (it existed; its databases, security and validation are up to date).`,
  );
  return 0;
};

const addUserCmd: Sub = async (args, c, io, now) => {
  const user = flag(args, 'user');
  const password = flag(args, 'password');
  const role = flag(args, 'role');
  if (!user || !USER_NAME.test(user))
    return io.usageError(
      '--user NAME: 1 to 40 lowercase letters, digits, "_" or "-", starting with a letter.',
      TEAM_USAGE,
    );
  if (!password) return io.usageError('--password PASSWORD is required.', TEAM_USAGE);
  if (role !== 'annotator' && role !== 'lead')
    return io.usageError('--role must be "annotator" or "lead".', TEAM_USAGE);
  const project = await requireProject(c);
  if (isFailure(project)) return failed(io, project);
  const r = await addUser(c, user, password, role as TeamRole, now);
  if ('fail' in r) return fail(io, r.fail);
  io.out(`${r.created ? 'Added' : 'Updated'} ${role} "${user}" in project "${c.project}".`);
  return 0;
};

const addArticles: Sub = async (args, c, io, now) => {
  if (args.positional.length === 0) return io.usageError('Name at least one file of articles.', TEAM_USAGE);
  const options = importOptions(args);
  if (typeof options === 'string') return io.usageError(options, TEAM_USAGE);
  const project = await requireProject(c);
  if (isFailure(project)) return failed(io, project);
  const { files, problems } = readImportFiles(args.positional);
  for (const p of problems) io.out(`ERROR ${p.path}: ${p.message}`);
  const results = parseImportFiles(files, options);
  for (const r of results) io.out(...textReport(r));
  if (problems.length > 0 || results.some((r) => !r.ok))
    return fail(io, 'Nothing was added: fix the files above and run the command again.');
  const r = await uploadArticles(
    c,
    results.flatMap((x) => x.documents),
    now,
  );
  if ('fail' in r) return fail(io, r.fail);
  const spans = results.reduce((n, x) => n + x.annotations.reduce((m, a) => m + a.spans.length, 0), 0);
  io.out(`Added ${r.added} article(s) to project "${c.project}" (${r.present} already there).`);
  if (spans > 0)
    io.out(
      `The ${spans} span(s) in these files were not added: a team project takes articles; its users label them.`,
    );
  return 0;
};

function selectionOf(args: Args): Selection | string {
  const count = flag(args, 'count');
  const docs = flag(args, 'docs');
  const all = args.flags.has('all');
  if ([all, count !== undefined, docs !== undefined].filter(Boolean).length !== 1)
    return 'Give exactly one of --all, --count N or --docs ID,….';
  if (all) return { all: true };
  if (count !== undefined) {
    if (!/^\d+$/.test(count) || Number(count) < 1) return '--count must be a whole number of at least 1.';
    return { count: Number(count) };
  }
  const ids = (docs ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return ids.length > 0 ? { docs: ids } : '--docs names no article id.';
}

const assignCmd: Sub = async (args, c, io, now) => {
  const user = flag(args, 'user');
  if (!user) return io.usageError('--user NAME is required.', TEAM_USAGE);
  const selection = selectionOf(args);
  if (typeof selection === 'string') return io.usageError(selection, TEAM_USAGE);
  const project = await requireProject(c);
  if (isFailure(project)) return failed(io, project);
  const members = await listMembers(c);
  if ('fail' in members) return fail(io, members.fail);
  if (!members.some((m) => m.name === user))
    return fail(
      io,
      `"${user}" is not a user of project "${c.project}": add them with "marginalia team add-user".`,
    );
  const r = await assign(c, user, selection, members, now);
  if ('fail' in r) return fail(io, r.fail);
  io.out(
    `Assigned ${r.added} article(s) to "${user}"${r.already > 0 ? ` (${r.already} were already theirs)` : ''}.`,
  );
  return 0;
};

const status: Sub = async (args, c, io) => {
  const format = flag(args, 'format') ?? 'text';
  if (format !== 'text' && format !== 'json')
    return io.usageError('--format must be "text" or "json".', TEAM_USAGE);
  const project = await requireProject(c);
  if (isFailure(project)) return failed(io, project);
  const members = await listMembers(c);
  if ('fail' in members) return fail(io, members.fail);
  const s = await projectStatus(c, members, (l) => io.err(l));
  if ('fail' in s) return fail(io, s.fail);
  io.out(...(format === 'json' ? [JSON.stringify(s)] : statusTable(s)));
  return 0;
};

const exportCmd: Sub = async (args, c, io) => {
  const out = flag(args, 'out');
  const project = await requireProject(c);
  if (isFailure(project)) return failed(io, project);
  const members = await listMembers(c);
  if ('fail' in members) return fail(io, members.fail);
  const r = await exportProject(c, members, (l) => io.err(l));
  if ('fail' in r) return fail(io, r.fail);
  if (!out) {
    io.write(r.text);
    return 0;
  }
  await writeOutputs([{ path: out, chunks: [r.text] }]);
  io.out(
    `Wrote ${r.records} record(s) (${r.documents} document(s), ${r.annotators} annotator(s) including gold) to ${out}.`,
  );
  return 0;
};

const release: Sub = async (args, c, io) => {
  const project = await requireProject(c);
  if (isFailure(project)) return failed(io, project);
  const withdraw = args.flags.has('withdraw');
  const r = await releaseGold(c, project, !withdraw);
  if (r) return fail(io, r.fail);
  io.out(
    withdraw
      ? `Gold of "${c.project}" is for leads only again.`
      : `Annotators of "${c.project}" may now read gold (not write it).`,
  );
  return 0;
};

const SUBCOMMANDS: Readonly<Record<string, { options: readonly OptionSpec[]; run: Sub }>> = {
  init: { options: [], run: init },
  'add-user': {
    options: [opt('user', 'NAME'), opt('password', 'PASSWORD'), opt('role', 'annotator|lead')],
    run: addUserCmd,
  },
  'add-articles': { options: IMPORT_OPTIONS, run: addArticles },
  assign: {
    options: [opt('user', 'NAME'), sw('all'), opt('count', 'N'), opt('docs', 'ID,…')],
    run: assignCmd,
  },
  status: { options: [opt('format', 'text|json')], run: status },
  export: { options: [opt('out', 'FILE')], run: exportCmd },
  'release-gold': { options: [sw('withdraw')], run: release },
};

export async function runTeam(argv: readonly string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  const sub = name !== undefined && Object.hasOwn(SUBCOMMANDS, name) ? SUBCOMMANDS[name] : undefined;
  if (!sub)
    return io.usageError(name ? `Unknown team subcommand "${name}".` : 'Name a team subcommand.', TEAM_USAGE);
  const args = parseTeamArgs(rest, sub.options);
  if (isFailure(args)) return failed(io, args);
  if (name !== 'add-articles' && args.positional.length > 0)
    return io.usageError(`Unexpected argument "${args.positional[0]}".`, TEAM_USAGE);
  const c = await connect(args);
  if (isFailure(c)) return failed(io, c);
  return sub.run(args, c, io, new Date().toISOString());
}
