import type { DocStatus } from '../model/status';
import type { TeamRole } from './project-layout';
import { isTombstone, type SpanSetDoc } from './span-set';

/**
 * The lead's progress figures (issue 15 item 5), from the same facts `marginalia team status`
 * reads on the server: each user's assignments, span sets and devices. One definition here, used
 * by the CLI and the app's dashboard, so both always say the same.
 */

/** What the dashboard needs of one span set: its status and how many live spans it holds. */
export interface SetSummary {
  readonly status: DocStatus;
  readonly spans: number;
}

export const liveSpanCount = (s: SpanSetDoc): number =>
  Object.values(s.spans).filter((e) => !isTombstone(e)).length;

export const summarizeSet = (s: SpanSetDoc): SetSummary => ({
  status: s.status.value,
  spans: liveSpanCount(s),
});

/** A set counts as started when its status says so, or when it holds spans while still "to do". */
export const isInProgress = (s: SetSummary): boolean =>
  s.status === 'in_progress' || (s.status === 'todo' && s.spans > 0);

export interface MemberFacts {
  readonly name: string;
  readonly role: TeamRole;
  /** Ids of the articles assigned to them. */
  readonly assigned: ReadonlySet<string>;
  /** Their span sets, by article id. */
  readonly sets: ReadonlyMap<string, SetSummary>;
  /** Newest `last_sync_at` of their devices (ISO 8601), null if none. */
  readonly lastSync: string | null;
}

export interface AnnotatorProgress {
  readonly name: string;
  readonly role: TeamRole;
  readonly assigned: number;
  readonly in_progress: number;
  readonly done: number;
  readonly spans: number;
  readonly last_sync: string | null;
}

export function annotatorProgress(m: MemberFacts): AnnotatorProgress {
  let inProgress = 0;
  let done = 0;
  let spans = 0;
  for (const s of m.sets.values()) {
    if (isInProgress(s)) inProgress++;
    if (s.status === 'done') done++;
    spans += s.spans;
  }
  return {
    name: m.name,
    role: m.role,
    assigned: m.assigned.size,
    in_progress: inProgress,
    done,
    spans,
    last_sync: m.lastSync,
  };
}

/** One annotator's state on one document: assigned, and what their set (if any) says. */
export interface DocumentCell {
  readonly annotator: string;
  readonly assigned: boolean;
  readonly status: DocStatus;
  readonly spans: number;
}

export interface DocumentProgress {
  readonly docId: string;
  readonly title: string;
  /** In annotator name order: everyone assigned to it or holding a span set for it. */
  readonly cells: readonly DocumentCell[];
  readonly done: number;
  readonly spans: number;
}

export interface ProgressTotals {
  readonly documents: number;
  /** (document, annotator) pairs assigned. */
  readonly assigned: number;
  readonly in_progress: number;
  readonly done: number;
  readonly spans: number;
  /** Documents every assigned annotator has marked done. */
  readonly documentsDone: number;
}

export interface TeamProgress {
  readonly annotators: readonly AnnotatorProgress[];
  readonly documents: readonly DocumentProgress[];
  readonly totals: ProgressTotals;
}

/**
 * Per annotator and per document, with totals. `articles` are the team's documents with their
 * titles; a set or assignment for an article not among them still counts for its annotator (as
 * on the server) and gets a row titled by its id.
 */
export function teamProgress(
  members: readonly MemberFacts[],
  articles: ReadonlyMap<string, string>,
): TeamProgress {
  const annotators = members.map(annotatorProgress);
  const byDoc = new Map<string, DocumentCell[]>();
  for (const id of articles.keys()) byDoc.set(id, []);
  const sorted = [...members].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const m of sorted) {
    const ids = new Set([...m.assigned, ...m.sets.keys()]);
    for (const docId of ids) {
      const set = m.sets.get(docId);
      let cells = byDoc.get(docId);
      if (!cells) byDoc.set(docId, (cells = []));
      cells.push({
        annotator: m.name,
        assigned: m.assigned.has(docId),
        status: set?.status ?? 'todo',
        spans: set?.spans ?? 0,
      });
    }
  }
  const documents: DocumentProgress[] = [];
  let documentsDone = 0;
  for (const [docId, cells] of byDoc) {
    const done = cells.filter((c) => c.status === 'done').length;
    const assigned = cells.filter((c) => c.assigned);
    if (assigned.length > 0 && assigned.every((c) => c.status === 'done')) documentsDone++;
    documents.push({
      docId,
      title: articles.get(docId) ?? docId,
      cells,
      done,
      spans: cells.reduce((n, c) => n + c.spans, 0),
    });
  }
  const sum = (k: 'assigned' | 'in_progress' | 'done' | 'spans') => annotators.reduce((n, a) => n + a[k], 0);
  return {
    annotators,
    documents,
    totals: {
      documents: documents.length,
      assigned: sum('assigned'),
      in_progress: sum('in_progress'),
      done: sum('done'),
      spans: sum('spans'),
      documentsDone,
    },
  };
}

export type SortDirection = 'ascending' | 'descending';
export type AnnotatorSortKey = keyof Omit<AnnotatorProgress, 'role'>;
export type DocumentSortKey = 'title' | 'done' | 'spans' | 'annotators';

function compare(a: string | number | null, b: string | number | null): number {
  // "never" (null) sorts before any time, like an empty value.
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

/** Stable sort; ties keep name (or title) order so the list does not jump as figures change. */
export function sortAnnotators(
  rows: readonly AnnotatorProgress[],
  key: AnnotatorSortKey,
  dir: SortDirection,
): AnnotatorProgress[] {
  const sign = dir === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => sign * compare(a[key], b[key]) || compare(a.name, b.name));
}

const docKey = (d: DocumentProgress, key: DocumentSortKey): string | number =>
  key === 'title' ? d.title : key === 'annotators' ? d.cells.length : d[key];

export function sortDocuments(
  rows: readonly DocumentProgress[],
  key: DocumentSortKey,
  dir: SortDirection,
): DocumentProgress[] {
  const sign = dir === 'ascending' ? 1 : -1;
  return [...rows].sort(
    (a, b) =>
      sign * compare(docKey(a, key), docKey(b, key)) ||
      compare(a.title, b.title) ||
      compare(a.docId, b.docId),
  );
}
