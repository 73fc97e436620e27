import {
  annotatorProgress,
  summarizeSet,
  type AnnotatorProgress,
} from '../../renderer/src/core/sync/progress';
import type { SpanSetDoc } from '../../renderer/src/core/sync/span-set';
import { validateSpanSet } from '../../renderer/src/core/sync/validate';
import { goldDb, userDb, type DeviceDoc, type MemberDoc } from '../../renderer/src/core/sync/project-layout';
import { sentence, type Connection } from './connect';
import { articleIds, assignedTo } from './assign';

/** Per user; `last_sync` is the newest sync any of their devices reported (ISO 8601), null if none. */
export type UserStatus = AnnotatorProgress;

export interface ProjectStatus {
  readonly project: string;
  readonly server: string;
  readonly articles: number;
  readonly users: readonly UserStatus[];
  readonly gold: { readonly documents: number; readonly spans: number };
}

/** Valid span sets of a database; invalid ones are reported through `warn` and skipped. */
export async function spanSets(
  c: Connection,
  db: string,
  warn: (line: string) => void,
): Promise<SpanSetDoc[] | { fail: string }> {
  const r = await c.client.allWithPrefix<unknown>(db, 'spans:');
  if (!r.ok) return { fail: sentence(r.error, c.url, `read ${db}`) };
  const out: SpanSetDoc[] = [];
  for (const d of r.value) {
    const v = validateSpanSet(d);
    if (v.ok) out.push(v.value);
    else warn(`Skipped ${String((d as { _id?: unknown })._id)} in ${db}: ${v.error.join(' ')}`);
  }
  return out;
}

/** `team status`: per member, what is assigned, started, done, labelled and when they last synced. */
export async function projectStatus(
  c: Connection,
  members: readonly MemberDoc[],
  warn: (line: string) => void,
): Promise<ProjectStatus | { fail: string }> {
  const articles = await articleIds(c);
  if ('fail' in articles) return articles;
  const users: UserStatus[] = [];
  for (const m of members) {
    const assigned = await assignedTo(c, m.name);
    if ('fail' in assigned) return assigned;
    const sets = await spanSets(c, userDb(c.project, m.name), warn);
    if ('fail' in sets) return sets;
    const devices = await c.client.allWithPrefix<DeviceDoc>(userDb(c.project, m.name), 'device:');
    if (!devices.ok) return { fail: sentence(devices.error, c.url, `read the devices of ${m.name}`) };
    const syncs = devices.value
      .map((d) => d.last_sync_at)
      .filter((t) => typeof t === 'string')
      .sort();
    // The same rule as the lead's dashboard in the app (core/sync/progress.ts).
    users.push(
      annotatorProgress({
        name: m.name,
        role: m.role,
        assigned: new Set(assigned),
        sets: new Map(sets.map((s) => [s.doc_id, summarizeSet(s)])),
        lastSync: syncs[syncs.length - 1] ?? null,
      }),
    );
  }
  const gold = await spanSets(c, goldDb(c.project), warn);
  if ('fail' in gold) return gold;
  return {
    project: c.project,
    server: c.url,
    articles: articles.length,
    users,
    gold: { documents: gold.length, spans: gold.reduce((n, s) => n + summarizeSet(s).spans, 0) },
  };
}

/** The human-readable table of `team status`, one line per entry. */
export function statusTable(s: ProjectStatus): string[] {
  const head = ['user', 'role', 'assigned', 'in progress', 'done', 'spans', 'last sync'];
  const rows = s.users.map((u) => [
    u.name,
    u.role,
    String(u.assigned),
    String(u.in_progress),
    String(u.done),
    String(u.spans),
    u.last_sync ?? 'never',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((v, i) => v.padEnd(widths[i] as number))
      .join('  ')
      .trimEnd();
  return [
    `Project "${s.project}" on ${s.server}: ${s.articles} article(s), ${s.users.length} user(s).`,
    line(head),
    ...rows.map(line),
    `Gold: ${s.gold.documents} document(s), ${s.gold.spans} span(s).`,
  ];
}
