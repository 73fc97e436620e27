import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { expect, test, type Page, type Request } from '@playwright/test';

import { launchOwnedChromium, type OwnedBrowser } from './durability-browser';
import { storedRows } from './helpers';
import { AnnotatePage } from './pages/AnnotatePage';
import { articleId, connectTeam, raw, setUpProject, startTeamServer, team } from './team-server';

// Issue 15, "Nothing is lost": a browser killed (SIGKILL to the whole process group) in the middle
// of a pull resumes, on the same profile, from the checkpoint stored with the last page — it does
// not ask `_changes` again from where it started nor fetch again the articles already stored — and
// ends with exactly the server's assignments and spans, none lost, none twice.
const origin = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;
const ALICE_DB = 'marginalia_demo_user_alice';
const ARTICLES_DB = 'marginalia_demo_articles';
/** New articles assigned while alice's browser is closed: 2 pages of 500 changes and some. */
const MANY = 900;
/** Of which the first WITH_SPANS come with a span set from "alice's other machine". */
const WITH_SPANS = 200;

interface Traffic {
  /** `since` of every `_changes` (not long-poll) of alice's database, in order. */
  readonly since: string[];
  /** `last_seq` of each answered one, in order. */
  readonly lastSeq: string[];
  /** Article ids asked for by id in requests the server answered 200. */
  readonly fetched: string[];
}

/** Records the sync requests of one browser; `hold` may keep one request from ever being sent. */
async function follow(page: Page, hold?: (r: Request, t: Traffic) => boolean): Promise<Traffic> {
  const t: Traffic = { since: [], lastSeq: [], fetched: [] };
  const isChanges = (url: URL) =>
    url.pathname === `/${ALICE_DB}/_changes` && url.searchParams.get('feed') !== 'longpoll';
  const isArticleFetch = (url: URL) =>
    url.pathname === `/${ARTICLES_DB}/_bulk_get` || url.pathname === `/${ARTICLES_DB}/_all_docs`;
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (isChanges(url)) t.since.push(url.searchParams.get('since') ?? '');
  });
  page.on('response', async (res) => {
    const url = new URL(res.url());
    if (res.status() !== 200) return;
    if (isChanges(url)) t.lastSeq.push(String(((await res.json()) as { last_seq: unknown }).last_seq));
    else if (isArticleFetch(url) && res.request().method() === 'POST') {
      const body = res.request().postDataJSON() as { keys?: string[]; docs?: { id: string }[] };
      t.fetched.push(...(body.keys ?? body.docs?.map((d) => d.id) ?? []));
    }
  });
  if (hold)
    await page.route(isArticleFetch, (route, request) => {
      if (hold(request, t)) return; // never answered: the browser dies waiting for it
      void route.continue();
    });
  return t;
}

/** Chromium closed the ordinary way (its cookie store and profile flushed to disk). */
async function closeGracefully(b: OwnedBrowser): Promise<void> {
  const exited = new Promise((r) => b.process.once('exit', r));
  const cdp = await b.browser.newBrowserCDPSession();
  await cdp.send('Browser.close').catch(() => undefined);
  await exited;
}

test('a browser killed in the middle of a pull resumes from its checkpoint, with nothing lost or doubled', async ({
  baseURL,
}) => {
  test.setTimeout(360_000);
  const profile = await mkdtemp(path.join(os.tmpdir(), 'marginalia-team-resume-'));
  const server = await startTeamServer(origin);
  const owned: OwnedBrowser[] = [];
  try {
    setUpProject(server.url, { alice: [0] });
    const texts = Array.from(
      { length: MANY },
      (_, i) => `Report ${i}: the council said spending rose ${i % 97} per cent in district ${i}.`,
    );
    const ids = texts.map(articleId);
    const file = path.join(profile, '..', `${path.basename(profile)}-articles.jsonl`);
    await writeFile(
      file,
      texts.map((text, i) => JSON.stringify({ id: `r${i}`, title: `Report ${i}`, text })).join('\n') + '\n',
    );
    team(server.url, 'add-articles', file);
    await rm(file);

    // alice connects once (one article), and closes her browser.
    const first = await launchOwnedChromium(profile);
    owned.push(first);
    await first.page.goto(baseURL ?? '/');
    await new AnnotatePage(first.page).setName('alice');
    await connectTeam(first.page, server.url, 'alice', 'alice-pw');
    await closeGracefully(first);

    // Meanwhile: 900 assignments, and span sets for 200 of them from her other machine.
    team(server.url, 'assign', '--user', 'alice', '--docs', ids.slice(0, WITH_SPANS).join(','));
    const at = Date.now();
    const sets = ids.slice(0, WITH_SPANS).map((id, i) => ({
      _id: `spans:${id}`,
      type: 'span_set',
      schema: 1,
      doc_id: id,
      annotator: 'alice',
      status: { value: 'in_progress', updated_at: at, by: 'othermch' },
      spans: {
        [`o${i}a`]: { start: 0, end: 6, label: 'claim', note: '', updated_at: at, by: 'othermch' },
        [`o${i}b`]: { start: 12, end: 19, label: 'quote', note: `n${i}`, updated_at: at, by: 'othermch' },
      },
      links: {},
    }));
    const put = await raw(server.url, `${ALICE_DB}/_bulk_docs`, 'alice:alice-pw', 'POST', { docs: sets });
    expect(put.status).toBe(201);
    expect((put.json as unknown as { ok?: boolean }[]).every((w) => w.ok)).toBe(true);
    team(server.url, 'assign', '--user', 'alice', '--docs', ids.slice(WITH_SPANS).join(','));

    // The second browser pulls; once the first page of changes is stored (the second page was
    // asked for), the fetch of the second page's articles is held and the browser killed.
    const second = await launchOwnedChromium(profile);
    owned.push(second);
    let onHeld: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (onHeld = resolve));
    let holding = false;
    const before = await follow(second.page, (request, t) => {
      if (holding || t.since.length < 2 || request.method() !== 'POST') return holding;
      holding = true;
      onHeld();
      return true;
    });
    await second.page.goto(baseURL ?? '/');
    await held;
    await expect(second.page.getByTestId('sync-state')).toHaveText('Syncing…');
    await second.kill();
    expect(before.lastSeq.length, 'answered _changes pages before the kill').toBe(2);
    const checkpoint = before.lastSeq[0] as string;
    const storedBefore = new Set(before.fetched);
    // The first page (500 changes: the first browser's device record, assignments, span sets)
    // brought ~300 of the articles; the rest were still to come when the browser died.
    expect(storedBefore.size).toBeGreaterThan(250);
    expect(storedBefore.size).toBeLessThan(MANY);

    // A new browser on the same profile resumes by itself.
    const third = await launchOwnedChromium(profile);
    owned.push(third);
    const after = await follow(third.page);
    await third.page.goto(baseURL ?? '/');
    await expect(third.page.getByTestId('sync-state')).toHaveText('Synced', { timeout: 180_000 });

    // From the checkpoint of the last stored page, not from where the killed pull began…
    expect(after.since[0]).toBe(checkpoint);
    expect(after.since).not.toContain(before.since[0]);
    // …fetching only the articles it did not have: each of the 600 others once.
    expect(after.fetched.filter((id) => storedBefore.has(id))).toEqual([]);
    expect(new Set(after.fetched).size).toBe(MANY - storedBefore.size);
    expect(new Set([...storedBefore, ...after.fetched])).toEqual(new Set(ids));

    // Locally: exactly the server's articles and spans.
    const syncDocs = await storedRows<{ db: string; id: string }>(third.page, 'syncDocs');
    const teamArticles = syncDocs.filter((r) => r.db === ARTICLES_DB).map((r) => r.id);
    expect(new Set(teamArticles)).toEqual(
      new Set([...ids, articleId('The minister said prices rose 42 per cent last year.')]),
    );
    expect(teamArticles).toHaveLength(MANY + 1);
    const documents = await storedRows<{ id: string }>(third.page, 'documents');
    expect(documents.filter((d) => ids.includes(d.id))).toHaveLength(MANY);
    const spans = await storedRows<{
      id: string;
      docId: string;
      annotator: string;
      start: number;
      end: number;
      label: string;
      note: string;
    }>(third.page, 'spans');
    const local = spans
      .filter((s) => s.annotator === 'alice')
      .map((s) => `${s.id} ${s.docId} ${s.start}-${s.end} ${s.label} ${s.note}`)
      .sort();
    const onServer = await raw(
      server.url,
      `${ALICE_DB}/_all_docs?include_docs=true&startkey=%22spans%3A%22&endkey=%22spans%3A%EF%BF%B0%22`,
      'alice:alice-pw',
    );
    const serverSets = (
      onServer.json?.['rows'] as {
        doc: {
          _rev: string;
          doc_id: string;
          spans: Record<string, { start: number; end: number; label: string; note: string; deleted?: true }>;
        };
      }[]
    ).map((r) => r.doc);
    const expected = serverSets
      .flatMap((d) =>
        Object.entries(d.spans)
          .filter(([, s]) => !s.deleted)
          .map(([id, s]) => `${id} ${d.doc_id} ${s.start}-${s.end} ${s.label} ${s.note}`),
      )
      .sort();
    expect(expected).toHaveLength(2 * WITH_SPANS);
    expect(local).toEqual(expected);
    // Nothing was pushed back: the pulled sets are still the other machine's first revisions.
    expect(serverSets.filter((d) => !d._rev.startsWith('1-'))).toEqual([]);
  } finally {
    for (const b of owned)
      if (b.process.exitCode === null && b.process.signalCode === null) await b.kill().catch(() => undefined);
    await server.stop();
    await rm(profile, { recursive: true, force: true });
  }
});
