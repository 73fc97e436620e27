import { compareCodePoints } from '../../core/agreement/pairs';
import type { AgreementSource, SourceSet } from '../../core/agreement-report/study-input';
import type { MarginaliaDb } from '../database';

/** Every annotator with spans or a status in the database (gold included), in code point order. */
export async function listStudyAnnotators(db: MarginaliaDb): Promise<string[]> {
  return db.transaction('r', db.spans, db.progress, async () => {
    const [a, b] = await Promise.all([
      db.spans.orderBy('annotator').uniqueKeys(),
      db.progress.orderBy('annotator').uniqueKeys(),
    ]);
    return [...new Set([...a, ...b].map(String))].sort(compareCodePoints);
  });
}

/**
 * What the agreement worker needs, read in ONE transaction so the figures describe one consistent
 * state even while someone annotates: the documents (with texts) some chosen annotator worked on,
 * in library order, and one set per (document, annotator) that has spans or a status row —
 * a status without spans means "read it, marked nothing". `docIds` null: every document.
 */
export async function loadAgreementSource(
  db: MarginaliaDb,
  docIds: readonly string[] | null,
  annotators: readonly string[],
): Promise<AgreementSource> {
  return db.transaction('r', [db.documents, db.texts, db.spans, db.progress], async () => {
    const [docRows, spanRows, progressRows] = await Promise.all([
      db.documents.orderBy('order').toArray(),
      db.spans
        .where('annotator')
        .anyOf([...annotators])
        .toArray(),
      db.progress
        .where('annotator')
        .anyOf([...annotators])
        .toArray(),
    ]);
    const wanted = docIds ? new Set(docIds) : null;
    const sets = new Map<string, { docId: string; annotator: string; spans: SourceSet['spans'][number][] }>();
    const setOf = (docId: string, annotator: string) => {
      const key = `${docId}\u0000${annotator}`;
      let set = sets.get(key);
      if (!set) {
        set = { docId, annotator, spans: [] };
        sets.set(key, set);
      }
      return set;
    };
    for (const p of progressRows) if (!wanted || wanted.has(p.docId)) setOf(p.docId, p.annotator);
    for (const s of spanRows) {
      if (!wanted || wanted.has(s.docId))
        setOf(s.docId, s.annotator).spans.push({ start: s.start, end: s.end, label: s.label });
    }
    const used = new Set([...sets.values()].map((s) => s.docId));
    const rows = docRows.filter((d) => used.has(d.id));
    const texts = await db.texts.bulkGet(rows.map((r) => r.id));
    const documents = rows.map((r, i) => {
      const t = texts[i];
      if (!t) throw new Error(`The text of "${r.title}" is missing from the database.`);
      return { id: r.id, title: r.title, text: t.text };
    });
    return { documents, sets: [...sets.values()] };
  });
}
