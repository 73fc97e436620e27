import {
  articlesDb,
  assignmentId,
  feedDb,
  feedId,
  userDb,
  type AssignmentDoc,
  type FeedDoc,
  type MemberDoc,
} from '../../renderer/src/core/sync/project-layout';
import type { CouchClient } from '../../renderer/src/couch/client';
import { batches } from './add-articles';
import { sentence, type Connection } from './connect';

export type Selection =
  { readonly all: true } | { readonly count: number } | { readonly docs: readonly string[] };

/** Ids in a database that start with `prefix`, without the documents. */
async function idsWithPrefix(client: CouchClient, db: string, prefix: string) {
  const r = await client.allDocs(db, { startkey: prefix, endkey: `${prefix}\ufff0` });
  return r.ok ? { ids: r.value.map((row) => row.key) } : { error: r.error };
}

export async function articleIds(c: Connection): Promise<string[] | { fail: string }> {
  const r = await idsWithPrefix(c.client, articlesDb(c.project), 'sha256:');
  return 'error' in r ? { fail: sentence(r.error, c.url, 'list the articles') } : r.ids;
}

export async function assignedTo(c: Connection, user: string): Promise<string[] | { fail: string }> {
  const r = await idsWithPrefix(c.client, userDb(c.project, user), 'assign:');
  return 'error' in r
    ? { fail: sentence(r.error, c.url, `read the assignments of ${user}`) }
    : r.ids.map((id) => id.slice('assign:'.length));
}

/**
 * Which articles to give `user`. `--count N` takes, among the articles not yet theirs, those with
 * the fewest annotators so far (ties in id order: the ids are text hashes, so a fixed pseudo-random
 * order): giving every annotator `--count` = the number of articles × k / annotators spreads the
 * corpus evenly with k annotators per article. The overlap is the lead's choice through the counts,
 * `--all` and `--docs`.
 */
export function choose(
  selection: Selection,
  articles: readonly string[],
  mine: ReadonlySet<string>,
  load: ReadonlyMap<string, number>,
): { ids: string[] } | { unknown: string[] } {
  if ('all' in selection) return { ids: articles.filter((id) => !mine.has(id)) };
  if ('docs' in selection) {
    const known = new Set(articles);
    const unknown = selection.docs.filter((id) => !known.has(id));
    if (unknown.length > 0) return { unknown };
    return { ids: [...new Set(selection.docs)].filter((id) => !mine.has(id)) };
  }
  const free = articles.filter((id) => !mine.has(id));
  free.sort((a, b) => (load.get(a) ?? 0) - (load.get(b) ?? 0) || (a < b ? -1 : 1));
  return { ids: free.slice(0, selection.count) };
}

/** `team assign`: writes one assignment document per article into the user's database. */
export async function assign(
  c: Connection,
  user: string,
  selection: Selection,
  members: readonly MemberDoc[],
  now: string,
): Promise<{ added: number; already: number } | { fail: string }> {
  const articles = await articleIds(c);
  if ('fail' in articles) return articles;
  const mineList = await assignedTo(c, user);
  if ('fail' in mineList) return mineList;
  const load = new Map<string, number>();
  if ('count' in selection) {
    for (const m of members) {
      const theirs = m.name === user ? mineList : await assignedTo(c, m.name);
      if ('fail' in theirs) return theirs;
      for (const id of theirs) load.set(id, (load.get(id) ?? 0) + 1);
    }
  }
  const mine = new Set(mineList);
  const chosen = choose(selection, articles, mine, load);
  if ('unknown' in chosen)
    return {
      fail: `No article in project "${c.project}" has the id ${chosen.unknown.join(', ')}; nothing was assigned.`,
    };
  const docs: AssignmentDoc[] = chosen.ids.map((id) => ({
    _id: assignmentId(id),
    type: 'assignment',
    doc_id: id,
    assigned_at: now,
    assigned_by: c.admin,
  }));
  let added = 0;
  for (const batch of batches(docs)) {
    const w = await c.client.bulkDocs(userDb(c.project, user), batch);
    if (!w.ok) return { fail: sentence(w.error, c.url, `assign articles to ${user}`) };
    for (const r of w.value) {
      if (r.rev) added++;
      else if (r.error !== 'conflict')
        return { fail: `The server at ${c.url} refused an assignment: ${r.reason ?? r.error}.` };
    }
  }
  if (added > 0) await announce(c, user, Date.parse(now) || Date.now());
  const requested = 'docs' in selection ? new Set(selection.docs).size : chosen.ids.length;
  return { added, already: 'count' in selection ? 0 : requested - added };
}

/**
 * Touches `feed:<user>` as the user's own pushes do (docs/team.md, "The lead's live feed"): a lead
 * between full rounds pulls only the databases the feed names, so new assignments would reach
 * its library and Progress only at the next full round (every 30 s). The user's app needs no
 * hint: it long-polls its own database, where the assignments are. A hint only: a project made
 * before the feed existed, or a lost race, leaves it to the full round.
 */
async function announce(c: Connection, user: string, at: number): Promise<void> {
  const db = feedDb(c.project);
  for (let attempt = 0; attempt < 2; attempt++) {
    const cur = await c.client.get<FeedDoc>(db, feedId(user));
    if (!cur.ok) return;
    const rev = cur.value?._rev;
    const put = await c.client.put(db, {
      _id: feedId(user),
      type: 'feed',
      at,
      ...(rev ? { _rev: rev } : {}),
    });
    if (put.ok || put.error.kind !== 'conflict') return;
  }
}
