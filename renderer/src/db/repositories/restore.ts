import { contentDigest, type DatabaseSnapshot } from '../../core/backup/snapshot';
import type { MarginaliaDb } from '../database';
import { DERIVED_TABLES, readSnapshot } from '../snapshot';
import { spanToRow } from '../rows';

/** Whether the database holds nothing a user made: no documents, no spans, never seeded. */
export async function isDatabaseEmpty(db: MarginaliaDb): Promise<boolean> {
  return db.transaction('r', db.documents, db.spans, db.settings, async () => {
    const [docs, spans, seeded] = await Promise.all([
      db.documents.count(),
      db.spans.count(),
      db.settings.get('seeded'),
    ]);
    return docs === 0 && spans === 0 && !seeded;
  });
}

/**
 * Replaces everything stored (every table) with the snapshot in ONE strict transaction: either the whole backup
 * is in the database afterwards or nothing changed (a quota error mid-way rolls the clearing back
 * too). The caller has validated the snapshot through the import validator first.
 */
export async function replaceAllData(db: MarginaliaDb, snap: DatabaseSnapshot): Promise<void> {
  const now = Date.now();
  const missing = Object.keys(snap.extraTables).filter((t) => !db.tables.some((x) => x.name === t));
  if (missing.length > 0)
    throw new Error(
      `The backup has tables this Marginalia does not know (${missing.join(', ')}); use a newer version.`,
    );
  // Every table, spanPacks included: clearing `spans` drops every pack (span-packs middleware), and
  // packs are rebuilt from the restored rows when documents are opened.
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((t) => t.clear()));
    await db.texts.bulkAdd(snap.documents.map((d) => ({ id: d.id, text: d.text })));
    await db.documents.bulkAdd(
      snap.documents.map((d) => ({
        id: d.id,
        title: d.title,
        length: Array.from(d.text).length,
        source: d.source,
        meta: { ...d.meta },
        order: d.order,
        addedAt: d.addedAt,
      })),
    );
    await db.spans.bulkAdd(
      snap.annotations.flatMap((a) =>
        a.spans.map((s) => ({ ...spanToRow(s, a.docId, a.annotator, now), ...snap.spanExtras[s.id] })),
      ),
    );
    await db.progress.bulkAdd(snap.statuses.map((s) => ({ ...s, updatedAt: now })));
    await db.settings.bulkAdd(Object.entries(snap.settings).map(([key, value]) => ({ key, value })));
    for (const [name, rows] of Object.entries(snap.extraTables)) {
      // Derived data is never taken from a file: it is rebuilt from the rows it derives from.
      if (!DERIVED_TABLES.includes(name)) await db.table(name).bulkAdd([...rows]);
    }
  });
}

/** Content digest of what is stored now (see `contentDigest`). */
export async function storedDigest(db: MarginaliaDb): Promise<string> {
  return contentDigest(await readSnapshot(db, db.verno));
}
