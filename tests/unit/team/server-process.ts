import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(__dirname, '../../..');
export const BIN = join(ROOT, 'bin', 'marginalia.mjs');
export const ADMIN = 'admin:s3cret';

export interface RunningServer {
  readonly url: string;
  readonly child: ChildProcess;
  /** Output so far (stdout and stderr). */
  output(): string;
  /** Sends the signal and resolves to the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `marginalia server` on a free port (--port 0) and waits for its "Listening on" line. */
export function startServer(extra: readonly string[] = ['--in-memory']): Promise<RunningServer> {
  const child = spawn(process.execPath, [BIN, 'server', '--admin', ADMIN, '--port', '0', ...extra], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /Listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1] as string,
          child,
          output: () => out,
          stop: (signal = 'SIGTERM') => {
            child.kill(signal);
            return exited;
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
}

/**
 * Runs the CLI in this process (the same `main` the bin calls), which spares a Node start per
 * command; `marginalia` below runs the real bin.
 */
export async function cli(args: readonly string[]) {
  const { main } = await import('../../../cli/main');
  const { createIo } = await import('../../../cli/io');
  let stdout = '';
  let stderr = '';
  // The CLI's own output path (escaping included), into strings.
  const io = createIo({ write: (t: string) => (stdout += t) }, { write: (t: string) => (stderr += t) });
  const status = await main(args, io);
  return { status, stdout, stderr };
}

/** Runs the CLI to completion. */
export function marginalia(args: readonly string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A raw HTTP request as `user:password` (Basic), JSON in and out. */
export async function http(
  url: string,
  method: string,
  path: string,
  auth: string | null,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: unknown; headers: Headers }> {
  const h: Record<string, string> = { Accept: 'application/json', ...headers };
  if (auth) h['Authorization'] = `Basic ${Buffer.from(auth).toString('base64')}`;
  if (body !== undefined) h['Content-Type'] = 'application/json';
  const res = await fetch(`${url}/${path}`, {
    method,
    headers: h,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: res.status, json, headers: res.headers };
}
