/**
 * The sync bench's server and project: `marginalia server --in-memory` on a free port, set up with
 * the CLI's own `team` commands (init, users, add-articles, assign), as a lead would do it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { article } from './corpus';

const ADMIN = 'admin:bench-pw';
export const PROJECT = 'bench';
export const USERS = { alice: 'alice-pw', bob: 'bob-pw', lena: 'lena-pw' } as const;

export interface BenchServer {
  readonly url: string;
  stop(): Promise<void>;
}

const bin = (root: string): string => join(root, 'bin', 'marginalia.mjs');

/** Starts the embedded server allowing `origin`; resolves once it prints "Listening on …". */
export function startServer(root: string, origin: string): Promise<BenchServer> {
  const args = ['server', '--admin', ADMIN, '--port', '0', '--cors-origins', origin, '--in-memory'];
  const child: ChildProcess = spawn(process.execPath, [bin(root), ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${out}`)), 120_000);
    const onData = (b: Buffer): void => {
      out += b.toString();
      const m = /Listening on (http:\/\/\S+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      resolve({
        url: m[1] as string,
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then(() => reject(new Error(`the server exited:\n${out}`)));
  });
}

function team(root: string, url: string, sub: string, ...args: string[]): string {
  const r = spawnSync(
    process.execPath,
    [bin(root), 'team', sub, '--server', url, '--admin', ADMIN, '--project', PROJECT, ...args],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (r.status !== 0) throw new Error(`team ${sub} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

export const articleId = (text: string): string =>
  `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;

export interface BenchProject {
  readonly documents: number;
  /** The article both alice and bob label (bob's one span is written by raw HTTP). */
  readonly shared: { readonly id: string; readonly title: string };
  readonly setupMs: number;
}

/**
 * `documents` news-like articles of 2,000–4,000 code points, all assigned to alice; bob gets the
 * first one with one span, so the lead's Agreement view has two annotators to compare.
 */
export async function setUpProject(root: string, url: string, documents: number): Promise<BenchProject> {
  const t0 = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-syncbench-'));
  const file = join(dir, 'articles.jsonl');
  const lines: string[] = [];
  const titles: string[] = [];
  for (let i = 0; i < documents; i++) {
    const title = `Team article ${String(i).padStart(5, '0')}`;
    titles.push(title);
    lines.push(JSON.stringify({ title, text: article(2_000 + (i % 5) * 500, 90_000 + i) }));
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  try {
    team(root, url, 'init');
    team(root, url, 'add-user', '--user', 'alice', '--password', USERS.alice, '--role', 'annotator');
    team(root, url, 'add-user', '--user', 'bob', '--password', USERS.bob, '--role', 'annotator');
    team(root, url, 'add-user', '--user', 'lena', '--password', USERS.lena, '--role', 'lead');
    team(root, url, 'add-articles', file);
    team(root, url, 'assign', '--user', 'alice', '--all');
    const id = articleId(article(2_000, 90_000));
    team(root, url, 'assign', '--user', 'bob', '--docs', id);
    await putBobSpan(url, id);
    return { documents, shared: { id, title: titles[0] as string }, setupMs: performance.now() - t0 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** bob's span set on the shared article, written by raw HTTP with bob's credentials. */
async function putBobSpan(url: string, docId: string): Promise<void> {
  const at = Date.now();
  const stamp = { updated_at: at, by: 'bench-bob' };
  const doc = {
    _id: `spans:${docId}`,
    type: 'span_set',
    schema: 1,
    doc_id: docId,
    annotator: 'bob',
    status: { value: 'in_progress', ...stamp },
    spans: { 'bob-1': { start: 0, end: 5, label: 'claim', note: '', ...stamp } },
    links: {},
  };
  const res = await fetch(`${url}/marginalia_${PROJECT}_user_bob/${encodeURIComponent(doc._id)}`, {
    method: 'PUT',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Basic ${Buffer.from(`bob:${USERS.bob}`).toString('base64')}`,
    },
    body: JSON.stringify(doc),
  });
  if (!res.ok) throw new Error(`bob's span set was refused: ${res.status} ${await res.text()}`);
}

/** Live spans of `user` on the server, summed over their span sets (read as the admin). */
export async function spansOnServer(url: string, user: string): Promise<number> {
  const res = await fetch(`${url}/marginalia_${PROJECT}_user_${user}/_all_docs?include_docs=true`, {
    headers: { Authorization: `Basic ${Buffer.from(ADMIN).toString('base64')}` },
  });
  const body = (await res.json()) as { rows: { doc?: { spans?: Record<string, { deleted?: true }> } }[] };
  let n = 0;
  for (const r of body.rows) n += Object.values(r.doc?.spans ?? {}).filter((s) => s.deleted !== true).length;
  return n;
}
