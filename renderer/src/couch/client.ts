import { ok } from '../core/result';
import type { SecurityObject } from '../core/sync/project-layout';
import { CouchHttp, docPath, type CouchResult, type HttpOptions } from './http';

export interface UserCtx {
  readonly name: string | null;
  readonly roles: readonly string[];
}

export interface DocWrite {
  readonly id: string;
  readonly rev?: string;
  readonly ok?: boolean;
  readonly error?: string;
  readonly reason?: string;
}

export interface ChangesRow<D> {
  readonly id: string;
  readonly seq: string | number;
  readonly deleted?: boolean;
  readonly changes: readonly { rev: string }[];
  readonly doc?: D;
}

export interface ChangesPage<D> {
  readonly results: readonly ChangesRow<D>[];
  readonly last_seq: string | number;
}

export interface AllDocsRow<D> {
  readonly id?: string;
  readonly key: string;
  readonly value?: { rev: string; deleted?: boolean };
  readonly doc?: D | null;
  readonly error?: string;
}

type Doc = { readonly _id: string; readonly _rev?: string };

/** Rows are returned with `_conflicts` (a cluster may create them) when asked. */
export interface GetOptions {
  readonly conflicts?: boolean;
  readonly rev?: string;
}

/**
 * The CouchDB HTTP API the project uses — documented endpoints of Apache CouchDB 3.x, which the
 * embedded server also serves (docs/team.md lists where it differs). Every method answers a
 * CouchResult; nothing throws on a bad answer.
 */
export class CouchClient {
  readonly http: CouchHttp;

  constructor(opts: HttpOptions) {
    this.http = new CouchHttp(opts);
  }

  get baseUrl(): string {
    return this.http.baseUrl;
  }

  /** POST /_session: a cookie session (the password is sent once, here). */
  async logIn(name: string, password: string): Promise<CouchResult<UserCtx>> {
    const r = await this.http.request<{ name: string; roles: string[] }>('POST', '_session', {
      name,
      password,
    });
    return r.ok ? ok({ name: r.value.name, roles: r.value.roles }) : r;
  }

  async logOut(): Promise<CouchResult<true>> {
    const r = await this.http.request('DELETE', '_session');
    this.http.forgetCookie();
    return r.ok ? ok(true) : r;
  }

  /** GET /_session: who the server takes us for (name null when anonymous). */
  async session(): Promise<CouchResult<UserCtx>> {
    const r = await this.http.request<{ userCtx: UserCtx }>('GET', '_session');
    return r.ok ? ok(r.value.userCtx) : r;
  }

  /** PUT /{db}; false when it already existed. */
  async createDb(db: string): Promise<CouchResult<boolean>> {
    const r = await this.http.request('PUT', encodeURIComponent(db));
    if (r.ok) return ok(true);
    return r.error.status === 412 ? ok(false) : r;
  }

  async dbExists(db: string): Promise<CouchResult<boolean>> {
    const r = await this.http.request('GET', encodeURIComponent(db));
    if (r.ok) return ok(true);
    return r.error.kind === 'not_found' ? ok(false) : r;
  }

  /** GET /{db}: its document count (a progress bar's total) and update sequence. */
  info(db: string): Promise<CouchResult<{ doc_count: number; update_seq: string | number }>> {
    return this.http.request('GET', encodeURIComponent(db));
  }

  getSecurity(db: string): Promise<CouchResult<Partial<SecurityObject>>> {
    return this.http.request('GET', `${encodeURIComponent(db)}/_security`);
  }

  async putSecurity(db: string, sec: SecurityObject): Promise<CouchResult<true>> {
    const r = await this.http.request('PUT', `${encodeURIComponent(db)}/_security`, sec);
    return r.ok ? ok(true) : r;
  }

  /** GET one document; `null` when it does not exist (or was deleted). */
  async get<D>(db: string, id: string, opts: GetOptions = {}): Promise<CouchResult<D | null>> {
    const query: Record<string, string | boolean> = {};
    if (opts.conflicts) query['conflicts'] = true;
    if (opts.rev) query['rev'] = opts.rev;
    const r = await this.http.request<D>('GET', docPath(db, id), undefined, query);
    if (r.ok) return r;
    return r.error.kind === 'not_found' ? ok(null) : r;
  }

  /** PUT one document; its `_rev` must be the current one (409 `conflict` otherwise). */
  async put<T extends Doc>(db: string, doc: T): Promise<CouchResult<{ id: string; rev: string }>> {
    return this.http.request('PUT', docPath(db, doc._id), doc);
  }

  /**
   * POST /{db}/_bulk_docs: one result per document, in order (a refused document is an entry with
   * `error`, not a failed request). With `newEdits: false` the revisions are stored as given
   * (replication).
   */
  bulkDocs(db: string, docs: readonly unknown[], newEdits = true): Promise<CouchResult<DocWrite[]>> {
    return this.http.request('POST', `${encodeURIComponent(db)}/_bulk_docs`, {
      docs,
      ...(newEdits ? {} : { new_edits: false }),
    });
  }

  /**
   * Many documents by id: POST /{db}/_bulk_get (CouchDB ≥ 2.0), falling back to
   * `_all_docs?include_docs=true` with keys where a server lacks it. Missing ids are left out.
   */
  async getMany<D>(db: string, ids: readonly string[]): Promise<CouchResult<D[]>> {
    if (ids.length === 0) return ok([]);
    const r = await this.http.request<{
      results: { id: string; docs: ({ ok: D } | { error: unknown })[] }[];
    }>('POST', `${encodeURIComponent(db)}/_bulk_get`, { docs: ids.map((id) => ({ id })) }, { revs: false });
    if (r.ok) {
      const out: D[] = [];
      for (const res of r.value.results) for (const d of res.docs) if ('ok' in d) out.push(d.ok);
      return ok(out);
    }
    if (r.error.status !== 404 && r.error.status !== 405 && r.error.kind !== 'bad_request') return r;
    const all = await this.allDocs<D>(db, { keys: ids, includeDocs: true });
    return all.ok
      ? ok(all.value.map((row) => row.doc).filter((d): d is D => d !== null && d !== undefined))
      : all;
  }

  /** POST /{db}/_all_docs (keys in the body), or a key range. */
  async allDocs<D>(
    db: string,
    opts: {
      keys?: readonly string[];
      startkey?: string;
      endkey?: string;
      includeDocs?: boolean;
      limit?: number;
    },
  ): Promise<CouchResult<AllDocsRow<D>[]>> {
    const query: Record<string, string | number | boolean> = {};
    if (opts.includeDocs) query['include_docs'] = true;
    if (opts.startkey !== undefined) query['startkey'] = JSON.stringify(opts.startkey);
    if (opts.endkey !== undefined) query['endkey'] = JSON.stringify(opts.endkey);
    if (opts.limit !== undefined) query['limit'] = opts.limit;
    const r = opts.keys
      ? await this.http.request<{ rows: AllDocsRow<D>[] }>(
          'POST',
          `${encodeURIComponent(db)}/_all_docs`,
          { keys: opts.keys },
          query,
        )
      : await this.http.request<{ rows: AllDocsRow<D>[] }>(
          'GET',
          `${encodeURIComponent(db)}/_all_docs`,
          undefined,
          query,
        );
    return r.ok ? ok(r.value.rows) : r;
  }

  /** Every document whose id starts with `prefix` (ids sort as strings). */
  async allWithPrefix<D>(db: string, prefix: string): Promise<CouchResult<D[]>> {
    const r = await this.allDocs<D>(db, { startkey: prefix, endkey: `${prefix}\ufff0`, includeDocs: true });
    return r.ok ? ok(r.value.map((row) => row.doc).filter((d): d is D => d !== null && d !== undefined)) : r;
  }

  /**
   * One page of GET /{db}/_changes since a checkpoint: with `longpoll`, waits up to `timeoutMs`
   * for the first change. Documents come with their `_conflicts`.
   */
  changes<D>(
    db: string,
    opts: {
      since: string | number;
      limit: number;
      includeDocs: boolean;
      longpoll?: boolean;
      timeoutMs?: number;
      /** Aborts the request (the embedded server does not honour `timeout`; see docs/team.md). */
      signal?: unknown;
    },
  ): Promise<CouchResult<ChangesPage<D>>> {
    const query: Record<string, string | number | boolean> = { since: opts.since, limit: opts.limit };
    if (opts.includeDocs) {
      query['include_docs'] = true;
      query['conflicts'] = true;
    }
    if (opts.longpoll) {
      query['feed'] = 'longpoll';
      query['timeout'] = opts.timeoutMs ?? 30_000;
    }
    return this.http.request('GET', `${encodeURIComponent(db)}/_changes`, undefined, query, opts.signal);
  }

  /** POST /{db}/_revs_diff: which of these revisions the server lacks. */
  revsDiff(
    db: string,
    revs: Readonly<Record<string, readonly string[]>>,
  ): Promise<CouchResult<Record<string, { missing: string[] }>>> {
    return this.http.request('POST', `${encodeURIComponent(db)}/_revs_diff`, revs);
  }

  /** A `_local` document (not replicated, not in `_changes`): replication checkpoints. */
  getLocal<D>(db: string, id: string): Promise<CouchResult<(D & { _rev?: string }) | null>> {
    return this.get(db, `_local/${id}`);
  }

  async putLocal(db: string, id: string, body: Record<string, unknown>): Promise<CouchResult<string>> {
    const current = await this.getLocal<Record<string, unknown>>(db, id);
    if (!current.ok) return current;
    const rev = current.value?._rev;
    const r = await this.put(db, { ...body, _id: `_local/${id}`, ...(rev ? { _rev: rev } : {}) });
    return r.ok ? ok(r.value.rev) : r;
  }
}
