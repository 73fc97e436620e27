import type { TitledClaimsSource } from '../../core/links/claims-view';
import { GOLD_ANNOTATOR } from '../../core/model/gold';
import type { MarginaliaDb } from '../database';

/**
 * What the Claims view is built from, read in ONE transaction so it describes one state: every
 * participant's `claim` spans (gold's from its own table), every link, and the documents with a
 * mention (title and text), in library order. Other labels are left out: only claim spans and link
 * ends become mentions (core/links/clusters.ts). Meant for a worker: every span row is read.
 */
export async function loadClaimsSource(db: MarginaliaDb): Promise<TitledClaimsSource> {
  return db.transaction('r', [db.documents, db.texts, db.spans, db.goldSpans, db.links], async () => {
    const [docRows, spanRows, goldRows, linkRows] = await Promise.all([
      db.documents.orderBy('order').toArray(),
      db.spans.toArray(),
      db.goldSpans.toArray(),
      db.links.toArray(),
    ]);
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
    const documents = rows.map((r, i) => ({ id: r.id, title: r.title, text: texts[i]?.text ?? '' }));
    return { documents, sets: [...sets.values()], links };
  });
}
