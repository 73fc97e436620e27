import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeSpanSets } from '../../../renderer/src/core/sync/merge';
import { articleDoc, checkPulledArticle } from '../../../renderer/src/core/sync/article-doc';
import type { SpanSetDoc } from '../../../renderer/src/core/sync/span-set';
import { CouchClient } from '../../../renderer/src/couch/client';
import type { FetchLike } from '../../../renderer/src/couch/http';
import {
  type PulledPage,
  pullChanges,
  pullPipelined,
  pushSpanSet,
  readCheckpoint,
  resolveConflicts,
  saveCheckpoint,
} from '../../../renderer/src/couch/span-set-sync';
import { documentIdForText } from '../../../renderer/src/core/text/text-hash';
import { ADMIN, startServer, type RunningServer } from './server-process';

// The client the app will use, driven from Node against the embedded server: a _session cookie
// kept by the client (Node's fetch has no cookie jar), pushes that merge on 409, conflicts folded,
// _changes read in pages from a checkpoint.
let s: RunningServer;
const DB = 'syncdb';
const DOC = documentIdForText('An article about figures: 42 per cent.');
const node = fetch as unknown as FetchLike;

const adminClient = () =>
  new CouchClient({
    baseUrl: s.url,
    fetch: node,
    auth: { kind: 'basic', name: 'admin', password: 's3cret' },
  });

async function machine(): Promise<CouchClient> {
  const c = new CouchClient({ baseUrl: s.url, fetch: node, auth: { kind: 'session', cookieJar: true } });
  const who = await c.logIn('alice', 'apw');
  expect(who).toEqual({ ok: true, value: { name: 'alice', roles: [] } });
  return c;
}

const span = (start: number, end: number, at: number, by: string) => ({
  start,
  end,
  label: 'claim' as const,
  note: '',
  updated_at: at,
  by,
});
const base: SpanSetDoc = {
  _id: `spans:${DOC}`,
  type: 'span_set',
  schema: 1,
  doc_id: DOC,
  annotator: 'alice',
  status: { value: 'in_progress', updated_at: 1, by: 'laptop' },
  spans: { a: span(0, 2, 1, 'laptop'), b: span(3, 8, 1, 'laptop') },
  links: {},
};

beforeAll(async () => {
  s = await startServer();
  const admin = adminClient();
  expect(ADMIN).toBe('admin:s3cret');
  expect((await admin.createDb(DB)).ok).toBe(true);
  const user = { _id: 'org.couchdb.user:alice', name: 'alice', password: 'apw', roles: [], type: 'user' };
  expect((await admin.put('_users', user)).ok).toBe(true);
  expect(
    (
      await admin.putSecurity(DB, {
        admins: { names: [], roles: [] },
        members: { names: ['alice'], roles: [] },
      })
    ).ok,
  ).toBe(true);
}, 60_000);

afterAll(async () => {
  expect(await s.stop()).toBe(0);
});

describe('couch client', () => {
  it('signs in with a session cookie and is refused without it', async () => {
    const c = await machine();
    expect(await c.session()).toEqual({ ok: true, value: { name: 'alice', roles: [] } });
    expect((await c.dbExists(DB)).ok).toBe(true);
    expect((await c.logOut()).ok).toBe(true);
    const r = await c.get(DB, 'x');
    expect(r.ok ? null : r.error.kind).toBe('unauthorized');
  });

  it('says "unreachable" when nothing listens', async () => {
    const c = new CouchClient({
      baseUrl: 'http://127.0.0.1:9',
      fetch: node,
      auth: { kind: 'session', cookieJar: true },
    });
    const r = await c.session();
    expect(r.ok ? null : r.error.kind).toBe('unreachable');
  });

  it('two machines of one annotator edit offline; the second push merges span by span', async () => {
    const [laptop, desktop] = [await machine(), await machine()];
    const first = await pushSpanSet(laptop, DB, base, null);
    expect(first.ok && first.value.merged).toBe(false);
    const synced = first.ok ? first.value.doc : base;
    // Both start from the synced copy, then work offline.
    const onLaptop = {
      ...synced,
      spans: { ...synced.spans, a: span(0, 3, 10, 'laptop'), c: span(9, 12, 11, 'laptop') },
    };
    const onDesktop = {
      ...synced,
      spans: {
        ...synced.spans,
        b: { deleted: true as const, updated_at: 12, by: 'desktop' },
        a: span(0, 4, 13, 'desktop'),
      },
    };
    const l = await pushSpanSet(laptop, DB, onLaptop, synced);
    expect(l.ok && l.value.merged).toBe(false);
    const d = await pushSpanSet(desktop, DB, onDesktop, synced);
    expect(d.ok && d.value.merged).toBe(true);
    const stored = await desktop.get<SpanSetDoc>(DB, base._id);
    const doc = stored.ok ? stored.value : null;
    expect(doc?.spans).toEqual({
      a: { ...span(0, 4, 13, 'desktop'), history: [span(0, 3, 10, 'laptop')] },
      b: { deleted: true, updated_at: 12, by: 'desktop' },
      c: span(9, 12, 11, 'laptop'),
    });
  });

  it('folds CouchDB conflicts (as a cluster may keep them) into one revision', async () => {
    const admin = adminClient();
    const id = `spans:${documentIdForText('conflicted')}`;
    const doc = { ...base, _id: id, doc_id: documentIdForText('conflicted') };
    const one = { ...doc, _rev: '1-aaaa', spans: { x: span(0, 1, 5, 'one') } };
    const two = { ...doc, _rev: '1-bbbb', spans: { y: span(2, 3, 6, 'two') } };
    expect((await admin.bulkDocs(DB, [one, two], false)).ok).toBe(true);
    const got = await admin.get<SpanSetDoc>(DB, id, { conflicts: true });
    const withConflicts = got.ok ? got.value : null;
    expect(withConflicts?._conflicts).toHaveLength(1);
    const resolved = await resolveConflicts(admin, DB, withConflicts as SpanSetDoc);
    expect(resolved.ok).toBe(true);
    const after = await admin.get<SpanSetDoc>(DB, id, { conflicts: true });
    expect(after.ok && after.value?._conflicts).toBeFalsy();
    expect(after.ok && Object.keys(after.value?.spans ?? {}).sort()).toEqual(['x', 'y']);
  });

  it('reads _changes in pages from a checkpoint and resumes from it', async () => {
    const c = await machine();
    const docs = Array.from({ length: 25 }, (_, i) => ({
      _id: `device:d${String(i).padStart(2, '0')}`,
      type: 'device',
      last_sync_at: '',
    }));
    expect((await c.bulkDocs(DB, docs)).ok).toBe(true);
    const seen: string[] = [];
    let stored: string | number = 0;
    const firstRun = await pullChanges<{ _id: string }>(
      c,
      DB,
      0,
      10,
      async (page: PulledPage<{ _id: string }>) => {
        seen.push(...page.docs.map((d) => d._id));
        stored = page.lastSeq;
        if (seen.length >= 20) throw new Error('killed mid-sync');
      },
    ).catch((e: Error) => e.message);
    expect(firstRun).toBe('killed mid-sync');
    expect((await saveCheckpoint(c, DB, 'laptop', stored, '2026-12-04T00:00:00Z')).ok).toBe(true);
    const since = await readCheckpoint(c, DB, 'laptop');
    expect(since).toEqual({ ok: true, value: stored });
    const rest: string[] = [];
    const end = await pullChanges<{ _id: string }>(
      c,
      DB,
      since.ok ? (since.value ?? 0) : 0,
      10,
      async (page: PulledPage<{ _id: string }>) => {
        rest.push(...page.docs.map((d) => d._id));
      },
    );
    expect(end.ok).toBe(true);
    const all = new Set([...seen, ...rest].filter((id) => id.startsWith('device:')));
    expect(all.size).toBe(25);
    expect(rest.filter((id) => seen.includes(id))).toEqual([]);
  });

  it('prepares the next slice of a page while the previous one is stored, each with a checkpoint to resume from', async () => {
    const c = await machine();
    const docs = Array.from({ length: 25 }, (_, i) => ({
      _id: `pipe:${String(i).padStart(2, '0')}`,
      type: 'device',
      last_sync_at: '',
    }));
    expect((await c.bulkDocs(DB, docs)).ok).toBe(true);
    // Each store waits (up to 2 s) until the next slice is being prepared: a pull that prepares
    // the next slice only after storing this one would wait the whole time, and say so.
    const events: string[] = [];
    let prepared = 0;
    let nextPrepared: () => void = () => undefined;
    const stored: { ids: string[]; seq: string | number }[] = [];
    const end = await pullPipelined<{ _id: string }, PulledPage<{ _id: string }>>(c, DB, 0, 1_000, 10, {
      prepare: async (slice) => {
        prepared++;
        nextPrepared();
        return slice;
      },
      store: async (slice) => {
        const n = stored.length + 1;
        const overlapped = await Promise.race([
          new Promise<boolean>((resolve) => {
            nextPrepared = () => resolve(true);
            if (prepared > n) resolve(true);
          }),
          new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2_000)),
        ]);
        events.push(`store ${n}${overlapped ? '' : ' alone'}`);
        stored.push({ ids: slice.docs.map((d) => d._id), seq: slice.lastSeq });
      },
    });
    expect(end.ok).toBe(true);
    const slices = stored.length;
    expect(slices).toBeGreaterThanOrEqual(3);
    // Every slice but the last was stored while the next one was prepared, in order.
    expect(events.filter((e) => e.endsWith(' alone'))).toEqual([`store ${slices} alone`]);
    const ids = stored.flatMap((p) => p.ids);
    expect(ids.filter((id) => id.startsWith('pipe:'))).toEqual(docs.map((d) => d._id));
    expect(end.ok && end.value).toEqual(stored[slices - 1]?.seq);
    // A slice's checkpoint (its last change's seq) is one the server resumes from: exactly the rest.
    const rest: string[] = [];
    const resumed = await pullChanges<{ _id: string }>(c, DB, stored[1]?.seq ?? 0, 1_000, async (page) => {
      rest.push(...page.docs.map((d) => d._id));
    });
    expect(resumed.ok).toBe(true);
    expect(rest).toEqual(stored.slice(2).flatMap((p) => p.ids));
  });

  it('a pipelined pull stops at a failed store: no later slice is stored, the last checkpoint stands', async () => {
    const c = await machine();
    const stored: (string | number)[] = [];
    const run = await pullPipelined<{ _id: string }, PulledPage<{ _id: string }>>(c, DB, 0, 1_000, 5, {
      prepare: async (slice) => slice,
      store: async (slice) => {
        if (stored.length === 1) throw new Error('killed mid-sync');
        stored.push(slice.lastSeq);
      },
    }).catch((e: Error) => e.message);
    expect(run).toBe('killed mid-sync');
    expect(stored).toHaveLength(1);
  });

  it('long-polls _changes until a change arrives, and asks _revs_diff which revisions the server lacks', async () => {
    const c = await machine();
    const info = await c.changes(DB, { since: 'now', limit: 10, includeDocs: false });
    const now = info.ok ? info.value.last_seq : 0;
    const waiting = c.changes<{ _id: string }>(DB, {
      since: now,
      limit: 10,
      includeDocs: true,
      longpoll: true,
      timeoutMs: 20_000,
    });
    await new Promise((r) => setTimeout(r, 300));
    const put = await c.put(DB, { _id: 'device:longpoll', type: 'device', last_sync_at: '' });
    expect(put.ok).toBe(true);
    const page = await waiting;
    expect(page.ok && page.value.results.map((r) => r.id)).toEqual(['device:longpoll']);
    const rev = put.ok ? put.value.rev : '';
    const diff = await c.revsDiff(DB, { 'device:longpoll': [rev, '9-abc'] });
    expect(diff).toEqual({ ok: true, value: { 'device:longpoll': { missing: ['9-abc'] } } });
  });

  it('fetches many documents by id (falling back to _all_docs where _bulk_get is not served)', async () => {
    const admin = adminClient();
    const text = 'Immutable text.';
    expect(
      (
        await admin.put(
          DB,
          articleDoc({ id: documentIdForText(text), title: 't', text, source: '', meta: {} }),
        )
      ).ok,
    ).toBe(true);
    const c = await machine();
    const r = await c.getMany<unknown>(DB, [documentIdForText(text), 'missing']);
    expect(r.ok && r.value.map((d) => checkPulledArticle(d).ok)).toEqual([true]);
  });

  it('a 10,000-span set stays well under CouchDB\u2019s 8 MB document limit and round-trips', async () => {
    const spans: Record<string, SpanSetDoc['spans'][string]> = {};
    for (let i = 0; i < 10_000; i++)
      spans[`s${String(i).padStart(11, '0')}`] = span(i * 10, i * 10 + 7, 1_764_000_000_000 + i, 'k3f9x2qa');
    const big: SpanSetDoc = {
      ...base,
      _id: `spans:${documentIdForText('big')}`,
      doc_id: documentIdForText('big'),
      spans,
    };
    const bytes = JSON.stringify(big).length;
    console.log(`10,000 spans, empty notes: ${(bytes / 1e6).toFixed(2)} MB of JSON`);
    expect(bytes).toBeLessThan(2_000_000);
    const c = await machine();
    const pushed = await pushSpanSet(c, DB, big, null);
    expect(pushed.ok).toBe(true);
    const back = await c.get<SpanSetDoc>(DB, big._id);
    expect(back.ok && Object.keys(back.value?.spans ?? {}).length).toBe(10_000);
    expect(mergeSpanSets(big, big)).toEqual(big);
  });
});
