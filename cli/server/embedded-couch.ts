import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { devNull } from 'node:os';
import { join, resolve } from 'node:path';
import { cors, guard, type GuardOptions, type Next } from './guards';

// The stand-in is CommonJS without types; only what is used here is declared.
const require = createRequire(import.meta.url);

interface PouchDbInstance {
  close(): Promise<void>;
}
interface PouchDbClass {
  plugin(p: unknown): PouchDbClass;
  defaults(o: Record<string, unknown>): PouchDbClass;
  __dbCacheMap?: { forEach(f: (db: PouchDbInstance) => void): void };
}
interface CouchConfig {
  registerDefault(section: string, key: string, value: unknown): void;
}
type Handler = (req: unknown, res: unknown, next: Next) => void;
interface ExpressApp extends Handler {
  use(...h: unknown[]): ExpressApp;
  disable(s: string): void;
  listen(port: number, host: string, cb: () => void): Server;
}
interface PouchApp extends Handler {
  couchConfig: CouchConfig;
  setPouchDB(p: PouchDbClass): Promise<void>;
}
type ExpressModule = (() => ExpressApp) & { json(o: Record<string, unknown>): Handler };

export interface EmbeddedCouchOptions extends GuardOptions {
  /** Folder for the databases (LevelDB); null keeps everything in memory. */
  readonly dataDir: string | null;
}

export interface EmbeddedCouch {
  readonly app: ExpressApp;
  /** Closes every open database (LevelDB flushes on close). */
  closeDatabases(): Promise<void>;
}

/** CouchDB's `[admins]` entry: PBKDF2-SHA1, 20 bytes, as CouchDB and pouchdb-auth hash it. */
function hashAdminPassword(password: string): string {
  const salt = randomBytes(16).toString('hex');
  const iterations = 10;
  const key = pbkdf2Sync(password, salt, iterations, 20, 'sha1').toString('hex');
  return `-pbkdf2-${key},${salt},${iterations}`;
}

/**
 * The cookie secret is kept with the data, so sessions survive a restart as on CouchDB (whose
 * `[chttpd_auth] secret` lives in its ini files); an in-memory server gets a new one each start.
 */
function cookieSecret(dataDir: string | null): string {
  if (dataDir === null) return randomBytes(16).toString('hex');
  const file = join(dataDir, 'marginalia-server.json');
  if (existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { secret?: unknown };
    if (typeof saved.secret === 'string' && saved.secret !== '') return saved.secret;
  }
  const secret = randomBytes(16).toString('hex');
  writeFileSync(`${file}.tmp`, `${JSON.stringify({ secret })}\n`);
  renameSync(`${file}.tmp`, file);
  return secret;
}

const SESSION_TIMEOUT_S = 7 * 24 * 3600;

interface CookieResponse {
  cookie(name: string, value: string, options?: Record<string, unknown>): unknown;
}

/**
 * The session cookie outlives a browser restart, as CouchDB 3.x's with `allow_persistent_cookies`
 * (its default): the stand-in sets a browser-session cookie at sign-in, and its own persistent
 * option reads the timeout in seconds as Express's milliseconds. A killed browser relaunched on the
 * same profile is then still signed in. Clearing (sign-out, an empty value) is left as it is.
 */
function persistentSessionCookie(_req: unknown, res: CookieResponse, next: Next): void {
  const set = res.cookie.bind(res);
  res.cookie = (name, value, options = {}) =>
    name === 'AuthSession' && value !== ''
      ? set(name, value, { ...options, maxAge: SESSION_TIMEOUT_S * 1000 })
      : set(name, value, options);
  next();
}

/**
 * express-pouchdb 4.2.0 over PouchDB 7 (LevelDB on disk, MemDOWN in memory), with the corrections
 * of ./guards.ts in front. Only the CouchDB API the project uses is switched on: no Fauxton, no
 * server-side replicator, no `_config` over HTTP (the admin comes from the command line).
 */
export async function createEmbeddedCouch(opts: EmbeddedCouchOptions): Promise<EmbeddedCouch> {
  const express = require('express') as ExpressModule;
  const expressPouchDb = require('express-pouchdb') as (o: Record<string, unknown>) => PouchApp;
  // Replication and map/reduce are not served, but the stand-in's security wrappers and the
  // `_users` design document need the methods to exist.
  let PouchDB = (require('pouchdb-core') as PouchDbClass)
    .plugin(require('pouchdb-replication'))
    .plugin(require('pouchdb-mapreduce'));
  let prefix: Record<string, unknown> = {};
  if (opts.dataDir === null) {
    PouchDB = PouchDB.plugin(require('pouchdb-adapter-memory'));
  } else {
    const dir = resolve(opts.dataDir);
    mkdirSync(dir, { recursive: true });
    PouchDB = PouchDB.plugin(require('pouchdb-adapter-leveldb'));
    prefix = { prefix: `${dir}/` };
  }
  const secret = cookieSecret(opts.dataDir === null ? null : resolve(opts.dataDir));
  const ThisPouchDB = PouchDB.defaults(prefix);
  const pouchApp = expressPouchDb({
    inMemoryConfig: true,
    logPath: opts.dataDir === null ? devNull : join(resolve(opts.dataDir), 'log.txt'),
    mode: 'fullCouchDB',
    overrideMode: {
      exclude: [
        'routes/fauxton',
        'routes/replicate',
        'replicator',
        'routes/active-tasks',
        'routes/config',
        'routes/log',
        'routes/db-updates',
        'routes/special-test-auth',
      ],
    },
  });
  // Defaults, not set(): each set() re-initialises the users database, and the stand-in then
  // installs its wrappers twice and crashes.
  const config = pouchApp.couchConfig;
  config.registerDefault('admins', opts.admin.name, hashAdminPassword(opts.admin.password));
  // The stand-in reads these from the pre-2.0 section name (`couch_httpd_auth`), not `chttpd_auth`.
  config.registerDefault('couch_httpd_auth', 'secret', secret);
  // A week, so an annotator offline over a weekend keeps the session; CouchDB's default is 600 s.
  config.registerDefault('couch_httpd_auth', 'timeout', SESSION_TIMEOUT_S);
  // Per request here; ./guards.ts checks CouchDB's 8 MB per document.
  config.registerDefault('couchdb', 'max_document_size', 64 * 1024 * 1024);
  await pouchApp.setPouchDB(ThisPouchDB);

  const app = express();
  app.disable('x-powered-by');
  app.use(cors(opts));
  app.use(persistentSessionCookie);
  app.use(express.json({ limit: '64mb', type: ['application/json'] }));
  app.use(guard(opts));
  app.use(pouchApp);
  return {
    app,
    async closeDatabases() {
      const open: PouchDbInstance[] = [];
      ThisPouchDB.__dbCacheMap?.forEach((db) => open.push(db));
      await Promise.allSettled(open.map((db) => db.close()));
    },
  };
}
