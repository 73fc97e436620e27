import { emptySpanSet, type SpanSetDoc } from '../../../renderer/src/core/sync/span-set';
import { documentIdForText } from '../../../renderer/src/core/text/text-hash';
import { ADMIN, marginalia, type RunningServer } from './server-process';

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
export function team(url: string, sub: string, ...args: string[]) {
  const r = marginalia(['team', sub, ...conn(url), ...args]);
  if (r.status !== 0) throw new Error(`team ${sub} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return r;
}

/** A project with two annotators and a lead, three articles, all assigned to both annotators. */
export function setUpProject(s: RunningServer, articlesFile: string): void {
  team(s.url, 'init');
  team(s.url, 'add-user', '--user', 'alice', '--password', 'apw', '--role', 'annotator');
  team(s.url, 'add-user', '--user', 'bob', '--password', 'bpw', '--role', 'annotator');
  team(s.url, 'add-user', '--user', 'lena', '--password', 'lpw', '--role', 'lead');
  team(s.url, 'add-articles', articlesFile);
  team(s.url, 'assign', '--user', 'alice', '--all');
  team(s.url, 'assign', '--user', 'bob', '--all');
}

export const userDbPath = (user: string): string => `marginalia_${PROJECT}_user_${user}`;

/** A span set as a client would write it. */
export function spanSet(docId: string, annotator: string, spans: SpanSetDoc['spans'] = {}): SpanSetDoc {
  return { ...emptySpanSet(docId, annotator, { updated_at: 1000, by: `${annotator}-laptop` }), spans };
}

export const articlesJsonl = (): string =>
  TEXTS.map((text, i) => JSON.stringify({ id: `a${i}`, title: `Article ${i}`, text })).join('\n') + '\n';
