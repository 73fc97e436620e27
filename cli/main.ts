import { AGREEMENT_USAGE, runAgreement } from './commands/agreement';
import { CONVERT_USAGE, runConvert } from './commands/convert';
import { runValidate, VALIDATE_USAGE } from './commands/validate';

/** What a command may do besides computing: print lines, write raw output, report misuse. */
export interface CommandIo {
  out(line: string): void;
  err(line: string): void;
  /** Raw standard output (no newline added), for exported data. */
  write(text: string): void;
  /** Prints the problem and the usage, returns the exit status for misuse (64). */
  usageError(problem: string, usage: string): number;
}

export interface Command {
  readonly summary: string;
  readonly usage: string;
  run(argv: readonly string[], io: CommandIo): Promise<number>;
}

/**
 * The subcommands. To add one (e.g. `agreement`), write `cli/commands/<name>.ts` exporting a
 * `run<Name>(argv, io)` and its usage text, and add a row here — nothing else needs to change.
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
};

function help(): string {
  const rows = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(12)}${c.summary}`);
  return [
    'Usage: marginalia <command> [options]',
    '',
    'Commands:',
    ...rows,
    '',
    'Run "marginalia <command> --help" for details.',
  ].join('\n');
}

const nodeIo: CommandIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  write: (text) => process.stdout.write(text),
  usageError(problem, usage) {
    process.stderr.write(`${problem}\n\n${usage}\n`);
    return 64;
  },
};

/** Runs the CLI; resolves to the process exit status. */
export async function main(argv: readonly string[], io: CommandIo = nodeIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return name === undefined ? 64 : 0;
  }
  const command = COMMANDS[name];
  if (!command) return io.usageError(`Unknown command "${name}".`, help());
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
    return 0;
  }
  return command.run(rest, io);
}
