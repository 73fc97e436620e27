import { AGREEMENT_USAGE, runAgreement } from './commands/agreement';
import { CLAIMS_USAGE, runClaims } from './commands/claims';
import { CONVERT_USAGE, runConvert } from './commands/convert';
import { runServer, SERVER_USAGE } from './commands/server';
import { runTeam, TEAM_USAGE } from './commands/team';
import { runValidate, VALIDATE_USAGE } from './commands/validate';
import { type CommandIo, createIo, EXIT_USAGE } from './io';

export type { CommandIo } from './io';

export interface Command {
  readonly summary: string;
  readonly usage: string;
  run(argv: readonly string[], io: CommandIo): Promise<number>;
}

/**
 * The subcommands. To add one, write `cli/commands/<name>.ts` exporting a `run<Name>(argv, io)` that
 * declares its options for `parseArgs` (cli/args.ts), and its usage text, and add a row here.
 */
export const COMMANDS: Readonly<Record<string, Command>> = {
  validate: {
    summary: 'check files as the import would, and report',
    usage: VALIDATE_USAGE,
    run: runValidate,
  },
  convert: {
    summary: 'import a file and export it in another format',
    usage: CONVERT_USAGE,
    run: runConvert,
  },
  agreement: { summary: 'inter-annotator agreement report', usage: AGREEMENT_USAGE, run: runAgreement },
  claims: { summary: 'claim clusters across articles, from links', usage: CLAIMS_USAGE, run: runClaims },
  server: { summary: 'run an embedded CouchDB-protocol server', usage: SERVER_USAGE, run: runServer },
  team: { summary: 'set up and follow a team project on a CouchDB server', usage: TEAM_USAGE, run: runTeam },
};

function help(): string[] {
  const rows = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(12)}${c.summary}`);
  return [
    'Usage: marginalia <command> [options]',
    '',
    'Commands:',
    ...rows,
    '',
    'Run "marginalia <command> --help" for details.',
    'Exit status: 0 success, 2 bad input or a refused export, 64 misuse (e.g. an unknown option), 70 a bug.',
  ];
}

/** Exit status of an unexpected failure (sysexits' EX_SOFTWARE): a bug, never the user's input. */
export const EXIT_BUG = 70;

let nodeIo: CommandIo | undefined;

/** Standard streams; a reader that goes away (`| head`) ends the run quietly, not with a stack trace. */
function processIo(): CommandIo {
  if (!nodeIo) {
    for (const stream of [process.stdout, process.stderr]) {
      stream.on('error', (e: NodeJS.ErrnoException) => {
        if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
        throw e;
      });
    }
    nodeIo = createIo(process.stdout, process.stderr);
  }
  return nodeIo;
}

async function dispatch(argv: readonly string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(...help());
    return name === undefined ? EXIT_USAGE : 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) return io.usageError(`Unknown command "${name}".`, help().join('\n'));
  const beforeDashes = rest.indexOf('--') < 0 ? rest : rest.slice(0, rest.indexOf('--'));
  if (beforeDashes.includes('--help') || beforeDashes.includes('-h')) {
    io.out(...command.usage.split('\n'));
    return 0;
  }
  return command.run(rest, io);
}

/** Runs the CLI; resolves to the process exit status, never rejects. */
export async function main(argv: readonly string[], io: CommandIo = processIo()): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (e) {
    io.err(`marginalia: unexpected error, a bug: ${e instanceof Error ? e.message : String(e)}`);
    return EXIT_BUG;
  }
}
