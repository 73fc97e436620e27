import {
  goldDb,
  goldSecurity,
  projectDb,
  type ProjectDoc,
} from '../../renderer/src/core/sync/project-layout';
import { sentence, type Connection } from './connect';

/**
 * `team release-gold`: annotators may read the gold database (never write it: its
 * validate_doc_update admits leads only); `--withdraw` takes that back.
 */
export async function releaseGold(
  c: Connection,
  project: ProjectDoc,
  released: boolean,
): Promise<{ fail: string } | null> {
  const sec = await c.client.putSecurity(goldDb(c.project), goldSecurity(c.project, released));
  if (!sec.ok) return { fail: sentence(sec.error, c.url, 'change who reads gold') };
  if (project.gold_released !== released) {
    const w = await c.client.put(projectDb(c.project), { ...project, gold_released: released });
    if (!w.ok) return { fail: sentence(w.error, c.url, 'write the project document') };
  }
  return null;
}
