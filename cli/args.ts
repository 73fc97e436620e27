/**
 * The command line, declared: each command lists its options once (name, whether it takes a value,
 * whether it may repeat) and `parseArgs` refuses anything else. An unknown or misspelt option is an
 * error, never a silently ignored switch (issue 14): `--formt json` would otherwise validate as text.
 */

export interface OptionSpec {
  /** Without the leading dashes: `to` for `--to`. */
  readonly name: string;
  /** Shown in messages for a valued option (`--to FORMAT`); absent for a switch. */
  readonly value?: string;
  /** May be given more than once; every value is kept (`all()`). Otherwise a second one is an error. */
  readonly repeatable?: boolean;
}

/** Parsed command line: positional arguments and the options given, in order. */
export interface Args {
  readonly positional: string[];
  readonly flags: ReadonlyMap<string, readonly string[] | true>;
}

/** Shorthand for a switch and a valued option, so command tables read as a list. */
export const sw = (name: string): OptionSpec => ({ name });
export const opt = (name: string, value = 'VALUE', repeatable = false): OptionSpec => ({
  name,
  value,
  ...(repeatable ? { repeatable } : {}),
});

/** The closest known name within two edits, for "did you mean". */
function suggest(name: string, known: readonly string[]): string | undefined {
  let best: { name: string; d: number } | undefined;
  for (const k of known) {
    const d = editDistance(name, k);
    if (d <= 2 && (!best || d < best.d)) best = { name: k, d };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost));
    }
    prev = row;
  }
  return prev[b.length] as number;
}

function unknown(arg: string, specs: readonly OptionSpec[]): string {
  const name = arg.replace(/^-+/, '').split('=')[0] ?? '';
  // A one- or two-letter guess is as likely wrong as right (`-o` is not `--to`).
  const near =
    name.length < 3
      ? undefined
      : suggest(
          name,
          specs.map((s) => s.name),
        );
  return `Unknown option ${arg.split('=')[0]}${near ? ` (did you mean --${near}?)` : ''}.`;
}

/**
 * Splits argv into positionals and the declared options (`--to spacy`, `--to=spacy`, `--switch`).
 * `--` ends option parsing; a lone `-` is a positional. Returns a one-sentence message on misuse.
 */
export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[]): Args | string {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const positional: string[] = [];
  const flags = new Map<string, string[] | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (a === '-' || !a.startsWith('-')) {
      positional.push(a);
      continue;
    }
    // Single-dash words are not options we have; refusing them keeps `-o out` from becoming a file name.
    if (!a.startsWith('--')) return unknown(a, specs);
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    const spec = byName.get(name);
    if (!spec) return unknown(a, specs);
    if (spec.value === undefined) {
      if (eq > 0) return `--${name} does not take a value.`;
      flags.set(name, true);
      continue;
    }
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined) return `--${name} needs a value (${spec.value}).`;
    const seen = flags.get(name);
    if (Array.isArray(seen)) {
      if (!spec.repeatable) return `--${name} is given more than once.`;
      seen.push(value);
    } else flags.set(name, [value]);
  }
  return { positional, flags };
}

/** The value of a valued option (the last one, for a repeatable option), or undefined. */
export function flag(args: Args, name: string): string | undefined {
  const v = args.flags.get(name);
  return Array.isArray(v) ? v[v.length - 1] : undefined;
}

/** Every value of a repeatable option, in order. */
export function all(args: Args, name: string): readonly string[] {
  const v = args.flags.get(name);
  return Array.isArray(v) ? v : [];
}
