import { err, ok, type Result } from '../core/result';

/**
 * The part of WHATWG fetch the client uses, declared here so this layer compiles without DOM or
 * Node types: the CLI passes Node's fetch, the app the browser's.
 */
export interface FetchResponseLike {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}
export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
  credentials?: 'include';
  signal?: unknown;
}
export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponseLike>;

/** What went wrong, sorted so a caller can word one clear sentence. */
export type CouchErrorKind =
  | 'unreachable'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'bad_request'
  | 'server';

export interface CouchError {
  readonly kind: CouchErrorKind;
  /** HTTP status; 0 when no answer came. */
  readonly status: number;
  /** CouchDB's `reason`, or the network error. */
  readonly reason: string;
}

export type CouchResult<T> = Result<T, CouchError>;

function kindOf(status: number): CouchErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409 || status === 412) return 'conflict';
  if (status === 413) return 'too_large';
  if (status >= 400 && status < 500) return 'bad_request';
  return 'server';
}

/**
 * How requests authenticate. `basic` sends the name and password with every request (the CLI,
 * with server-admin credentials). `session` uses CouchDB's `_session` cookie: in a browser the
 * browser keeps it (credentials: 'include'; the password is only ever in the login request); in
 * Node, where fetch has no cookie jar, this client keeps the `AuthSession` cookie in memory.
 */
export type CouchAuth =
  | { readonly kind: 'basic'; readonly name: string; readonly password: string }
  | { readonly kind: 'session'; readonly cookieJar: boolean };

export interface HttpOptions {
  readonly baseUrl: string;
  readonly fetch: FetchLike;
  readonly auth: CouchAuth;
  /** base64 of a UTF-8 string; injected because `btoa` is not in ES2022 and Buffer is Node's. */
  readonly base64?: (s: string) => string;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** RFC 4648 base64 of the UTF-8 bytes of `s` (for the Basic header; no platform API needed). */
export function base64Utf8(s: string): string {
  const bytes: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    out += B64[(n >> 18) & 63] as string;
    out += B64[(n >> 12) & 63] as string;
    out += i + 1 < bytes.length ? (B64[(n >> 6) & 63] as string) : '=';
    out += i + 2 < bytes.length ? (B64[n & 63] as string) : '=';
  }
  return out;
}

/** A document id in a URL: `_design/x` and `_local/x` keep their slash, the rest is encoded. */
export function encodeDocId(id: string): string {
  const m = /^(_design|_local)\/(.*)$/s.exec(id);
  return m ? `${m[1]}/${encodeURIComponent(m[2] as string)}` : encodeURIComponent(id);
}

export const docPath = (db: string, id: string): string => `${encodeURIComponent(db)}/${encodeDocId(id)}`;

/** One CouchDB server: JSON requests with the chosen authentication, errors as values. */
export class CouchHttp {
  private cookie: string | null = null;
  readonly baseUrl: string;

  constructor(private readonly opts: HttpOptions) {
    this.baseUrl = opts.baseUrl.replace(/\/+$/, '');
  }

  async request<T>(
    method: string,
    path: string,
    body?: unknown,
    query?: Readonly<Record<string, string | number | boolean>>,
    /** An AbortSignal (a long-poll given up); an aborted request answers `unreachable`. */
    signal?: unknown,
  ): Promise<CouchResult<T>> {
    const qs = query
      ? Object.entries(query)
          .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
          .join('&')
      : '';
    const url = `${this.baseUrl}/${path}${qs ? `?${qs}` : ''}`;
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const auth = this.opts.auth;
    if (auth.kind === 'basic') {
      const b64 = this.opts.base64 ?? base64Utf8;
      headers['Authorization'] = `Basic ${b64(`${auth.name}:${auth.password}`)}`;
    } else if (auth.cookieJar && this.cookie) headers['Cookie'] = this.cookie;
    const init: FetchInit = { method, headers };
    if (body !== undefined) init.body = JSON.stringify(body);
    if (signal !== undefined) init.signal = signal;
    if (auth.kind === 'session' && !auth.cookieJar) init.credentials = 'include';
    let res: FetchResponseLike;
    let text: string;
    try {
      res = await this.opts.fetch(url, init);
      text = await res.text();
    } catch (e) {
      // Node puts the socket error (ECONNREFUSED…) under `cause`; browsers say only "Failed to fetch".
      const cause = (e as { cause?: { code?: unknown; message?: unknown } }).cause;
      const detail = typeof cause?.code === 'string' ? cause.code : cause?.message;
      return err({
        kind: 'unreachable',
        status: 0,
        reason: typeof detail === 'string' ? detail : e instanceof Error ? e.message : String(e),
      });
    }
    if (auth.kind === 'session' && auth.cookieJar) this.keepCookie(res);
    let json: unknown = null;
    try {
      json = text === '' ? null : JSON.parse(text);
    } catch {
      if (res.status < 400)
        return err({
          kind: 'server',
          status: res.status,
          reason: 'The server did not answer in JSON: is this a CouchDB server?',
        });
    }
    if (res.status >= 400) {
      const j = (json ?? {}) as { reason?: unknown; error?: unknown };
      const reason =
        typeof j.reason === 'string'
          ? j.reason
          : typeof j.error === 'string'
            ? j.error
            : `HTTP ${res.status}`;
      return err({ kind: kindOf(res.status), status: res.status, reason });
    }
    return ok(json as T);
  }

  private keepCookie(res: FetchResponseLike): void {
    const set = res.headers.get('set-cookie');
    const m = set ? /(?:^|[,\s])AuthSession=([^;]*)/.exec(set) : null;
    if (m) this.cookie = m[1] ? `AuthSession=${m[1]}` : null;
  }

  /** Forgets the session cookie this client keeps (Node). */
  forgetCookie(): void {
    this.cookie = null;
  }
}
