import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  type EncryptionFacts,
  type Encryptor,
  KeptSignIn,
  type SignInFetch,
} from '../../../electron/team-sign-in';
import type { SyncState } from '../../../renderer/src/core/sync/team-config';
import type { SpanSetDoc } from '../../../renderer/src/core/sync/span-set';
import { userDb } from '../../../renderer/src/core/sync/project-layout';
import type { FetchLike } from '../../../renderer/src/couch/http';
import { MarginaliaDb } from '../../../renderer/src/db/database';
import { applyAnnotationCommand } from '../../../renderer/src/db/repositories/annotations';
import { signIn, teamClient } from '../../../renderer/src/session/sync/connect';
import type { SignInAgain } from '../../../renderer/src/session/sync/re-sign-in';
import { SyncService } from '../../../renderer/src/session/sync/sync-service';
import { IDS, PROJECT, projectServer, until } from './project-fixture';
import { ADMIN, http } from './server-process';

// Issue 15: on a 401 the desktop signs in again from main with the password the OS keeps, and the
// sync retries. Everything here runs against a real `marginalia server`. One cookie jar is shared by
// the page's requests and main's sign-in, as Electron's default session is shared by the page's
// fetch and main's net.fetch; Node's fetch stands where main passes net.fetch. safeStorage itself
// exists only in Electron (tests/electron/team-sign-in.spec.ts): here AES-GCM with a key held in
// memory stands in for the OS encryption.

const server = projectServer();
let n = 0;

/** A cookie jar around Node's fetch: what the browser session keeps for the page and for main. */
function sessionJar() {
  let cookie: string | null = null;
  // The server renews the cookie on answers: one to a request sent before the session ended (an
  // open long-poll) must not bring the old session back.
  let generation = 0;
  const fetchJar = async (
    url: string,
    init: { headers: Record<string, string> } & Record<string, unknown>,
  ) => {
    const sentIn = generation;
    const headers = { ...init.headers, ...(cookie ? { Cookie: cookie } : {}) };
    const res = await fetch(url, { ...init, headers } as RequestInit);
    const m = /(?:^|[,\s])AuthSession=([^;]*)/.exec(res.headers.get('set-cookie') ?? '');
    if (m && sentIn === generation) cookie = m[1] ? `AuthSession=${m[1]}` : null;
    return res;
  };
  return {
    page: fetchJar as unknown as FetchLike,
    main: fetchJar as unknown as SignInFetch,
    /** The session ended: the cookie's Max-Age passed (or the server's secret changed). */
    expire: () => {
      cookie = null;
      generation++;
    },
  };
}

function memoryEncryptor(): Encryptor {
  const key = randomBytes(32);
  return {
    async encrypt(text) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(text, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    async decrypt(bytes) {
      const b = Buffer.from(bytes);
      const d = createDecipheriv('aes-256-gcm', key, b.subarray(0, 12));
      d.setAuthTag(b.subarray(12, 28));
      return Buffer.concat([d.update(b.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

const KEYRING: EncryptionFacts = { platform: 'linux', available: true, linuxBackend: 'gnome_libsecret' };

function keptFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'kept-')), 'team-sign-in.json');
}

/** alice's password kept for `serverUrl`, signing in with Node's fetch (no shared jar needed). */
async function keptFor(serverUrl: string) {
  const file = keptFile();
  const kept = new KeptSignIn(file, async () => KEYRING, memoryEncryptor(), fetch as unknown as SignInFetch);
  await kept.remember({ serverUrl, user: 'alice', password: 'apw' });
  return { file, kept };
}

async function serverSpans(docId: string): Promise<string[]> {
  const r = await http(
    server().url,
    'GET',
    `${userDb(PROJECT, 'alice')}/${encodeURIComponent(`spans:${docId}`)}`,
    ADMIN,
  );
  return r.status === 200 ? Object.keys((r.json as SpanSetDoc).spans).sort() : [];
}

/** Alice connected through `jar`, her sync service given `signInAgain`. */
async function aliceSyncing(jar: ReturnType<typeof sessionJar>, again?: SignInAgain) {
  const db = new MarginaliaDb(`resign-${process.pid}-${n++}`);
  await db.open();
  const client = teamClient(server().url, jar.page);
  const signed = await signIn(
    client,
    { serverUrl: server().url, project: PROJECT, user: 'alice', password: 'apw' },
    'test',
  );
  if (!signed.ok) throw new Error(signed.error);
  const states: SyncState[] = [];
  let ids = 0;
  const service = new SyncService({
    db,
    client,
    config: signed.value,
    replica: `r${n}`,
    newId: () => `r${n}-${ids++}`,
    longpollMs: 1_000,
    ...(again ? { signInAgain: again } : {}),
  });
  service.subscribe((st) => states.push(st));
  service.start();
  await until('Synced', () => service.current.kind === 'synced', 30_000);
  const label = (docId: string, id: string, start: number, end: number) =>
    applyAnnotationCommand(db, docId, 'alice', {
      kind: 'create',
      span: { id, start, end, label: 'claim', note: '' },
    });
  return { db, service, states, label };
}

describe('the sync service on a 401', () => {
  it('signs in again with the kept password, retries, and the label reaches the server', async () => {
    const jar = sessionJar();
    const kept = new KeptSignIn(keptFile(), async () => KEYRING, memoryEncryptor(), jar.main);
    expect(await kept.remember({ serverUrl: server().url, user: 'alice', password: 'apw' })).toEqual({
      stored: true,
    });
    let calls = 0;
    const a = await aliceSyncing(jar, async () => {
      calls++;
      return kept.signInAgain();
    });
    const docId = IDS[0] as string;
    jar.expire();
    // Unauthenticated now: the server answers 401 to the push of this label.
    expect((await http(server().url, 'GET', userDb(PROJECT, 'alice'), null)).status).toBe(401);
    await a.label(docId, 'after-expiry', 0, 3);
    await until('pushed after signing in again', async () =>
      (await serverSpans(docId)).includes('after-expiry'),
    );
    await until('Synced', () => a.service.current.kind === 'synced');
    expect(calls).toBe(1);
    // Never shown as an error: the retry came straight after the sign-in.
    expect(a.states.some((st) => st.kind === 'error')).toBe(false);
    a.service.stop();
  }, 60_000);

  it('a refused sign-in is shown once, not repeated at every retry, and the password is forgotten', async () => {
    const jar = sessionJar();
    const file = keptFile();
    const kept = new KeptSignIn(file, async () => KEYRING, memoryEncryptor(), jar.main);
    // The password changed on the server since it was kept.
    await kept.remember({ serverUrl: server().url, user: 'alice', password: 'an old password' });
    let calls = 0;
    const a = await aliceSyncing(jar, async () => {
      calls++;
      return kept.signInAgain();
    });
    jar.expire();
    await a.label(IDS[1] as string, 'refused', 0, 3);
    await until('error shown', () => a.service.current.kind === 'error');
    expect(a.service.current).toEqual({
      kind: 'error',
      message: `the server at ${server().url} no longer accepts the saved password for alice: sign in again in Settings → Team.`,
    });
    expect(existsSync(file)).toBe(false);
    await new Promise((r) => setTimeout(r, 2_500)); // back-off retries: 0.5 s, 1 s
    expect(calls).toBe(1);
    expect(a.service.current.kind).toBe('error');
    a.service.stop();
  }, 60_000);

  it('without a kept password (the web) says to sign in again in Settings', async () => {
    const jar = sessionJar();
    const a = await aliceSyncing(jar, async () => ({
      signedIn: false,
      reason: 'you are signed out. Sign in again in Settings → Team.',
    }));
    jar.expire();
    await a.label(IDS[2] as string, 'web', 0, 3);
    await until('error shown', () => a.service.current.kind === 'error');
    expect(a.service.current).toEqual({
      kind: 'error',
      message: 'you are signed out. Sign in again in Settings → Team.',
    });
    a.service.stop();
  }, 60_000);
});

describe('the kept sign-in (main process, electron/team-sign-in.ts)', () => {
  it('keeps only ciphertext, owner-only, and signs in at the server it was given for', async () => {
    const jar = sessionJar();
    const file = keptFile();
    const kept = new KeptSignIn(file, async () => KEYRING, memoryEncryptor(), jar.main);
    await kept.remember({ serverUrl: server().url, user: 'alice', password: 'apw' });
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('apw');
    expect(JSON.parse(text)).toMatchObject({ version: 1, serverUrl: server().url, user: 'alice' });
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await kept.signInAgain()).toEqual({ signedIn: true, serverUrl: server().url, user: 'alice' });
    // The jar now holds alice's session: her database answers.
    const client = teamClient(server().url, jar.page);
    expect((await client.info(userDb(PROJECT, 'alice'))).ok).toBe(true);
  }, 30_000);

  it('Disconnect forgets it: nothing left to sign in with', async () => {
    const jar = sessionJar();
    const file = keptFile();
    const kept = new KeptSignIn(file, async () => KEYRING, memoryEncryptor(), jar.main);
    await kept.remember({ serverUrl: server().url, user: 'alice', password: 'apw' });
    await kept.forget();
    expect(existsSync(file)).toBe(false);
    expect(await kept.signInAgain()).toEqual({
      signedIn: false,
      reason: 'no password is saved on this computer: sign in again in Settings → Team.',
    });
    await kept.forget(); // twice is fine
  });

  it('keeps nothing where the OS offers no real encryption (Linux without a keyring), and drops an older file', async () => {
    const jar = sessionJar();
    const file = keptFile();
    let facts: EncryptionFacts = KEYRING;
    const kept = new KeptSignIn(file, async () => facts, memoryEncryptor(), jar.main);
    await kept.remember({ serverUrl: server().url, user: 'alice', password: 'apw' });
    facts = { platform: 'linux', available: true, linuxBackend: 'basic_text' };
    const r = await kept.remember({ serverUrl: server().url, user: 'alice', password: 'apw' });
    expect(r).toMatchObject({ stored: false });
    expect(r.stored === false && r.reason).toMatch(/No keyring .* not kept/);
    expect(existsSync(file)).toBe(false);
  });

  it('an unreachable server is a reason to retry, and the password is kept', async () => {
    const { file, kept } = await keptFor('http://127.0.0.1:9');
    expect(await kept.signInAgain()).toEqual({
      signedIn: false,
      reason: 'cannot reach the server at http://127.0.0.1:9 to sign in again. It will be retried.',
    });
    expect(existsSync(file)).toBe(true);
  });

  it('a file edited to point elsewhere (plain HTTP to another machine) is not used', async () => {
    const { file, kept } = await keptFor(server().url);
    const j = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...j, serverUrl: 'http://evil.example.org' }));
    expect(await kept.signInAgain()).toMatchObject({ signedIn: false });
  });
});
