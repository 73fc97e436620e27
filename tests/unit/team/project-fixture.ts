import { emptySpanSet, type SpanSetDoc } from '../../../renderer/src/core/sync/span-set';
import { documentIdForText } from '../../../renderer/src/core/text/text-hash';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll } from 'vitest';

import { ADMIN, cli, type RunningServer, startServer } from './server-process';

export const PROJECT = 'demo';
export const TEXTS = [
  'The minister said 42 per cent.',
  'Prices will rise, analysts say.',
  'Nobody knows 😀 yet.',
];
export const IDS = TEXTS.map(documentIdForText);
export const users = { alice: 'alice:apw', bob: 'bob:bpw', lena: 'lena:lpw' } as const;

export const conn = (url: string, project = PROJECT): string[] => [
  '--server',
  url,
  '--admin',
  ADMIN,
  '--project',
  project,
];

/** Runs a team subcommand and fails loudly with its output when it does not exit 0. */
export async function team(url: string, sub: string, ...args: string[]) {
  const r = await cli(['team', sub, ...conn(url), ...args]);
  if (r.status !== 0) throw new Error(`team ${sub} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return r;
}

/** A project with two annotators and a lead, three articles, all assigned to both annotators. */
export async function setUpProject(s: RunningServer, articlesFile: string): Promise<void> {
  await team(s.url, 'init');
  await team(s.url, 'add-user', '--user', 'alice', '--password', 'apw', '--role', 'annotator');
  await team(s.url, 'add-user', '--user', 'bob', '--password', 'bpw', '--role', 'annotator');
  await team(s.url, 'add-user', '--user', 'lena', '--password', 'lpw', '--role', 'lead');
  await team(s.url, 'add-articles', articlesFile);
  await team(s.url, 'assign', '--user', 'alice', '--all');
  await team(s.url, 'assign', '--user', 'bob', '--all');
}

export const userDbPath = (user: string): string => `marginalia_${PROJECT}_user_${user}`;

/** A span set as a client would write it. */
export function spanSet(docId: string, annotator: string, spans: SpanSetDoc['spans'] = {}): SpanSetDoc {
  return { ...emptySpanSet(docId, annotator, { updated_at: 1000, by: `${annotator}-laptop` }), spans };
}

export const articlesJsonl = (): string =>
  TEXTS.map((text, i) => JSON.stringify({ id: `a${i}`, title: `Article ${i}`, text })).join('\n') + '\n';

/** A fresh in-memory server holding the project of setUpProject. */
export async function startProjectServer(): Promise<RunningServer> {
  const s = await startServer();
  const file = join(mkdtempSync(join(tmpdir(), 'team-project-')), 'articles.jsonl');
  writeFileSync(file, articlesJsonl());
  await setUpProject(s, file);
  return s;
}

/** Polls `cond` every 50 ms; throws naming `what` after `ms`. */
export async function until(
  what: string,
  cond: () => Promise<boolean> | boolean,
  ms = 15_000,
): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for: ${what}`);
}

/** The project's server for one test file: started before its tests, stopped after. */
export function projectServer(): () => RunningServer {
  let s: RunningServer | undefined;
  beforeAll(async () => {
    s = await startProjectServer();
  }, 120_000);
  afterAll(async () => {
    await s?.stop();
  }, 60_000);
  return () => {
    if (!s) throw new Error('the project server did not start');
    return s;
  };
}
