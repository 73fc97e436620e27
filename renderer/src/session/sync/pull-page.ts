import { checkPulledArticle } from '../../core/sync/article-doc';
import type { AssignmentDoc, DeviceDoc } from '../../core/sync/project-layout';
import type { SpanSetDoc } from '../../core/sync/span-set';
import { validateSpanSet } from '../../core/sync/validate';
import { ok } from '../../core/result';
import type { CouchClient } from '../../couch/client';
import type { CouchResult } from '../../couch/http';
import type { PulledPage as ChangesPage } from '../../couch/span-set-sync';
import type { PulledPage } from '../../db/repositories/sync';
import type { Target } from './targets';

/** Articles asked for in one `_bulk_get` (a page's batches are asked for at once). */
export const ARTICLE_BATCH = 200;
/** Hashing a page's articles yields to the page this often (ms), so no task nears 200 ms. */
const HASH_SLICE_MS = 25;

export interface PageContext {
  readonly client: CouchClient;
  readonly target: Target;
  /** The project's articles database. */
  readonly articlesDb: string;
  /**
   * Ids of the articles stored here, to which each page adds those it fetches: read once per pull,
   * at its first page (reading it per page made a first pull quadratic in the number of articles;
   * a pull that brings nothing reads nothing).
   */
  readonly have: () => Promise<Set<string>>;
  readonly onProblem?: (text: string) => void;
}

const yieldToPage = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * One `_changes` page of a followed database made ready to store: span sets validated, the
 * articles of new assignments fetched (their `_bulk_get` batches together), every article checked
 * to hash to its id (a refused one is reported and left out). Runs while the previous page is
 * being stored (couch/span-set-sync.ts, pullPipelined).
 */
export async function preparePage(
  c: PageContext,
  page: ChangesPage<Record<string, unknown>>,
): Promise<CouchResult<PulledPage>> {
  const { target: t } = c;
  const spanSets: SpanSetDoc[] = [];
  const assignments: AssignmentDoc[] = [];
  const pulled: Record<string, unknown>[] = [];
  const devices: DeviceDoc[] = [];
  for (const doc of page.docs) {
    const id = String(doc['_id'] ?? '');
    if (id.startsWith('_design/')) continue; // the validation function, not data
    if (t.mode === 'articles') pulled.push(doc);
    else if (id.startsWith('spans:')) {
      const v = validateSpanSet(doc);
      if (v.ok) spanSets.push(v.value);
      else c.onProblem?.(`A span set from the server was not stored: ${v.error.join(' ')}`);
    } else if (id.startsWith('assign:')) assignments.push(doc as unknown as AssignmentDoc);
    else if (id.startsWith('device:')) devices.push(doc as unknown as DeviceDoc);
  }
  if (t.mode === 'own') {
    const have = await c.have();
    const wanted = [...new Set(assignments.map((a) => a.doc_id))].filter((d) => !have.has(d));
    for (const d of wanted) have.add(d);
    const batches = [];
    for (let i = 0; i < wanted.length; i += ARTICLE_BATCH)
      batches.push(
        c.client.getMany<Record<string, unknown>>(c.articlesDb, wanted.slice(i, i + ARTICLE_BATCH)),
      );
    for (const got of await Promise.all(batches)) {
      if (!got.ok) return got;
      pulled.push(...got.value);
    }
  }
  const checked = [];
  let slice = performance.now();
  for (const doc of pulled) {
    if (performance.now() - slice > HASH_SLICE_MS) {
      await yieldToPage();
      slice = performance.now();
    }
    const r = checkPulledArticle(doc);
    if (r.ok) checked.push({ doc: r.value, rev: String(doc['_rev'] ?? '') });
    else c.onProblem?.(r.error);
  }
  return ok({
    dbName: t.db,
    mode: t.mode === 'own' ? 'own' : 'mirror',
    spanSets,
    assignments,
    devices,
    deleted: page.deleted,
    articles: checked,
    articlesDb: c.articlesDb,
    lastSeq: page.lastSeq,
  });
}

/** Whether a stored page brought anything (the round then pushes again, to merge). */
export const pageBroughtAnything = (p: PulledPage): boolean =>
  p.spanSets.length + p.assignments.length + p.articles.length + p.deleted.length > 0;
