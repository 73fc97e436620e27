import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import type { AnnotationCommand } from '../../../renderer/src/core/commands/annotate';
import type { Link } from '../../../renderer/src/core/links/link';
import type { Span } from '../../../renderer/src/core/model/span';
import { articlesDb, deviceId, feedDb, userDb } from '../../../renderer/src/core/sync/project-layout';
import type { SpanSetDoc } from '../../../renderer/src/core/sync/span-set';
import type { SyncState, TeamConfig } from '../../../renderer/src/core/sync/team-config';
import type { FetchLike } from '../../../renderer/src/couch/http';
import { documentIdForText } from '../../../renderer/src/core/text/text-hash';
import { MarginaliaDb } from '../../../renderer/src/db/database';
import { applyAnnotationCommand } from '../../../renderer/src/db/repositories/annotations';
import { applyLinkCommand } from '../../../renderer/src/db/repositories/links';
import { setStatus } from '../../../renderer/src/db/repositories/progress';
import { teamStatuses } from '../../../renderer/src/db/repositories/team-statuses';
import { signIn, teamClient } from '../../../renderer/src/session/sync/connect';
import { SyncService } from '../../../renderer/src/session/sync/sync-service';
import { ADMIN, http } from './server-process';
import { IDS, PROJECT, projectServer, team, until } from './project-fixture';

// The app's sync service driven from Node against the embedded server: the same code the app runs,
// with fake-indexeddb for Dexie and a client-side cookie jar for Node's fetch.
const server = projectServer();
const node = fetch as unknown as FetchLike;
let n = 0;

interface Machine {
  db: MarginaliaDb;
  service: SyncService;
  config: TeamConfig;
  states: SyncState[];
  problems: string[];
}

async function connect(
  user: string,
  password: string,
  replica: string,
  via: FetchLike = node,
  fullRoundMs?: number,
): Promise<Machine> {
  const db = new MarginaliaDb(`sync-${process.pid}-${n++}`);
  await db.open();
  const client = teamClient(server().url, via, true);
  const signed = await signIn(client, { serverUrl: server().url, project: PROJECT, user, password }, 'test');
  if (!signed.ok) throw new Error(signed.error);
  const states: SyncState[] = [];
  const problems: string[] = [];
  let ids = 0;
  const service = new SyncService({
    db,
    client,
    config: signed.value,
    replica,
    newId: () => `${replica}-${ids++}`,
    onProblem: (t) => problems.push(t),
    pollMs: 100,
    longpollMs: 1_000,
    ...(fullRoundMs ? { fullRoundMs } : {}),
  });
  service.subscribe((st) => states.push(st));
  service.start();
  return { db, service, config: signed.value, states, problems };
}

const synced = (m: Machine) => until('Synced', () => m.service.current.kind === 'synced');
const span = (id: string, start: number, end: number, note = ''): Span => ({
  id,
  start,
  end,
  label: 'claim',
  note,
});
const label = (m: Machine, docId: string, cmd: AnnotationCommand) =>
  applyAnnotationCommand(m.db, docId, m.config.user, cmd);

async function serverSet(user: string, docId: string): Promise<SpanSetDoc | null> {
  const r = await http(
    server().url,
    'GET',
    `${userDb(PROJECT, user)}/${encodeURIComponent(`spans:${docId}`)}`,
    ADMIN,
  );
  return r.status === 200 ? (r.json as SpanSetDoc) : null;
}

const docA = IDS[0] as string;
const docB = IDS[1] as string;

describe('an annotator connects and syncs', () => {
  it('refuses a wrong password and a non-member in one sentence', async () => {
    const c = teamClient(server().url, node, true);
    const bad = await signIn(
      c,
      { serverUrl: server().url, project: PROJECT, user: 'alice', password: 'nope' },
      'x',
    );
    expect(bad).toEqual({ ok: false, error: `Wrong user name or password for ${server().url}.` });
    const other = await signIn(
      c,
      { serverUrl: server().url, project: 'other', user: 'alice', password: 'apw' },
      'x',
    );
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.error).toContain('is not in the project "other"');
    const down = await signIn(
      teamClient('http://127.0.0.1:9', node, true),
      { serverUrl: 'http://127.0.0.1:9', project: PROJECT, user: 'alice', password: 'apw' },
      'http://app',
    );
    expect(down.ok).toBe(false);
    if (!down.ok) expect(down.error).toContain('Cannot reach the server at http://127.0.0.1:9');
  });

  it('pulls exactly the assigned articles, pushes labels, and a second machine merges span by span', async () => {
    const a = await connect('alice', 'apw', 'laptop');
    await synced(a);
    expect((await a.db.documents.toArray()).map((d) => d.id).sort()).toEqual([...IDS].sort());
    expect(a.states.some((st) => st.kind === 'syncing' && st.progress !== null)).toBe(true);

    await label(a, docA, { kind: 'create', span: span('s1', 4, 12) });
    await label(a, docA, { kind: 'create', span: span('s2', 13, 17) });
    await setStatus(a.db, docA, 'alice', 'in_progress');
    await until(
      'pushed',
      async () => Object.keys((await serverSet('alice', docA))?.spans ?? {}).length === 2,
    );
    await synced(a);
    const onServer = (await serverSet('alice', docA)) as SpanSetDoc;
    expect(onServer.status.value).toBe('in_progress');
    expect(onServer.spans['s1']).toMatchObject({ start: 4, end: 12, label: 'claim', by: 'laptop' });

    // The same annotator on a second machine gets the spans.
    const b = await connect('alice', 'apw', 'desktop');
    await synced(b);
    await until('pulled on b', async () => (await b.db.spans.count()) === 2);

    // Both offline: a deletes s1 and adds s3; b edits s2's note and adds s4. Then both reconnect.
    a.service.stop();
    b.service.stop();
    await label(a, docA, { kind: 'delete', span: span('s1', 4, 12) });
    await label(a, docA, { kind: 'create', span: span('s3', 0, 3) });
    await label(b, docA, { kind: 'update', before: span('s2', 13, 17), after: span('s2', 13, 17, 'from b') });
    await label(b, docA, { kind: 'create', span: span('s4', 20, 25) });
    a.service.start();
    b.service.start();
    const want = ['s2', 's3', 's4'];
    for (const m of [a, b])
      await until('merged', async () => {
        const rows = await m.db.spans.where('annotator').equals('alice').toArray();
        return JSON.stringify(rows.map((r) => r.id).sort()) === JSON.stringify(want);
      });
    const merged = (await serverSet('alice', docA)) as SpanSetDoc;
    expect(merged.spans['s1']).toMatchObject({ deleted: true });
    expect(merged.spans['s2']).toMatchObject({ note: 'from b' });
    expect((await a.db.spans.get('s2'))?.note).toBe('from b');

    // The same span changed on both: the newest wins, the other is kept in its history.
    a.service.stop();
    b.service.stop();
    await label(a, docA, { kind: 'update', before: span('s3', 0, 3), after: span('s3', 0, 3, 'older') });
    await new Promise((r) => setTimeout(r, 5));
    await label(b, docA, { kind: 'update', before: span('s3', 0, 3), after: span('s3', 0, 3, 'newer') });
    a.service.start();
    await synced(a);
    b.service.start();
    await until(
      'b wins',
      async () => (await serverSet('alice', docA))?.spans['s3']?.['note' as never] === 'newer',
    );
    await until('a follows', async () => (await a.db.spans.get('s3'))?.note === 'newer');
    const s3 = (await serverSet('alice', docA))?.spans['s3'];
    expect(s3?.history?.[0]).toMatchObject({ note: 'older', by: 'laptop' });
    a.service.stop();
    b.service.stop();
  }, 90_000);

  it('refuses a pulled article whose text does not hash to its id, with a message', async () => {
    const fakeId = `sha256:${'0'.repeat(64)}`;
    const put = await http(server().url, 'PUT', `${articlesDb(PROJECT)}/${fakeId}`, ADMIN, {
      type: 'article',
      title: 'Tampered',
      text: 'Not the text that was hashed.',
      source: 'x',
      meta: {},
    });
    expect(put.status).toBe(201);
    await team(server().url, 'assign', '--user', 'bob', '--docs', fakeId);
    const b = await connect('bob', 'bpw', 'bob-laptop');
    await synced(b);
    expect(await b.db.documents.get(fakeId)).toBeUndefined();
    expect(b.problems.join('\n')).toContain(
      'The article "Tampered" was refused: its text does not hash to its id',
    );
    expect((await b.db.documents.toArray()).length).toBe(3);
    b.service.stop();
  }, 60_000);

  it('a lead sees every annotator’s spans arrive, without importing', async () => {
    const lead = await connect('lena', 'lpw', 'lead-laptop');
    await synced(lead);
    await until(
      'alice at the lead',
      async () => (await lead.db.spans.where('annotator').equals('alice').count()) === 3,
    );
    const bob = await connect('bob', 'bpw', 'bob-2');
    await synced(bob);
    await label(bob, docB, { kind: 'create', span: span('b1', 0, 6) });
    await setStatus(bob.db, docB, 'bob', 'in_progress');
    await until('bob at the lead', async () => (await lead.db.spans.get('b1'))?.annotator === 'bob');
    // The articles database's design document is not an article: only the tampered one is refused.
    expect(lead.problems).toHaveLength(1);
    expect(lead.problems[0]).toContain('The article "Tampered" was refused');
    // The lead's library: every article with each assigned annotator's status.
    await until(
      'bob in progress at the lead',
      async () => (await lead.db.progress.get([docB, 'bob']))?.status === 'in_progress',
    );
    const statuses = await teamStatuses(lead.db, PROJECT);
    expect(statuses.get(docB)).toEqual([
      { annotator: 'alice', status: 'todo' },
      { annotator: 'bob', status: 'in_progress' },
    ]);
    lead.service.stop();
    bob.service.stop();
  }, 60_000);

  it('links replicate like spans: across articles, two machines merged (newest wins, deletions kept), the lead pulls them', async () => {
    const a = await connect('alice', 'apw', 'link-laptop');
    await synced(a);
    await label(a, docB, { kind: 'create', span: span('lb1', 0, 6) });
    const k1: Link = {
      id: 'k1',
      annotator: 'alice',
      relation: 'contradicts',
      from: { docId: docA, start: 13, end: 17 },
      to: { docId: docB, start: 0, end: 6 },
      note: '',
    };
    await applyLinkCommand(a.db, { kind: 'create_link', link: k1 });
    await until('link pushed', async () => (await serverSet('alice', docA))?.links['k1'] !== undefined);
    // In the set of its `from` article, in alice's own database, with extents as ends.
    expect((await serverSet('alice', docA))?.links['k1']).toMatchObject({
      relation: 'contradicts',
      from: { start: 13, end: 17 },
      to: { doc_id: docB, start: 0, end: 6 },
      note: '',
      by: 'link-laptop',
    });
    expect((await serverSet('alice', docB))?.links).toEqual({});

    const b = await connect('alice', 'apw', 'link-desktop');
    await synced(b);
    await until(
      'the link on the second machine',
      async () => (await b.db.links.get('k1'))?.to.docId === docB,
    );

    // Both offline: a deletes k1 and adds k2; b notes k2's neighbour k3. Then both reconnect.
    a.service.stop();
    b.service.stop();
    await applyLinkCommand(a.db, { kind: 'delete_link', link: k1 });
    const k2: Link = { ...k1, id: 'k2', relation: 'supports', from: { docId: docA, start: 0, end: 3 } };
    const k3: Link = { ...k1, id: 'k3', relation: 'same_claim', from: { docId: docA, start: 20, end: 25 } };
    await applyLinkCommand(a.db, { kind: 'create_link', link: k2 });
    await applyLinkCommand(b.db, { kind: 'create_link', link: k3 });
    a.service.start();
    b.service.start();
    const ids = async (m: Machine) =>
      (await m.db.links.where('annotator').equals('alice').primaryKeys()).sort();
    for (const m of [a, b])
      await until('links merged', async () => JSON.stringify(await ids(m)) === '["k2","k3"]');
    expect((await serverSet('alice', docA))?.links['k1']).toMatchObject({ deleted: true, by: 'link-laptop' });

    // The same link changed on both: the newest wins, the other is kept in its history.
    await synced(a);
    await synced(b);
    a.service.stop();
    b.service.stop();
    await applyLinkCommand(a.db, { kind: 'update_link', before: k2, after: { ...k2, note: 'older' } });
    await new Promise((r) => setTimeout(r, 5));
    await applyLinkCommand(b.db, { kind: 'update_link', before: k2, after: { ...k2, note: 'newer' } });
    a.service.start();
    await synced(a);
    b.service.start();
    await until(
      'b wins',
      async () => (await serverSet('alice', docA))?.links['k2']?.['note' as never] === 'newer',
    );
    await until('a follows', async () => (await a.db.links.get('k2'))?.note === 'newer');
    expect((await serverSet('alice', docA))?.links['k2']?.history?.[0]).toMatchObject({
      note: 'older',
      by: 'link-laptop',
    });

    // A link made on b from a span that a deleted meanwhile goes, as deleting the span would do.
    await synced(a);
    await synced(b);
    a.service.stop();
    b.service.stop();
    const k4: Link = { ...k1, id: 'k4', from: { docId: docA, start: 13, end: 17 } };
    await applyLinkCommand(b.db, { kind: 'create_link', link: k4 });
    await label(a, docA, { kind: 'delete', span: span('s2', 13, 17, 'from b') });
    b.service.start();
    await synced(b);
    a.service.start();
    await until('k4 deleted on the server', async () =>
      Boolean((await serverSet('alice', docA))?.links['k4']?.['deleted' as never]),
    );
    for (const m of [a, b]) await until('k4 gone', async () => (await m.db.links.get('k4')) === undefined);
    expect(await b.db.spans.get('s2')).toBeUndefined();

    // A lead pulls them without importing anything.
    const lead = await connect('lena', 'lpw', 'link-lead');
    await synced(lead);
    await until('links at the lead', async () => (await lead.db.links.get('k2'))?.note === 'newer');
    expect(await lead.db.links.get('k3')).toMatchObject({
      annotator: 'alice',
      relation: 'same_claim',
      from: { docId: docA, start: 20, end: 25 },
      to: { docId: docB, start: 0, end: 6 },
    });
    expect(await lead.db.links.get('k1')).toBeUndefined();
    for (const m of [a, b, lead]) m.service.stop();
  }, 90_000);

  // Issue 16, a stale link: a's link into docB, whose span there b deleted offline. The deletion
  // arriving at a takes the link along (as deleting the span on a would), and its tombstone reaches b.
  it('a stale link: its other-article span deleted on another machine, it goes when the deletion arrives', async () => {
    const a = await connect('alice', 'apw', 'stale-laptop');
    await synced(a);
    await label(a, docA, { kind: 'create', span: span('st-a', 5, 9) });
    await label(a, docB, { kind: 'create', span: span('st-b', 8, 12) });
    await until('spans pushed', async () => (await serverSet('alice', docB))?.spans['st-b'] !== undefined);
    const b = await connect('alice', 'apw', 'stale-desktop');
    await synced(b);
    await until('the span on b', async () => (await b.db.spans.get('st-b')) !== undefined);

    a.service.stop();
    b.service.stop();
    const k: Link = {
      id: 'stale-k',
      annotator: 'alice',
      relation: 'supports',
      from: { docId: docA, start: 5, end: 9 },
      to: { docId: docB, start: 8, end: 12 },
      note: '',
    };
    await applyLinkCommand(a.db, { kind: 'create_link', link: k });
    await label(b, docB, { kind: 'delete', span: span('st-b', 8, 12) });
    b.service.start();
    await until('deletion pushed', async () =>
      Boolean((await serverSet('alice', docB))?.spans['st-b']?.['deleted' as never]),
    );
    a.service.start();
    await until('st-b gone on a', async () => (await a.db.spans.get('st-b')) === undefined);
    for (const m of [a, b])
      await until('the stale link gone', async () => (await m.db.links.get('stale-k')) === undefined);
    await until('its tombstone on the server', async () =>
      Boolean((await serverSet('alice', docA))?.links['stale-k']?.['deleted' as never]),
    );
    expect(await a.db.spans.get('st-a')).toBeDefined();
    for (const m of [a, b]) m.service.stop();
  }, 90_000);

  it('a lead follows the project feed: no polling of user databases, then only the one the feed names', async () => {
    // Every `_changes` the lead asks for, by database.
    const asked: string[] = [];
    const counting: FetchLike = (url, init) => {
      const m = /\/([^/?]+)\/_changes/.exec(String(url));
      if (m?.[1]) asked.push(decodeURIComponent(m[1]));
      return node(url, init);
    };
    const lead = await connect('lena', 'lpw', 'lead-feed', counting, 60_000);
    await synced(lead);
    // Its own "last sync", written at the end of its first round, is read back without a full round.
    await until(
      'the lead has its own device row',
      async () =>
        (await lead.db.syncDocs.get([userDb(PROJECT, 'lena'), deviceId('lead-feed')])) !== undefined,
      5_000,
    );
    const bob = await connect('bob', 'bpw', 'bob-3');
    await synced(bob);
    await new Promise((r) => setTimeout(r, 1_000));
    asked.length = 0;
    // Idle for 2.5 s: polling (every 100 ms here) would have asked each user database ~25 times, and
    // the feed's long-poll ends every 1 s here: a round that follows with no one named asks nothing
    // (it asked the lead's own database and gold each time, a poll every long-poll timeout).
    await new Promise((r) => setTimeout(r, 2_500));
    expect(asked.filter((d) => d !== feedDb(PROJECT))).toEqual([]);
    expect(asked).toContain(feedDb(PROJECT));
    await label(bob, docB, { kind: 'create', span: span('b2', 10, 14) });
    await until('b2 at the lead', async () => (await lead.db.spans.get('b2'))?.annotator === 'bob');
    // bob's push touched his feed entry; the lead pulled bob's database and not alice's nor its own.
    expect([...new Set(asked.filter((d) => d.includes('_user_')))]).toEqual([userDb(PROJECT, 'bob')]);
    // Between full rounds the lead still pushes its own labels.
    await label(lead, docB, { kind: 'create', span: span('l1', 0, 4) });
    await until('l1 on the server', async () => (await serverSet('lena', docB))?.spans['l1'] !== undefined);
    const entry = await http(server().url, 'GET', `${feedDb(PROJECT)}/feed%3Abob`, ADMIN);
    expect(Object.keys(entry.json ?? {}).sort()).toEqual(['_id', '_rev', 'at', 'type']);
    lead.service.stop();
    bob.service.stop();
  }, 60_000);

  it('team assign announces itself: the lead and the annotator have the new assignment within seconds', async () => {
    // A full round only every 60 s: what arrives sooner came through the feed (the lead) or the
    // long-poll of the annotator's own database.
    const lead = await connect('lena', 'lpw', 'lead-assign', node, 60_000);
    const a = await connect('alice', 'apw', 'alice-assign');
    await synced(lead);
    await synced(a);
    await new Promise((r) => setTimeout(r, 1_000));
    const text = 'A late article, assigned after everyone synced.';
    const dir = mkdtempSync(join(tmpdir(), 'sync-assign-'));
    writeFileSync(join(dir, 'late.jsonl'), `${JSON.stringify({ title: 'Late', text })}\n`);
    await team(server().url, 'add-articles', join(dir, 'late.jsonl'));
    const id = documentIdForText(text);
    const t0 = Date.now();
    await team(server().url, 'assign', '--user', 'alice', '--docs', id);
    const assigned = Date.now();
    await until(
      'the assignment at the lead',
      async () => (await lead.db.syncDocs.get([userDb(PROJECT, 'alice'), `assign:${id}`])) !== undefined,
      10_000,
    );
    const atLead = Date.now();
    await until('the article at alice', async () => (await a.db.documents.get(id)) !== undefined, 10_000);
    const atAlice = Date.now();
    expect((await teamStatuses(lead.db, PROJECT)).get(id)).toEqual([{ annotator: 'alice', status: 'todo' }]);
    process.stdout.write(
      `team assign took ${assigned - t0} ms; then at the lead ${atLead - assigned} ms, at alice ${atAlice - assigned} ms\n`,
    );
    lead.service.stop();
    a.service.stop();
  }, 90_000);
});
