import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * What express-pouchdb 4.2.0 gets wrong against Apache CouchDB 3.x, corrected in front of it
 * (docs/team.md, "The embedded server"). Each rule was found by a raw HTTP probe of the stand-in:
 *
 * - any database member could rewrite the security object through `PUT /db/_local/_security`
 *   (the stand-in stores it there) and so make itself a reader or admin of any database;
 * - a user could `PUT` their own `_users` document with new roles (the stand-in makes a user an
 *   admin for requests on their own user document), e.g. make themselves a lead;
 * - a non-admin `PUT /newdb` crashed the whole process;
 * - `_all_dbs` listed every database to anyone (CouchDB 3.x: admins only);
 * - `_bulk_get`, `_find`, `_explain`, `_index`, and a design document's show, list, update,
 *   rewrite and info handlers run without the caller's identity, so they answered a non-member
 *   with another user's documents (`_bulk_get` of alice's span sets by bob returned them);
 * - there is no `require_valid_user` and no CORS.
 *
 * The stand-in cannot tell us who a cookie belongs to before its own routes run, so the server-admin
 * operations (creating and deleting databases, writing `_users`, `_all_dbs`) need HTTP Basic
 * credentials of the admin named on the command line — what the CLI sends — and everyone else is
 * served only an allow-list of endpoints that the stand-in checks against the database's security
 * object (USER_ENDPOINTS). The rest is left to its security objects and validate_doc_update.
 */
export interface GuardOptions {
  readonly admin: { readonly name: string; readonly password: string };
  /** Origins allowed to call with credentials (the desktop app and the web build). */
  readonly corsOrigins: readonly string[];
}

export type Next = (err?: unknown) => void;
type Req = IncomingMessage & { body?: unknown; _body?: boolean };

function send(res: ServerResponse, status: number, error: string, reason: string): void {
  const body = JSON.stringify({ error, reason });
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

const equalSecret = (a: string, b: string): boolean => {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
};

/** True when the request carries HTTP Basic credentials of the server admin. */
export function isServerAdmin(req: IncomingMessage, admin: GuardOptions['admin']): boolean {
  const h = req.headers.authorization;
  if (!h || !/^basic /i.test(h)) return false;
  const decoded = Buffer.from(h.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return false;
  return (
    equalSecret(decoded.slice(0, colon), admin.name) && equalSecret(decoded.slice(colon + 1), admin.password)
  );
}

const hasCredentials = (req: IncomingMessage): boolean =>
  Boolean(req.headers.authorization) || /(?:^|;\s*)AuthSession=[^;]+/.test(req.headers.cookie ?? '');

/** Path segments, percent-decoded (`_local%2F_security` is the same document). */
function segments(url: string): string[] {
  const path = url.split('?')[0] ?? '';
  try {
    return decodeURIComponent(path)
      .split('/')
      .filter((s) => s !== '');
  } catch {
    return path.split('/').filter((s) => s !== '');
  }
}

const SECURITY_DOC = '_local/_security';

function touchesSecurityDoc(req: Req, segs: readonly string[]): boolean {
  if (segs.length >= 3 && `${segs[1]}/${segs[2]}` === SECURITY_DOC) return true;
  const dest = req.headers['destination'];
  if (typeof dest === 'string' && dest.split('?')[0]?.replace(/^\//, '') === SECURITY_DOC) return true;
  const body = req.body as { docs?: unknown; _id?: unknown } | undefined;
  if (body && typeof body === 'object') {
    if (body._id === SECURITY_DOC) return true;
    if (Array.isArray(body.docs))
      return body.docs.some(
        (d) => d && typeof d === 'object' && (d as { _id?: unknown })._id === SECURITY_DOC,
      );
  }
  return false;
}

/** CouchDB 3.x's default `[couchdb] max_document_size`, checked per document as CouchDB does. */
export const MAX_DOCUMENT_SIZE = 8_000_000;

function tooLarge(body: unknown): boolean {
  if (!body || typeof body !== 'object') return false;
  const docs = (body as { docs?: unknown }).docs;
  const list = Array.isArray(docs) ? docs : [body];
  return list.some((d) => Buffer.byteLength(JSON.stringify(d) ?? '', 'utf8') > MAX_DOCUMENT_SIZE);
}

/** CORS with credentials for the configured origins only (CouchDB's [cors] section). */
export function cors(opts: GuardOptions) {
  return (req: Req, res: ServerResponse, next: Next): void => {
    const origin = req.headers.origin;
    if (origin && opts.corsOrigins.includes(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Vary', 'Origin');
      res.setHeader('Access-Control-Expose-Headers', 'ETag, Content-Type, Cache-Control');
      if (req.method === 'OPTIONS') {
        res.setHeader('Access-Control-Allow-Methods', 'GET, PUT, POST, HEAD, DELETE, COPY');
        res.setHeader(
          'Access-Control-Allow-Headers',
          'Accept, Authorization, Content-Type, Origin, Referer, If-Match, X-Requested-With',
        );
        res.setHeader('Access-Control-Max-Age', '600');
        res.writeHead(204);
        res.end();
        return;
      }
    } else if (req.method === 'OPTIONS') {
      send(res, 403, 'forbidden', 'This origin is not allowed (see --cors-origins).');
      return;
    }
    next();
  };
}

/**
 * What a non-admin may call inside a database: the endpoints the project uses whose handlers pass
 * the caller to the stand-in's security checks. `_bulk_get` answers the stand-in's own "not
 * supported" (400), on which clients fall back to `_all_docs` with keys.
 */
function userEndpoint(method: string, segs: readonly string[]): 'ok' | 'bulk_get' | 'no' {
  const [, second, third, fourth] = segs;
  if (second === undefined) return method === 'GET' || method === 'HEAD' ? 'ok' : 'no';
  if (second === '_bulk_get') return 'bulk_get';
  if (second === '_design' || second === '_local')
    return third !== undefined && fourth === undefined ? 'ok' : 'no';
  if (second.startsWith('_'))
    return ['_all_docs', '_bulk_docs', '_changes', '_revs_diff', '_security', '_ensure_full_commit'].includes(
      second,
    ) && third === undefined
      ? 'ok'
      : 'no';
  return third === undefined ? 'ok' : 'no';
}

/** The corrections listed above; runs after the JSON body of a write has been parsed. */
export function guard(opts: GuardOptions) {
  return (req: Req, res: ServerResponse, next: Next): void => {
    const segs = segments(req.url ?? '/');
    const method = req.method ?? 'GET';
    const first = segs[0] ?? '';
    const isSession = first === '_session';
    if (!isSession && !hasCredentials(req)) {
      send(res, 401, 'unauthorized', 'Authentication required.');
      return;
    }
    const admin = isServerAdmin(req, opts.admin);
    const notAdmin = (): void => send(res, 401, 'unauthorized', 'You are not a server admin.');
    if (!admin) {
      if (first === '_all_dbs' || first === '_config' || first === '_replicate') return notAdmin();
      // A user may read their own user document, nothing else in `_users`.
      if (
        first === '_users' &&
        (!['GET', 'HEAD'].includes(method) || segs.length !== 2 || segs[1]?.startsWith('_'))
      )
        return notAdmin();
      if (segs.length === 1 && !first.startsWith('_') && (method === 'PUT' || method === 'DELETE'))
        return notAdmin();
      if (first !== '' && !first.startsWith('_')) {
        const allowed = userEndpoint(method, segs);
        if (allowed === 'bulk_get') {
          send(res, 400, 'bad_request', 'bulkGet not supported by this version of PouchDB');
          return;
        }
        if (allowed === 'no') {
          send(res, 403, 'forbidden', 'The embedded server does not serve this endpoint to users.');
          return;
        }
      } else if (!['', '_session', '_users', '_uuids'].includes(first)) {
        send(res, 403, 'forbidden', 'The embedded server does not serve this endpoint to users.');
        return;
      }
    }
    if (method !== 'GET' && method !== 'HEAD' && touchesSecurityDoc(req, segs)) {
      send(res, 403, 'forbidden', 'The security object is set with PUT /{db}/_security only.');
      return;
    }
    if (tooLarge(req.body)) {
      send(res, 413, 'document_too_large', `A document is larger than ${MAX_DOCUMENT_SIZE} bytes.`);
      return;
    }
    next();
  };
}
