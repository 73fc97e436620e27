import type { Label } from '../../core/model/labels';
import type { DocStatus } from '../../core/model/status';
import type { MarginaliaDb } from '../../db/database';
import type { DocumentRow } from '../../db/rows';
import type { LibraryChange } from '../../db/library-changes';
import { readLibraryStart } from '../../db/corpus/library-first';
import { readLibraryList, readLibraryTables, type LibraryTables } from '../../db/corpus/library-read';
import { readEntryParts } from '../../db/repositories/library-page';
import { syncedIds } from '../../db/repositories/sync';
import { teamStatuses, teamStatusesOf, type TeamStatus } from '../../db/repositories/team-statuses';

export interface LibraryEntry {
  id: string;
  title: string;
  length: number;
  counts: Record<Label, number>;
  status: DocStatus;
  /** A lead's view: each assigned annotator's status on it. */
  team?: readonly TeamStatus[];
}

/** Which team's documents the library shows (null: no team, every document). */
export interface LibraryScope {
  /** The server's articles database: the library shows the documents recorded under it. */
  readonly articlesDb: string;
  /** Set for a lead: the project whose annotators' statuses each entry shows. */
  readonly leadOf: string | null;
}

const NO_COUNTS: Record<Label, number> = { claim: 0, quote: 0, figure: 0, speculation: 0 };

/** The whole library: every document's entry, in library order. */
export async function readLibrary(
  db: MarginaliaDb,
  annotator: string,
  scope: LibraryScope | null,
): Promise<LibraryEntry[]> {
  const [team, others] = await Promise.all(scoped(db, scope));
  const listed = await readLibraryList(db, annotator, (d) =>
    team && !team.has(d.id)
      ? null
      : {
          id: d.id,
          title: d.title,
          length: d.length,
          counts: d.counts ?? NO_COUNTS,
          status: d.status ?? 'todo',
          ...(others ? { team: others.get(d.id) ?? [] } : {}),
        },
  );
  return listed ?? toEntries(await readLibraryTables(db, annotator), team, others);
}

/**
 * The library's first entries (at least `limit` when it has them), exactly as the whole read's
 * first ones, and whether they are the whole library; null when only the whole read can tell.
 */
export async function readLibraryStartEntries(
  db: MarginaliaDb,
  annotator: string,
  scope: LibraryScope | null,
  limit: number,
): Promise<{ entries: LibraryEntry[]; complete: boolean } | null> {
  const [start, team, others] = await Promise.all([
    readLibraryStart(db, annotator, limit),
    ...scoped(db, scope),
  ] as const);
  return start && { entries: await toEntries(start, team, others), complete: start.complete };
}

/** A team's documents and, for a lead, each one's statuses by annotator (null without a scope). */
function scoped(db: MarginaliaDb, scope: LibraryScope | null) {
  return [
    scope ? syncedIds(db, scope.articlesDb) : null,
    scope?.leadOf ? teamStatuses(db, scope.leadOf) : null,
  ] as const;
}

/** Entries made per task while turning a whole read into entries: ~10-20 ms under load. */
const ENTRIES_PER_TASK = 25_000;

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The entries of the documents read, in slices of ENTRIES_PER_TASK between which the page runs
 * (at 1,000,000 documents one pass was one task of several hundred ms).
 */
async function toEntries(
  { rows: all, counts, statuses }: LibraryTables,
  team: ReadonlySet<string> | null,
  others: ReadonlyMap<string, TeamStatus[]> | null,
): Promise<LibraryEntry[]> {
  const docs = team ? all.filter((d) => team.has(d.id)) : all;
  const out = new Array<LibraryEntry>(docs.length);
  for (let from = 0; from < docs.length; from += ENTRIES_PER_TASK) {
    if (from > 0) await nextTask();
    const to = Math.min(docs.length, from + ENTRIES_PER_TASK);
    for (let i = from; i < to; i++) {
      const d = docs[i] as DocumentRow;
      out[i] = {
        id: d.id,
        title: d.title,
        length: d.length,
        counts: counts.get(d.id) ?? NO_COUNTS,
        status: statuses.get(d.id) ?? 'todo',
        ...(others ? { team: others.get(d.id) ?? [] } : {}),
      };
    }
  }
  return out;
}

/**
 * The library with the changed documents' entries read again, each by key (a label: the
 * annotator's pack of that document and its status; a span set pulled by a lead: that document's
 * assignments and statuses; never every row of a table), or null when only a whole read can answer:
 * a change not known by key, or a document new to the library or without a `documents` row.
 */
export async function patchLibrary(
  db: MarginaliaDb,
  annotator: string,
  scope: LibraryScope | null,
  entries: readonly LibraryEntry[],
  change: LibraryChange,
): Promise<LibraryEntry[] | null> {
  if (change.all) return null;
  const lead = scope?.leadOf ?? null;
  const team = lead ? change.team : new Set<string>();
  const wanted = new Set([...change.documents, ...change.counts, ...change.statuses, ...team]);
  const at = new Map<string, number>();
  for (let i = 0; i < entries.length && at.size < wanted.size; i++) {
    const id = (entries[i] as LibraryEntry).id;
    if (wanted.has(id)) at.set(id, i);
  }
  // A document row the library does not show is new (an import, a pull), unless a team hides it.
  if (!scope && [...change.documents].some((id) => !at.has(id))) return null;
  const shown = (ids: Set<string>): string[] => [...ids].filter((id) => at.has(id));
  const [parts, others] = await Promise.all([
    readEntryParts(db, annotator, {
      documents: shown(change.documents),
      counts: shown(change.counts),
      statuses: shown(change.statuses),
    }),
    lead ? teamStatusesOf(db, lead, shown(team)) : new Map<string, TeamStatus[]>(),
  ]);
  const next = [...entries];
  const set = (id: string, part: Partial<LibraryEntry>): void => {
    const i = at.get(id) as number;
    next[i] = { ...(next[i] as LibraryEntry), ...part };
  };
  for (const [id, row] of parts.rows) {
    if (!row) return null;
    set(id, row);
  }
  for (const [id, counts] of parts.counts) set(id, { counts });
  for (const [id, status] of parts.statuses) set(id, { status });
  for (const [id, statuses] of others) set(id, { team: statuses });
  return next;
}
