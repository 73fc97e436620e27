import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articlesJsonl, conn, IDS, PROJECT, spanSet, team, userDbPath, users } from './project-fixture';
import { LAYOUT_VERSION } from '../../../renderer/src/core/sync/project-layout';
import { ADMIN, cli, http, marginalia, startServer, type RunningServer } from './server-process';

let s: RunningServer;
let dir: string;

beforeAll(async () => {
  s = await startServer();
  dir = mkdtempSync(join(tmpdir(), 'marginalia-team-cli-'));
  writeFileSync(join(dir, 'articles.jsonl'), articlesJsonl());
  writeFileSync(join(dir, 'bad.jsonl'), `${JSON.stringify({ text: 'fine' })}\n{"text": 3}\n`);
}, 60_000);

afterAll(async () => {
  expect(await s.stop()).toBe(0);
});

const put = (user: keyof typeof users, doc: { _id: string }) =>
  http(s.url, 'PUT', `${userDbPath(user)}/${encodeURIComponent(doc._id)}`, users[user], doc);

describe('marginalia team, from an empty server to an export', () => {
  it('init creates the project and is idempotent', async () => {
    expect((await team(s.url, 'init')).stdout.trim()).toBe(`Created project "${PROJECT}" on ${s.url}.`);
    expect((await team(s.url, 'init')).stdout).toMatch(
      /is ready \(it existed; its databases, security and validation are up to date\)/,
    );
  });

  it('add-user adds annotators and a lead; again, it updates', async () => {
    expect(
      (
        await team(s.url, 'add-user', '--user', 'alice', '--password', 'apw', '--role', 'annotator')
      ).stdout.trim(),
    ).toBe(`Added annotator "alice" in project "${PROJECT}".`);
    await team(s.url, 'add-user', '--user', 'bob', '--password', 'bpw', '--role', 'annotator');
    await team(s.url, 'add-user', '--user', 'lena', '--password', 'old', '--role', 'lead');
    expect(
      (await team(s.url, 'add-user', '--user', 'lena', '--password', 'lpw', '--role', 'lead')).stdout.trim(),
    ).toBe(`Updated lead "lena" in project "${PROJECT}".`);
    const bad = marginalia([
      'team',
      'add-user',
      ...conn(s.url),
      '--user',
      'Alice Smith',
      '--password',
      'x',
      '--role',
      'annotator',
    ]);
    expect(bad.status).toBe(64);
  });

  it('init run again on an older project brings its user databases to this layout (links checked)', async () => {
    const db = userDbPath('alice');
    const design = await http(s.url, 'GET', `${db}/_design/marginalia`, ADMIN);
    const old = design.json as { validate_doc_update: string; marginalia_layout: number };
    expect(old.marginalia_layout).toBe(LAYOUT_VERSION);
    // What layout 1 stored: no check of links.
    const v1 = old.validate_doc_update.slice(0, old.validate_doc_update.indexOf('  function extent')) + '}';
    expect(
      (
        await http(s.url, 'PUT', `${db}/_design/marginalia`, ADMIN, {
          ...old,
          validate_doc_update: v1,
          marginalia_layout: 1,
        })
      ).status,
    ).toBe(201);
    const project = await http(s.url, 'GET', `marginalia_${PROJECT}/project`, ADMIN);
    await http(s.url, 'PUT', `marginalia_${PROJECT}/project`, ADMIN, {
      ...(project.json as object),
      layout: 1,
    });
    const bad = {
      ...spanSet(IDS[2] as string, 'alice'),
      links: { l1: { relation: 'refutes', updated_at: 1, by: 'x' } },
    };
    expect((await put('alice', bad)).status).toBe(201);
    await team(s.url, 'init');
    const now = await http(s.url, 'GET', `${db}/_design/marginalia`, ADMIN);
    expect(now.json).toMatchObject({ marginalia_layout: LAYOUT_VERSION });
    const again = await http(s.url, 'GET', `${db}/${encodeURIComponent(bad._id)}`, ADMIN);
    const rev = (again.json as { _rev: string })._rev;
    const rewritten = { ...bad, _rev: rev };
    expect((await put('alice', rewritten)).status).toBe(403);
    // Leave the project as the later steps expect it (a server admin may delete a set).
    const del = await http(s.url, 'DELETE', `${db}/${encodeURIComponent(bad._id)}?rev=${rev}`, ADMIN);
    expect(del.status).toBe(200);
  });

  it('add-articles is all-or-nothing with the import report, and adds only what is missing', async () => {
    const bad = marginalia([
      'team',
      'add-articles',
      ...conn(s.url),
      join(dir, 'articles.jsonl'),
      join(dir, 'bad.jsonl'),
    ]);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toMatch(/ERROR .*bad\.jsonl.*nothing would be imported/);
    expect(bad.stderr.trim()).toBe('Nothing was added: fix the files above and run the command again.');
    const all = await http(s.url, 'GET', `marginalia_${PROJECT}_articles/_all_docs`, ADMIN);
    expect((all.json as { rows: unknown[] }).rows).toHaveLength(1); // the design document only
    const ok = await team(s.url, 'add-articles', join(dir, 'articles.jsonl'));
    expect(ok.stdout).toMatch(/OK +.*articles\.jsonl \(articles\): would import 3 document\(s\)/);
    expect(ok.stdout).toMatch(/Added 3 article\(s\) to project "demo" \(0 already there\)\./);
    expect((await team(s.url, 'add-articles', join(dir, 'articles.jsonl'))).stdout).toMatch(
      /Added 0 article\(s\) .*\(3 already there\)/,
    );
  });

  it('assign: --all, --count (fewest annotators first) and --docs; unknown ids assign nothing', async () => {
    expect((await team(s.url, 'assign', '--user', 'alice', '--count', '2')).stdout.trim()).toBe(
      'Assigned 2 article(s) to "alice".',
    );
    // bob's two go first to the article nobody has, then to one of alice's.
    expect((await team(s.url, 'assign', '--user', 'bob', '--count', '2')).stdout.trim()).toBe(
      'Assigned 2 article(s) to "bob".',
    );
    const unknown = marginalia([
      'team',
      'assign',
      ...conn(s.url),
      '--user',
      'alice',
      '--docs',
      `${IDS[2]},sha256:nope`,
    ]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr.trim()).toBe(
      `No article in project "${PROJECT}" has the id sha256:nope; nothing was assigned.`,
    );
    expect((await team(s.url, 'assign', '--user', 'alice', '--all')).stdout.trim()).toBe(
      'Assigned 1 article(s) to "alice".',
    );
    expect((await team(s.url, 'assign', '--user', 'alice', '--docs', IDS[0] as string)).stdout.trim()).toBe(
      'Assigned 0 article(s) to "alice" (1 were already theirs).',
    );
    expect(
      (await cli(['team', 'assign', ...conn(s.url), '--user', 'alice', '--all', '--count', '2'])).status,
    ).toBe(64);
    const stranger = await cli(['team', 'assign', ...conn(s.url), '--user', 'zoe', '--all']);
    expect(stranger.status).toBe(2);
    expect(stranger.stderr.trim()).toBe(
      `"zoe" is not a user of project "${PROJECT}": add them with "marginalia team add-user".`,
    );
  });

  it('status counts what annotators wrote, per annotator, as text and JSON', async () => {
    const span = (start: number, end: number, label: 'claim' | 'quote', by: string) => ({
      start,
      end,
      label,
      note: '',
      updated_at: 2000,
      by,
    });
    const a0 = spanSet(IDS[0] as string, 'alice', {
      s1: span(4, 12, 'claim', 'a'),
      s2: span(13, 17, 'quote', 'a'),
    });
    const a1 = {
      ...spanSet(IDS[1] as string, 'alice', { s3: span(0, 6, 'claim', 'a') }),
      status: { value: 'done' as const, updated_at: 2000, by: 'a' },
    };
    const b0 = spanSet(IDS[0] as string, 'bob', {
      t1: span(4, 12, 'claim', 'b'),
      t2: { deleted: true, updated_at: 2100, by: 'b' } as never,
    });
    for (const [u, d] of [
      ['alice', a0],
      ['alice', a1],
      ['bob', b0],
    ] as const)
      expect((await put(u, d)).status).toBe(201);
    expect(
      (
        await put('alice', {
          _id: 'device:laptop',
          type: 'device',
          last_sync_at: '2026-12-04T10:00:00.000Z',
        } as never)
      ).status,
    ).toBe(201);
    const json = JSON.parse((await team(s.url, 'status', '--format', 'json')).stdout);
    expect(json).toEqual({
      project: PROJECT,
      server: s.url,
      articles: 3,
      users: [
        {
          name: 'alice',
          role: 'annotator',
          assigned: 3,
          in_progress: 1,
          done: 1,
          spans: 3,
          last_sync: '2026-12-04T10:00:00.000Z',
        },
        { name: 'bob', role: 'annotator', assigned: 2, in_progress: 1, done: 0, spans: 1, last_sync: null },
        { name: 'lena', role: 'lead', assigned: 0, in_progress: 0, done: 0, spans: 0, last_sync: null },
      ],
      gold: { documents: 0, spans: 0 },
    });
    const text = (await team(s.url, 'status')).stdout;
    expect(text).toContain('user   role       assigned  in progress  done  spans  last sync');
    expect(text).toContain('bob    annotator  2         1            0     1      never');
  });

  it('export writes every annotator\u2019s and gold\u2019s spans as native JSONL that agreement reads', async () => {
    const g = spanSet(IDS[0] as string, 'gold', {
      g1: { start: 4, end: 12, label: 'claim', note: '', updated_at: 5, by: 'lena' },
    });
    expect(
      (await http(s.url, 'PUT', `marginalia_${PROJECT}_gold/${encodeURIComponent(g._id)}`, users.lena, g))
        .status,
    ).toBe(201);
    const out = join(dir, 'export.jsonl');
    expect((await team(s.url, 'export', '--out', out)).stdout.trim()).toBe(
      `Wrote 4 record(s) (2 document(s), 3 annotator(s) including gold) to ${out}.`,
    );
    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.doc_id, l.annotator, l.spans.length])).toEqual(
      [
        [IDS[0], 'alice', 2],
        [IDS[0], 'bob', 1],
        [IDS[0], 'gold', 1],
        [IDS[1], 'alice', 1],
      ].sort((a, b) => (`${a[0]}\u0000${a[1]}` < `${b[0]}\u0000${b[1]}` ? -1 : 1)),
    );
    expect(lines.find((l) => l.annotator === 'bob').spans[0]).toMatchObject({
      start: 4,
      end: 12,
      label: 'claim',
      text: 'minister',
    });
    const stdout = await cli(['team', 'export', ...conn(s.url)]);
    expect(stdout.stdout).toBe(readFileSync(out, 'utf8'));
    const agreement = await cli(['agreement', out, '--format', 'json']);
    expect(agreement.status).toBe(0);
    expect(JSON.parse(agreement.stdout).annotators).toEqual(expect.arrayContaining(['alice', 'bob', 'gold']));
  });
});

describe('marginalia team failures: one sentence, exit 2', () => {
  it('wrong credentials', async () => {
    const r = marginalia([
      'team',
      'status',
      '--server',
      s.url,
      '--admin',
      'admin:wrong',
      '--project',
      PROJECT,
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^The server at http:\/\/127\.0\.0\.1:\d+ refused the name or password/);
  });

  it('a user who is not the server admin', async () => {
    const r = await cli(['team', 'status', '--server', s.url, '--admin', users.alice, '--project', PROJECT]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(
      `"alice" is not a server admin on ${s.url}; team commands need the server admin.`,
    );
  });

  it('an unreachable server', async () => {
    const gone = await startServer();
    const url = gone.url;
    await gone.stop();
    const r = await cli(['team', 'status', '--server', url, '--admin', ADMIN, '--project', PROJECT]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(
      `Cannot reach the server at ${url} (ECONNREFUSED): is it running, and is the address right?`,
    );
  });

  it('a project that does not exist', async () => {
    for (const sub of ['status', 'export', 'assign', 'add-user', 'release-gold']) {
      const extra =
        sub === 'assign'
          ? ['--user', 'alice', '--all']
          : sub === 'add-user'
            ? ['--user', 'x', '--password', 'p', '--role', 'lead']
            : [];
      const r = await cli(['team', sub, '--server', s.url, '--admin', ADMIN, '--project', 'nope', ...extra]);
      expect(r.status, sub).toBe(2);
      expect(r.stderr.trim()).toBe(
        `There is no project "nope" on ${s.url}: create it with "marginalia team init".`,
      );
    }
  });

  it('misuse exits 64 with the usage', async () => {
    expect((await cli(['team'])).status).toBe(64);
    expect((await cli(['team', 'frobnicate', ...conn(s.url)])).status).toBe(64);
    expect(
      (await cli(['team', 'status', '--server', 'not a url', '--admin', ADMIN, '--project', PROJECT])).status,
    ).toBe(64);
    expect((await cli(['team', 'status', ...conn(s.url), '--format', 'xml'])).status).toBe(64);
  });
});
