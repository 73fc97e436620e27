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
 * - there is no `require_valid_user` and no CORS.
 *
 * The stand-in cannot tell us who a cookie belongs to before its own routes run, so the server-admin
 * operations (creating and deleting databases, writing `_users`, `_all_dbs`) need HTTP Basic
 * credentials of the admin named on the command line — what the CLI sends. Everything else is left
 * to the stand-in's own security objects and validate_doc_update functions.
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
      if (first === '_users' && method !== 'GET' && method !== 'HEAD') return notAdmin();
      if (segs.length === 1 && !first.startsWith('_') && (method === 'PUT' || method === 'DELETE'))
        return notAdmin();
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
