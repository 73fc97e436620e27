import { terminalSafe } from './terminal-text';

/** What a command may do besides computing: print lines, write raw output, report misuse. */
export interface CommandIo {
  /**
   * Prints lines on standard output. Each argument is one line: any control character in it, a
   * newline included, is printed escaped (terminal-text.ts), so data can never start a line of its own.
   */
  out(...lines: string[]): void;
  /** The same, on standard error. */
  err(...lines: string[]): void;
  /**
   * Exported data on standard output, as is when it goes to a pipe or file (it is the dataset); escaped
   * like a line when standard output is a terminal, where a person reads it.
   */
  write(text: string): void;
  /** Prints the problem and the usage, returns the exit status for misuse (64). */
  usageError(problem: string, usage: string): number;
}

export const EXIT_USAGE = 64;

/** The part of a Node stream the CLI writes through. */
export interface TextSink {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

const lines = (items: readonly string[]): string => items.map((l) => `${terminalSafe(l)}\n`).join('');

/**
 * The one place the CLI's output goes through. Usage texts are the program's own and keep their line
 * breaks; the problem printed with them is escaped like any line.
 */
export function createIo(stdout: TextSink, stderr: TextSink): CommandIo {
  return {
    out: (...items) => void stdout.write(lines(items)),
    err: (...items) => void stderr.write(lines(items)),
    // Exports break lines only between records (JSON escapes a newline inside one), so on a terminal
    // their newlines stay and everything else is escaped.
    write: (text) => void stdout.write(stdout.isTTY ? text.split('\n').map(terminalSafe).join('\n') : text),
    usageError(problem, usage) {
      stderr.write(`${lines([problem])}\n${lines(usage.split('\n'))}`);
      return EXIT_USAGE;
    },
  };
}
