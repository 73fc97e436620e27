import {
  memberId,
  projectDb,
  roleName,
  userDb,
  userDesign,
  userSecurity,
  type MemberDoc,
  type TeamRole,
} from '../../renderer/src/core/sync/project-layout';
import { sentence, type Connection } from './connect';
import { ensureDatabase } from './init';

interface UserDoc {
  readonly _id: string;
  readonly _rev?: string;
  readonly name: string;
  readonly type: 'user';
  readonly roles: readonly string[];
}

/**
 * `team add-user`: the CouchDB user (created, or its password and role in this project updated —
 * roles in other projects are kept), the user's own database with its security object and
 * validation, and the roster entry. Idempotent.
 */
export async function addUser(
  c: Connection,
  user: string,
  password: string,
  role: TeamRole,
  now: string,
): Promise<{ created: boolean } | { fail: string }> {
  const p = c.project;
  const id = `org.couchdb.user:${user}`;
  const existing = await c.client.get<UserDoc>('_users', id);
  if (!existing.ok) return { fail: sentence(existing.error, c.url, `read the user "${user}"`) };
  const mine = [roleName(p, 'annotator'), roleName(p, 'lead')];
  const roles = [...(existing.value?.roles ?? []).filter((r) => !mine.includes(r)), roleName(p, role)];
  const put = await c.client.put('_users', {
    _id: id,
    ...(existing.value?._rev ? { _rev: existing.value._rev } : {}),
    name: user,
    type: 'user',
    roles,
    password,
  });
  if (!put.ok) return { fail: sentence(put.error, c.url, `write the user "${user}"`) };
  const problem = await ensureDatabase(c, userDb(p, user), userSecurity(p, user), userDesign(p, user));
  if (problem) return { fail: problem };
  const member = await c.client.get<MemberDoc>(projectDb(p), memberId(user));
  if (!member.ok) return { fail: sentence(member.error, c.url, 'read the roster') };
  if (member.value?.role !== role) {
    const doc: MemberDoc = {
      _id: memberId(user),
      ...(member.value?._rev ? { _rev: member.value._rev } : {}),
      type: 'member',
      name: user,
      role,
      added_at: member.value?.added_at ?? now,
    };
    const w = await c.client.put(projectDb(p), doc);
    if (!w.ok) return { fail: sentence(w.error, c.url, 'write the roster') };
  }
  return { created: existing.value === null };
}

/** The roster: every member document of the project. */
export async function listMembers(c: Connection): Promise<MemberDoc[] | { fail: string }> {
  const r = await c.client.allWithPrefix<MemberDoc>(projectDb(c.project), 'member:');
  if (!r.ok) return { fail: sentence(r.error, c.url, 'read the roster') };
  return r.value.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
