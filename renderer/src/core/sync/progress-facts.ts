import { summarizeSet, type MemberFacts, type SetSummary } from './progress';
import { projectDb, userOfDb, type MemberDoc, type TeamRole } from './project-layout';
import type { SpanSetDoc } from './span-set';

/**
 * What a lead's replica knows of the team's progress, folded from its synced copies of server
 * documents (roster, assignments, span sets, devices) one row at a time: a change to one row
 * updates the figures without reading the others again (the dashboard follows the database live).
 */
interface UserFacts {
  readonly assigned: Set<string>;
  readonly sets: Map<string, SetSummary>;
  /** Device id → its last sync (ISO 8601). */
  readonly devices: Map<string, string>;
}

export interface ProgressFacts {
  readonly project: string;
  readonly roster: Map<string, TeamRole>;
  readonly users: Map<string, UserFacts>;
}

export const emptyFacts = (project: string): ProgressFacts => ({
  project,
  roster: new Map(),
  users: new Map(),
});

function userFacts(f: ProgressFacts, user: string): UserFacts {
  let u = f.users.get(user);
  if (!u) f.users.set(user, (u = { assigned: new Set(), sets: new Map(), devices: new Map() }));
  return u;
}

const isSpanSet = (d: Record<string, unknown>): boolean =>
  d['type'] === 'span_set' && typeof d['doc_id'] === 'string' && typeof d['spans'] === 'object';

/**
 * Applies one synced row (`doc` null: the row is gone). Rows of other databases (articles, gold)
 * are ignored. Answers whether the row mattered to the figures.
 */
export function applySyncRow(
  f: ProgressFacts,
  db: string,
  id: string,
  doc: Record<string, unknown> | null,
): boolean {
  if (db === projectDb(f.project)) {
    if (!id.startsWith('member:')) return false;
    const name = id.slice('member:'.length);
    const member = doc as Partial<MemberDoc> | null;
    if (member && (member.role === 'annotator' || member.role === 'lead')) f.roster.set(name, member.role);
    else f.roster.delete(name);
    return true;
  }
  const user = userOfDb(f.project, db);
  if (!user) return false;
  const u = userFacts(f, user);
  if (id.startsWith('assign:')) {
    const docId = id.slice('assign:'.length);
    if (doc) u.assigned.add(docId);
    else u.assigned.delete(docId);
    return true;
  }
  if (id.startsWith('spans:')) {
    const docId = id.slice('spans:'.length);
    if (doc && isSpanSet(doc)) u.sets.set(docId, summarizeSet(doc as unknown as SpanSetDoc));
    else u.sets.delete(docId);
    return true;
  }
  if (id.startsWith('device:')) {
    const at = doc?.['last_sync_at'];
    if (typeof at === 'string') u.devices.set(id, at);
    else u.devices.delete(id);
    return true;
  }
  return false;
}

/** The roster's members with their facts, in name order (the users `team status` lists). */
export function memberFacts(f: ProgressFacts): MemberFacts[] {
  return [...f.roster]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, role]) => {
      const u = f.users.get(name);
      const syncs = u ? [...u.devices.values()].sort() : [];
      return {
        name,
        role,
        assigned: u?.assigned ?? new Set<string>(),
        sets: u?.sets ?? new Map<string, SetSummary>(),
        lastSync: syncs[syncs.length - 1] ?? null,
      };
    });
}
