import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN, http, marginalia, startServer } from './server-process';

describe('marginalia server', () => {
  it('prints "Listening on" once it serves, refuses anonymous requests, and stops on SIGTERM with exit 0', async () => {
    const s = await startServer();
    expect(s.output()).toMatch(/^Listening on http:\/\/127\.0\.0\.1:\d+\n/);
    expect((await http(s.url, 'GET', '_all_dbs', ADMIN)).json).toEqual(['_users']);
    expect((await http(s.url, 'GET', '', null)).status).toBe(401);
    expect(await s.stop('SIGTERM')).toBe(0);
  });

  it('stops on SIGINT with exit 0', async () => {
    const s = await startServer();
    expect(await s.stop('SIGINT')).toBe(0);
  });

  it('with --data keeps databases, documents and users across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'marginalia-server-'));
    const a = await startServer(['--data', dir]);
    expect((await http(a.url, 'PUT', 'kept', ADMIN)).status).toBe(201);
    expect((await http(a.url, 'PUT', 'kept/doc1', ADMIN, { n: 1 })).status).toBe(201);
    const user = { name: 'carol', password: 'pw', roles: [], type: 'user' };
    expect((await http(a.url, 'PUT', '_users/org.couchdb.user:carol', ADMIN, user)).status).toBe(201);
    // A session cookie from before the restart still signs carol in after it (the secret is kept in
    // --data), and it is persistent for the session timeout (a week), so a browser restart keeps it.
    const login = await http(a.url, 'POST', '_session', null, { name: 'carol', password: 'pw' });
    const setCookie = login.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^AuthSession=[^;]+;.*Max-Age=604800/);
    const cookie = setCookie.split(';')[0] as string;
    expect(await a.stop()).toBe(0);
    const b = await startServer(['--data', dir]);
    expect((await http(b.url, 'GET', 'kept/doc1', ADMIN)).json).toMatchObject({ _id: 'doc1', n: 1 });
    expect((await http(b.url, 'GET', '_session', 'carol:pw')).json).toMatchObject({
      userCtx: { name: 'carol' },
    });
    expect((await http(b.url, 'GET', '_session', null, undefined, { Cookie: cookie })).json).toMatchObject({
      userCtx: { name: 'carol' },
    });
    expect(await b.stop()).toBe(0);
  });

  it('misuse exits 64 with the usage; a taken port exits 2 with one sentence', async () => {
    const r = marginalia(['server', '--port', '0']);
    expect(r.status).toBe(64);
    expect(r.stderr).toMatch(/--admin NAME:PASSWORD is required\./);
    expect(marginalia(['server', '--admin', ADMIN, '--data', '/tmp/x', '--in-memory']).status).toBe(64);
    const s = await startServer();
    const port = new URL(s.url).port;
    const taken = marginalia(['server', '--admin', ADMIN, '--port', port]);
    expect(taken.status).toBe(2);
    expect(taken.stderr.trim()).toBe(
      `Port ${port} on 127.0.0.1 is already in use: choose another with --port.`,
    );
    expect(await s.stop()).toBe(0);
  });
});
