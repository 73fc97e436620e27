/** Parsed command line: positional arguments and `--flag value` / `--switch` options. */
export interface Args {
  readonly positional: string[];
  readonly flags: Map<string, string | true>;
}

/**
 * Splits argv into positionals and flags. `valued` lists the flags that take a value
 * (`--to spacy` or `--to=spacy`); any other `--name` is a switch. `--` ends flag parsing.
 */
export function parseArgs(argv: readonly string[], valued: ReadonlySet<string>): Args | string {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (valued.has(name)) {
      const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (value === undefined) return `--${name} needs a value.`;
      flags.set(name, value);
    } else if (eq > 0) {
      return `--${name} does not take a value.`;
    } else {
      flags.set(name, true);
    }
  }
  return { positional, flags };
}

export function flag(args: Args, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}
