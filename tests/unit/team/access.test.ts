import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  articlesJsonl,
  IDS,
  PROJECT,
  setUpProject,
  spanSet,
  team,
  userDbPath,
  users,
} from './project-fixture';
import type { SpanSetDoc } from '../../../renderer/src/core/sync/span-set';
import { ADMIN, http, startServer, type RunningServer } from './server-process';

// Owner-only and blind access, checked with raw HTTP as any client (or attacker) would send it.
let s: RunningServer;
const refused = (status: number) => expect([401, 403]).toContain(status);
const docId = IDS[0] as string;
const spanId = `spans:${docId}`;
const gold = `marginalia_${PROJECT}_gold`;
const articles = `marginalia_${PROJECT}_articles`;
const aliceSet = spanSet(docId, 'alice', {
  s1: { start: 4, end: 12, label: 'claim', note: '', updated_at: 1000, by: 'alice-laptop' },
});

beforeAll(async () => {
  s = await startServer();
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-team-'));
  writeFileSync(join(dir, 'articles.jsonl'), articlesJsonl());
  await setUpProject(s, join(dir, 'articles.jsonl'));
  const w = await http(
    s.url,
    'PUT',
    `${userDbPath('alice')}/${encodeURIComponent(spanId)}`,
    users.alice,
    aliceSet,
  );
  expect(w.status).toBe(201);
}, 120_000);

afterAll(async () => {
  expect(await s.stop()).toBe(0);
});

describe('blind annotation: an annotator never reads or writes another annotator\u2019s spans', () => {
  it('bob cannot read alice\u2019s span sets by id, by listing, or by changes', async () => {
    const db = userDbPath('alice');
    refused((await http(s.url, 'GET', `${db}/${encodeURIComponent(spanId)}`, users.bob)).status);
    refused((await http(s.url, 'GET', `${db}/_all_docs?include_docs=true`, users.bob)).status);
    refused((await http(s.url, 'GET', `${db}/_changes?include_docs=true`, users.bob)).status);
    // Endpoints that ran without the caller's identity in the stand-in (they leaked documents).
    const leaky: [string, string, unknown][] = [
      ['POST', `${db}/_bulk_get`, { docs: [{ id: spanId }] }],
      ['POST', `${db}/_find`, { selector: {} }],
      ['POST', `${db}/_explain`, { selector: {} }],
      ['GET', `${db}/_index`, undefined],
      ['GET', `${db}/_design/marginalia/_info`, undefined],
      ['GET', `${db}/${encodeURIComponent(spanId)}/attachment`, undefined],
      ['GET', '_users/_all_docs', undefined],
    ];
    for (const [method, path, body] of leaky) {
      const r = await http(s.url, method, path, users.bob, body);
      expect(r.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
      expect(JSON.stringify(r.json)).not.toContain('"claim"');
    }
    refused((await http(s.url, 'GET', db, null)).status);
  });

  it('bob cannot write into alice\u2019s database, nor write spans in alice\u2019s name in his own', async () => {
    const forged = spanSet(IDS[1] as string, 'alice');
    refused(
      (
        await http(
          s.url,
          'PUT',
          `${userDbPath('alice')}/${encodeURIComponent(forged._id)}`,
          users.bob,
          forged,
        )
      ).status,
    );
    // CouchDB 3.x answers 403 for the whole request; the stand-in 201 with an error per document.
    const bulk = await http(s.url, 'POST', `${userDbPath('alice')}/_bulk_docs`, users.bob, {
      docs: [forged],
    });
    if (bulk.status < 400) expect(bulk.json).toEqual([expect.objectContaining({ error: 'unauthorized' })]);
    const stored = await http(
      s.url,
      'GET',
      `${userDbPath('alice')}/${encodeURIComponent(forged._id)}`,
      ADMIN,
    );
    expect(stored.status).toBe(404);
    // The replication path (new_edits: false) runs the same validation.
    const replicated = await http(s.url, 'POST', `${userDbPath('bob')}/_bulk_docs`, users.bob, {
      docs: [{ ...forged, _rev: '1-abcdef' }],
      new_edits: false,
    });
    expect(JSON.stringify(replicated.json)).toMatch(/forbidden/);
    const notStored = await http(
      s.url,
      'GET',
      `${userDbPath('bob')}/${encodeURIComponent(forged._id)}`,
      ADMIN,
    );
    expect(notStored.status).toBe(404);
    const own = await http(
      s.url,
      'PUT',
      `${userDbPath('bob')}/${encodeURIComponent(forged._id)}`,
      users.bob,
      forged,
    );
    expect(own.status).toBe(403);
    expect(own.json).toMatchObject({ error: 'forbidden' });
  });

  it('an annotator cannot write articles or assignments, nor delete an assignment', async () => {
    const article = {
      _id: `sha256:${'b'.repeat(64)}`,
      type: 'article',
      title: 'x',
      text: 'x',
      source: '',
      meta: {},
    };
    refused(
      (await http(s.url, 'PUT', `${articles}/${encodeURIComponent(article._id)}`, users.alice, article))
        .status,
    );
    const assignment = {
      _id: `assign:${article._id}`,
      type: 'assignment',
      doc_id: article._id,
      assigned_at: '',
      assigned_by: 'alice',
    };
    refused(
      (
        await http(
          s.url,
          'PUT',
          `${userDbPath('alice')}/${encodeURIComponent(assignment._id)}`,
          users.alice,
          assignment,
        )
      ).status,
    );
    const existing = await http(
      s.url,
      'GET',
      `${userDbPath('alice')}/${encodeURIComponent(`assign:${docId}`)}`,
      users.alice,
    );
    expect(existing.status).toBe(200);
    const rev = (existing.json as { _rev: string })._rev;
    refused(
      (
        await http(
          s.url,
          'DELETE',
          `${userDbPath('alice')}/${encodeURIComponent(`assign:${docId}`)}?rev=${rev}`,
          users.alice,
        )
      ).status,
    );
    // Articles are readable by every member, and immutable even for a lead.
    const read = await http(s.url, 'GET', `${articles}/${encodeURIComponent(docId)}`, users.bob);
    expect(read.status).toBe(200);
    const changed = { ...(read.json as object), text: 'changed' };
    expect(
      (await http(s.url, 'PUT', `${articles}/${encodeURIComponent(docId)}`, users.lena, changed)).status,
    ).toBe(403);
  });

  it('a lead reads everyone\u2019s spans but cannot write them', async () => {
    const r = await http(s.url, 'GET', `${userDbPath('alice')}/${encodeURIComponent(spanId)}`, users.lena);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ annotator: 'alice', spans: { s1: { label: 'claim' } } });
    expect((await http(s.url, 'GET', `${userDbPath('bob')}/_all_docs`, users.lena)).status).toBe(200);
    const edited = { ...(r.json as object), spans: {} };
    expect(
      (await http(s.url, 'PUT', `${userDbPath('alice')}/${encodeURIComponent(spanId)}`, users.lena, edited))
        .status,
    ).toBe(403);
  });

  it('gold: written by leads only; released to annotators read-only', async () => {
    const g = spanSet(docId, 'gold', {
      g1: { start: 4, end: 12, label: 'claim', note: '', updated_at: 5, by: 'lena' },
    });
    refused((await http(s.url, 'PUT', `${gold}/${encodeURIComponent(g._id)}`, users.alice, g)).status);
    expect((await http(s.url, 'PUT', `${gold}/${encodeURIComponent(g._id)}`, users.lena, g)).status).toBe(
      201,
    );
    refused((await http(s.url, 'GET', `${gold}/${encodeURIComponent(g._id)}`, users.alice)).status);
    await team(s.url, 'release-gold');
    expect((await http(s.url, 'GET', `${gold}/${encodeURIComponent(g._id)}`, users.alice)).status).toBe(200);
    const g2 = spanSet(IDS[1] as string, 'gold');
    expect((await http(s.url, 'PUT', `${gold}/${encodeURIComponent(g2._id)}`, users.alice, g2)).status).toBe(
      403,
    );
    await team(s.url, 'release-gold', '--withdraw');
    refused((await http(s.url, 'GET', `${gold}/${encodeURIComponent(g._id)}`, users.alice)).status);
  });

  it('links: only their author writes them (gold links only a lead), leads read them, bob never', async () => {
    const other = IDS[1] as string;
    const link = {
      relation: 'contradicts',
      from: { start: 4, end: 12 },
      to: { doc_id: other, start: 0, end: 6 },
      note: 'cross-article',
      updated_at: 2000,
      by: 'alice-laptop',
    };
    const path = (user: string) => `${userDbPath(user)}/${encodeURIComponent(spanId)}`;
    const cur = await http(s.url, 'GET', path('alice'), users.alice);
    expect(cur.status).toBe(200);
    const withLink = { ...(cur.json as SpanSetDoc), links: { l1: link } };
    // Bob cannot put a link into alice's set, nor a set carrying her links into his own database.
    refused((await http(s.url, 'PUT', path('alice'), users.bob, withLink)).status);
    const { _rev: _r, ...fresh } = withLink;
    expect((await http(s.url, 'PUT', path('bob'), users.bob, fresh)).status).toBe(403);
    // A lead neither.
    expect((await http(s.url, 'PUT', path('alice'), users.lena, withLink)).status).toBe(403);
    // Alice herself: a malformed link or a set without links is refused, a well-formed one stored.
    for (const bad of [
      { ...withLink, links: { l1: { ...link, relation: 'refutes' } } },
      { ...withLink, links: { l1: { ...link, to: { start: 0, end: 6 } } } },
      { ...withLink, links: { l1: { ...link, from: { start: 5, end: 5 } } } },
      { ...withLink, links: { l1: { relation: 'supports' } } },
      { ...withLink, links: null },
    ])
      expect((await http(s.url, 'PUT', path('alice'), users.alice, bad)).status).toBe(403);
    const ok = await http(s.url, 'PUT', path('alice'), users.alice, withLink);
    expect(ok.status).toBe(201);
    // The lead reads her links; bob gets nothing of them, by any read.
    const lead = await http(s.url, 'GET', path('alice'), users.lena);
    expect(lead.json).toMatchObject({ links: { l1: { relation: 'contradicts', note: 'cross-article' } } });
    for (const p of [
      path('alice'),
      `${userDbPath('alice')}/_all_docs?include_docs=true`,
      `${userDbPath('alice')}/_changes?include_docs=true`,
    ]) {
      const r = await http(s.url, 'GET', p, users.bob);
      refused(r.status);
      expect(JSON.stringify(r.json)).not.toContain('cross-article');
    }
    // Gold links: written by a lead only.
    const g = { ...spanSet(other, 'gold'), links: { g1: { ...link, to: { ...link.to, doc_id: docId } } } };
    const gPath = `${gold}/${encodeURIComponent(g._id)}`;
    refused((await http(s.url, 'PUT', gPath, users.alice, g)).status);
    expect((await http(s.url, 'PUT', gPath, users.lena, g)).status).toBe(201);
  });

  it('the live feed: each user writes only their own entry, which says when and nothing else', async () => {
    const feed = `marginalia_${PROJECT}_feed`;
    const put = (auth: string | null, id: string, doc: Record<string, unknown>) =>
      http(s.url, 'PUT', `${feed}/${encodeURIComponent(id)}`, auth, { _id: id, ...doc });
    const entry = { type: 'feed', at: 1 };
    // `team assign` (the setup) announced alice's assignments in her entry: she writes over it.
    const announced = await http(s.url, 'GET', `${feed}/feed%3Aalice`, users.alice);
    expect(announced.status).toBe(200);
    const _rev = (announced.json as { _rev: string })._rev;
    expect((await put(users.alice, 'feed:alice', { ...entry, _rev })).status).toBe(201);
    // Not in another's name, not with anything but a time (no labels, no ids leak through it).
    expect((await put(users.bob, 'feed:alice', entry)).status).toBe(403);
    expect((await put(users.bob, 'feed:alice2', entry)).status).toBe(403);
    expect((await put(users.bob, 'feed:bob', { ...entry, doc_id: docId })).status).toBe(403);
    expect((await put(users.bob, 'feed:bob', { type: 'feed', at: 'now' })).status).toBe(403);
    expect((await put(users.lena, 'feed:alice', entry)).status).toBe(403);
    refused((await put(null, 'feed:bob', entry)).status);
    // Never deleted by a user; read by anyone in the project, never anonymously.
    const cur = await http(s.url, 'GET', `${feed}/feed%3Aalice`, users.bob);
    expect(cur.status).toBe(200);
    const rev = (cur.json as { _rev: string })._rev;
    expect((await http(s.url, 'DELETE', `${feed}/feed%3Aalice?rev=${rev}`, users.alice)).status).toBe(403);
    refused((await http(s.url, 'GET', `${feed}/_changes`, null)).status);
  });
});

describe('no way around the security objects', () => {
  it('a member cannot rewrite a security object through _local/_security', async () => {
    const body = { security: { admins: { names: ['alice'] }, members: { names: ['alice', 'bob'] } } };
    for (const path of [
      `${articles}/_local/_security`,
      `${articles}/_local%2F_security`,
      `${userDbPath('alice')}/_local/_security`,
    ])
      expect((await http(s.url, 'PUT', path, users.alice, body)).status).toBe(403);
    const bulk = { docs: [{ _id: '_local/_security', security: {} }] };
    expect((await http(s.url, 'POST', `${userDbPath('alice')}/_bulk_docs`, users.alice, bulk)).status).toBe(
      403,
    );
    refused((await http(s.url, 'GET', `${userDbPath('alice')}/_all_docs`, users.bob)).status);
  });

  it('a user cannot give themselves roles, create databases or list them; the server survives it', async () => {
    const me = await http(s.url, 'GET', '_users/org.couchdb.user:alice', users.alice);
    expect(me.status).toBe(200);
    const escalated = { ...(me.json as object), roles: [`marginalia_${PROJECT}_lead`], password: 'apw' };
    expect((await http(s.url, 'PUT', '_users/org.couchdb.user:alice', users.alice, escalated)).status).toBe(
      401,
    );
    refused((await http(s.url, 'GET', `${userDbPath('bob')}/_all_docs`, users.alice)).status);
    expect((await http(s.url, 'PUT', 'anotherdb', users.alice)).status).toBe(401);
    expect((await http(s.url, 'GET', '_all_dbs', users.alice)).status).toBe(401);
    expect((await http(s.url, 'GET', '_all_dbs', ADMIN)).status).toBe(200);
  });

  it('a _session cookie carries the same rights as the password', async () => {
    const login = await fetch(`${s.url}/_session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'bob', password: 'bpw' }),
    });
    expect(login.status).toBe(200);
    const cookie = /AuthSession=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0] as string;
    expect(cookie).toBeTruthy();
    const mine = await http(s.url, 'GET', `${userDbPath('bob')}/_all_docs`, null, undefined, {
      Cookie: cookie,
    });
    expect(mine.status).toBe(200);
    const theirs = await http(s.url, 'GET', `${userDbPath('alice')}/_all_docs`, null, undefined, {
      Cookie: cookie,
    });
    refused(theirs.status);
  });

  it('CORS answers the app\u2019s origins with credentials and refuses others', async () => {
    const pre = (origin: string) =>
      fetch(`${s.url}/${userDbPath('alice')}`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'GET' },
      });
    for (const origin of ['app://marginalia', 'http://127.0.0.1:4173']) {
      const r = await pre(origin);
      expect(r.status).toBe(204);
      expect(r.headers.get('access-control-allow-origin')).toBe(origin);
      expect(r.headers.get('access-control-allow-credentials')).toBe('true');
    }
    expect((await pre('http://evil.example')).status).toBe(403);
  });
});
