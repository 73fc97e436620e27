/// <reference lib="webworker" />
import { endpointKey, sameEndpoint } from '../../core/links/link';
import { SentenceIndex } from '../../core/links/suggest/sentence-index';
import { suggestLinks, type LinkSuggestion } from '../../core/links/suggest/suggest';
import { CodePointIndex } from '../../core/text/code-points';
import { libraryDocumentsOf } from '../../db/corpus/library-lookup';
import { forEachBatchText, libraryIds, librarySpansOf } from '../../db/corpus/library-texts';
import { MarginaliaDb } from '../../db/database';
import { dismissedFor } from '../../db/repositories/dismissals';
import { linksAt } from '../../db/repositories/links';
import type { ShownSuggestion, SuggestQuery, SuggestReply, SuggestRequest } from './suggest-messages';

/**
 * The library's sentence index for link suggestions (core/links/suggest), built here, off the UI
 * thread, once per app session and then incrementally: new articles are added when the documents
 * change. The index is built in pages; a query that arrives meanwhile is answered between pages
 * from what is indexed so far, with how far indexing has come. Everything else a query needs (the
 * annotator's links and dismissals at the span, the claim spans that may stand for a sentence, the
 * candidates' titles and texts) is read from the database per query, so answers follow it.
 */
const PAGE = 250;
const post = (m: SuggestReply): void => postMessage(m);
let index = new SentenceIndex();
/** The ids in the index: a document gone from the library (a restore) means building afresh. */
let indexedIds = new Set<string>();
let db: MarginaliaDb | null = null;
let total = 0;
let building: Promise<void> | null = null;
let again = false;

async function build(d: MarginaliaDb): Promise<void> {
  // Documents held in batch rows (issue 20) count and are indexed as well, a page of batches at a time.
  const [ids, live] = await Promise.all([
    d.documents.orderBy('order').primaryKeys() as Promise<string[]>,
    libraryIds(d),
  ]);
  total = live.size;
  if ([...indexedIds].some((id) => !live.has(id))) {
    index = new SentenceIndex();
    indexedIds = new Set();
  }
  const add = (id: string, text: string): void => {
    index.add(id, text);
    indexedIds.add(id);
  };
  const missing = ids.filter((id) => !index.has(id));
  for (let i = 0; i < missing.length; i += PAGE) {
    const page = missing.slice(i, i + PAGE);
    const texts = await d.texts.bulkGet(page);
    page.forEach((id, n) => {
      const t = texts[n];
      if (t) add(id, t.text);
    });
    post({ kind: 'progress', indexed: index.documents, total });
  }
  if (index.documents < total)
    await forEachBatchText(d, (entries) => {
      for (const e of entries) if (!index.has(e.id)) add(e.id, e.text);
      post({ kind: 'progress', indexed: index.documents, total });
    });
  post({ kind: 'progress', indexed: index.documents, total });
}

function refresh(): void {
  if (!db) return;
  if (building) {
    again = true;
    return;
  }
  const d = db;
  building = build(d)
    .catch((e: unknown) => post({ kind: 'failed', id: null, message: String(e) }))
    .finally(() => {
      building = null;
      if (again) {
        again = false;
        refresh();
      }
    });
}

async function answer(d: MarginaliaDb, q: SuggestQuery, k = 5): Promise<ShownSuggestion[]> {
  const here = { docId: q.docId, start: q.start, end: q.end };
  const [links, dismissed] = await Promise.all([
    linksAt(d, q.annotator, here),
    dismissedFor(d, q.annotator, here),
  ]);
  const linked = new Set(links.map((l) => endpointKey(sameEndpoint(l.from, here) ? l.to : l.from)));
  const claim = { docId: q.docId, text: q.text };
  // The candidates' articles first, so their claim spans can stand for the sentences they cover.
  const docs = [...new Set(suggestLinks(index, claim, { k: 50 }).map((s) => s.docId))];
  const spans = await librarySpansOf(d, docs, q.annotator);
  const skip = (s: LinkSuggestion): boolean => linked.has(endpointKey(s)) || dismissed.has(endpointKey(s));
  const found = suggestLinks(index, claim, { k, skip, spansOf: (id) => spans.get(id) ?? [] });
  const ids = [...new Set(found.map((s) => s.docId))];
  const docsFound = await libraryDocumentsOf(d, ids, true);
  const cps = new Map(ids.map((id, i) => [id, new CodePointIndex(docsFound[i]?.text ?? '')]));
  return found.flatMap((s) => {
    const row = docsFound[ids.indexOf(s.docId)]?.row;
    return row ? [{ ...s, title: row.title, text: cps.get(s.docId)?.slice(s.start, s.end) ?? '' }] : [];
  });
}

self.onmessage = async (e: MessageEvent<SuggestRequest>) => {
  const m = e.data;
  if (m.kind === 'open') {
    db = new MarginaliaDb(m.dbName);
    refresh();
  } else if (m.kind === 'refresh') refresh();
  else if (db) {
    const t0 = performance.now();
    try {
      const suggestions = await answer(db, m.query);
      post({
        kind: 'result',
        id: m.id,
        suggestions,
        ms: performance.now() - t0,
        indexed: index.documents,
        total,
      });
    } catch (err) {
      post({ kind: 'failed', id: m.id, message: err instanceof Error ? err.message : String(err) });
    }
  }
};
