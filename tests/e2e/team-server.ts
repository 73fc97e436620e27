import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { expect, type Page } from '@playwright/test';

/** A `marginalia server` the spec starts itself, on a free port, allowing this app's origin. */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = join(ROOT, 'bin', 'marginalia.mjs');
export const ADMIN = 'admin:s3cret';
export const PROJECT = 'demo';

export interface TeamServer {
  readonly url: string;
  readonly child: ChildProcess;
  stop(): Promise<number | null>;
}

export function startTeamServer(
  origin: string,
  storage: readonly string[] = ['--in-memory'],
  port = 0,
): Promise<TeamServer> {
  const args = [
    BIN,
    'server',
    '--admin',
    ADMIN,
    '--port',
    String(port),
    '--cors-origins',
    origin,
    ...storage,
  ];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /Listening on (http:\/\/\S+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      resolve({
        url: m[1] as string,
        child,
        stop: () => {
          child.kill('SIGTERM');
          return exited;
        },
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
}

/** `marginalia team SUB …` against the server as its admin; throws with the output unless exit 0. */
export function team(url: string, sub: string, ...args: string[]): string {
  const r = spawnSync(
    process.execPath,
    [BIN, 'team', sub, '--server', url, '--admin', ADMIN, '--project', PROJECT, ...args],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`team ${sub} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

export const ARTICLES = [
  { title: 'Minister on prices', text: 'The minister said prices rose 42 per cent last year.' },
  { title: 'Analysts on rates', text: 'Rates will fall next spring, analysts say.' },
  { title: 'Harbour figures', text: 'The harbour handled 3.5 million containers 😀 in May.' },
];

/** A project with two annotators (alice, bob) and a lead (lena); `assign` says who gets which titles. */
export function setUpProject(url: string, assign: Record<string, readonly number[]>): void {
  const dir = mkdtempSync(join(tmpdir(), 'team-e2e-'));
  const file = join(dir, 'articles.jsonl');
  writeFileSync(file, ARTICLES.map((a, i) => JSON.stringify({ id: `a${i}`, ...a })).join('\n') + '\n');
  team(url, 'init');
  team(url, 'add-user', '--user', 'alice', '--password', 'alice-pw', '--role', 'annotator');
  team(url, 'add-user', '--user', 'bob', '--password', 'bob-pw', '--role', 'annotator');
  team(url, 'add-user', '--user', 'lena', '--password', 'lena-pw', '--role', 'lead');
  team(url, 'add-articles', file);
  for (const [user, which] of Object.entries(assign)) {
    const docs = which.map((i) => articleId((ARTICLES[i] as { text: string }).text));
    team(url, 'assign', '--user', user, '--docs', docs.join(','));
  }
}

/** `sha256:<hex>` of the UTF-8 text, as the app and the CLI compute an article id. */
export function articleId(text: string): string {
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}

/** A raw HTTP request to the server as `user:password` (Basic), JSON in and out. */
export async function raw(url: string, path: string, auth: string, method = 'GET', body?: unknown) {
  const res = await fetch(`${url}/${path}`, {
    method,
    headers: {
      Accept: 'application/json',
      Authorization: `Basic ${Buffer.from(auth).toString('base64')}`,
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : null) as Record<string, unknown> | null };
}

/** Settings → Team: fills the form, connects, closes Settings and waits for "Synced". */
export async function connectTeam(page: Page, url: string, user: string, password: string): Promise<void> {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const team = page.getByRole('region', { name: 'Team' });
  await team.getByRole('textbox', { name: 'Server URL' }).fill(url);
  await team.getByRole('textbox', { name: 'Project' }).fill(PROJECT);
  await team.getByRole('textbox', { name: 'User name' }).fill(user);
  await team.getByLabel('Password').fill(password);
  await team.getByRole('button', { name: 'Connect' }).click();
  await expect(team.getByRole('button', { name: 'Disconnect' })).toBeVisible();
  // The dialog's message line appears above Close when the first pull reports, which can move the button
  // between Playwright's hit test and its click: retry until the dialog is really gone.
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(async () => {
    if (await settings.isVisible()) await settings.getByRole('button', { name: 'Close' }).click();
    await expect(settings).toBeHidden({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByTestId('sync-state')).toHaveText('Synced', { timeout: 30_000 });
}

/** alice's spans on the server for one article, by raw HTTP, as "start-end label" (tombstones left out). */
export async function spansOnServer(url: string, text: string): Promise<string[]> {
  const id = articleId(text);
  const r = await raw(
    url,
    `marginalia_demo_user_alice/${encodeURIComponent(`spans:${id}`)}`,
    'alice:alice-pw',
  );
  const spans = Object.values(
    (r.json?.['spans'] ?? {}) as Record<
      string,
      { start: number; end: number; label: string; deleted?: true }
    >,
  );
  return spans
    .filter((s) => !s.deleted)
    .map((s) => `${s.start}-${s.end} ${s.label}`)
    .sort();
}
