import type { TitledClaimsSource } from '../../core/links/claims-view';
import { GOLD_ANNOTATOR } from '../../core/model/gold';
import { byKey, unshadowedBatchEntries } from '../batch-entries';
import { mergeByOrder } from '../corpus/library';
import { batchTables } from '../corpus/library-batches';
import type { MarginaliaDb } from '../database';

/**
 * What the Claims view is built from, read in ONE transaction so it describes one state: every
 * participant's `claim` spans (gold's from its own table), every link, and the documents with a
 * mention (title and text), in library order. Other labels are left out: only claim spans and link
 * ends become mentions (core/links/clusters.ts). Meant for a worker: every span row is read.
 */
export async function loadClaimsSource(db: MarginaliaDb): Promise<TitledClaimsSource> {
  const tables = [db.documents, db.texts, db.spans, db.goldSpans, db.links, ...batchTables(db)];
  return db.transaction('r', tables, async () => {
    const [perDocument, perDocumentSpans, goldRows, linkRows] = await Promise.all([
      db.documents.orderBy('order').toArray(),
      db.spans.toArray(),
      db.goldSpans.toArray(),
      db.links.toArray(),
    ]);
    // Documents held in batch rows (issue 20) join as the rows they stand for, in table order.
    const ids = new Set(perDocument.map((d) => d.id));
    const entries = await unshadowedBatchEntries(db, (id) => ids.has(id));
    const batchTexts = new Map(entries.map((e) => [e.document.id, e.text]));
    const docRows = mergeByOrder(
      perDocument,
      entries.map((e) => e.document).sort((a, b) => a.order - b.order),
    );
    const spanRows = perDocumentSpans.concat(entries.flatMap((e) => e.spans));
    if (entries.length > 0) spanRows.sort((a, b) => byKey(a.id, b.id));
    const sets = new Map<
      string,
      { docId: string; annotator: string; spans: { start: number; end: number; label: string }[] }
    >();
    const add = (
      docId: string,
      annotator: string,
      s: { start: number; end: number; label: string },
    ): void => {
      const key = `${docId}\u0000${annotator}`;
      let set = sets.get(key);
      if (!set) sets.set(key, (set = { docId, annotator, spans: [] }));
      set.spans.push({ start: s.start, end: s.end, label: s.label });
    };
    for (const s of spanRows) if (s.label === 'claim') add(s.docId, s.annotator, s);
    for (const s of goldRows) if (s.label === 'claim') add(s.docId, GOLD_ANNOTATOR, s);
    const links = linkRows;
    const used = new Set<string>([...sets.values()].map((s) => s.docId));
    for (const l of links) used.add(l.from.docId).add(l.to.docId);
    const rows = docRows.filter((d) => used.has(d.id));
    const texts = await db.texts.bulkGet(rows.map((r) => r.id));
    const documents = rows.map((r, i) => ({
      id: r.id,
      title: r.title,
      text: texts[i]?.text ?? batchTexts.get(r.id) ?? '',
    }));
    return { documents, sets: [...sets.values()], links };
  });
}
