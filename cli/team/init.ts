import {
  articlesDb,
  articlesDesign,
  articlesSecurity,
  feedDb,
  feedDesign,
  feedSecurity,
  goldDb,
  goldDesign,
  goldSecurity,
  LAYOUT_VERSION,
  projectDb,
  projectDesign,
  projectSecurity,
  userDb,
  userDesign,
  userSecurity,
  type DesignDoc,
  type MemberDoc,
  type ProjectDoc,
  type SecurityObject,
} from '../../renderer/src/core/sync/project-layout';
import type { CouchClient } from '../../renderer/src/couch/client';
import { sentence, type Connection } from './connect';

/**
 * Creates a database if missing and sets its security object and design document (replaced when
 * the layout version differs). Idempotent. Answers null or the failure sentence.
 */
export async function ensureDatabase(
  c: Connection,
  db: string,
  security: SecurityObject,
  design: DesignDoc,
): Promise<string | null> {
  const client: CouchClient = c.client;
  const created = await client.createDb(db);
  if (!created.ok) return sentence(created.error, c.url, `create the database ${db}`);
  const sec = await client.putSecurity(db, security);
  if (!sec.ok) return sentence(sec.error, c.url, `set the security of ${db}`);
  const current = await client.get<DesignDoc>(db, design._id);
  if (!current.ok) return sentence(current.error, c.url, `read the design document of ${db}`);
  const same =
    current.value?.validate_doc_update === design.validate_doc_update &&
    current.value.marginalia_layout === design.marginalia_layout;
  if (!same) {
    const put = await client.put(db, {
      ...design,
      ...(current.value?._rev ? { _rev: current.value._rev } : {}),
    });
    if (!put.ok) return sentence(put.error, c.url, `write the design document of ${db}`);
  }
  return null;
}

/** `team init`: the project's shared databases and its project document. */
export async function initProject(
  c: Connection,
  now: string,
): Promise<{ created: boolean } | { fail: string }> {
  const p = c.project;
  const existing = await c.client.get<ProjectDoc>(projectDb(p), 'project');
  const known = existing.ok ? existing.value : null;
  const steps: [string, SecurityObject, DesignDoc][] = [
    [projectDb(p), projectSecurity(p), projectDesign()],
    [articlesDb(p), articlesSecurity(p), articlesDesign(p)],
    [goldDb(p), goldSecurity(p, known?.gold_released ?? false), goldDesign(p)],
    [feedDb(p), feedSecurity(p), feedDesign()],
  ];
  for (const [db, sec, design] of steps) {
    const problem = await ensureDatabase(c, db, sec, design);
    if (problem) return { fail: problem };
  }
  if (known && known.layout === LAYOUT_VERSION) return { created: false };
  // An older project's user databases get this version's validation too (e.g. layout 2's links).
  if (known) {
    const roster = await c.client.allWithPrefix<MemberDoc>(projectDb(p), 'member:');
    if (!roster.ok) return { fail: sentence(roster.error, c.url, 'read the roster') };
    for (const m of roster.value) {
      const problem = await ensureDatabase(
        c,
        userDb(p, m.name),
        userSecurity(p, m.name),
        userDesign(p, m.name),
      );
      if (problem) return { fail: problem };
    }
  }
  const doc: ProjectDoc = {
    _id: 'project',
    type: 'project',
    name: p,
    layout: LAYOUT_VERSION,
    created_at: known?.created_at ?? now,
    gold_released: known?.gold_released ?? false,
    ...(known?._rev ? { _rev: known._rev } : {}),
  };
  const put = await c.client.put(projectDb(p), doc);
  if (!put.ok) return { fail: sentence(put.error, c.url, 'write the project document') };
  return { created: known === null };
}
