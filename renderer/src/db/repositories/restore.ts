import { contentDigest, type DatabaseSnapshot } from '../../core/backup/snapshot';
import type { MarginaliaDb } from '../database';
import { checkSnapshot, currentSnapshotShape, isExtraTable } from '../../core/backup/backup-rules';
import { GOLD_ANNOTATOR } from '../../core/model/gold';
import { readSnapshot } from '../snapshot';
import { documentToRow, goldSpanToRow, spanToRow } from '../rows';
import { writeStatuses } from './progress';

/** Whether the database holds nothing a user made: no documents, no spans, never seeded. */
export async function isDatabaseEmpty(db: MarginaliaDb): Promise<boolean> {
  // One key each, not count(): Chromium counts a store by walking every key, which at start-up
  // took ~2.9 s with 100,005 documents and 200,000 spans (load ~20; issue 20).
  const anyKey = async (t: { limit(n: number): { primaryKeys(): Promise<unknown[]> } }) =>
    (await t.limit(1).primaryKeys()).length > 0;
  return db.transaction('r', db.documents, db.spans, db.goldSpans, db.settings, async () => {
    const [docs, spans, gold, seeded] = await Promise.all([
      anyKey(db.documents),
      anyKey(db.spans),
      anyKey(db.goldSpans),
      db.settings.get('seeded'),
    ]);
    return !docs && !spans && !gold && !seeded;
  });
}

/** Why this database cannot hold the snapshot's extra tables (a newer build's), or null. */
export function unknownTablesProblem(db: MarginaliaDb, snap: DatabaseSnapshot): string | null {
  const missing = Object.keys(snap.extraTables).filter((t) => !db.tables.some((x) => x.name === t));
  return missing.length > 0
    ? `The backup has tables this Marginalia does not know (${missing.join(', ')}); use a newer version.`
    : null;
}

/** Thrown inside the restore transaction (aborting it) when the stored data reads back different. */
export class DigestMismatch extends Error {
  constructor(
    readonly found: string,
    readonly expected: string,
  ) {
    super(`The restored data reads back as ${found}, not ${expected}.`);
  }
}

/** How many documents and spans (gold's included, as a backup counts them) are stored now. */
export async function libraryCounts(db: MarginaliaDb): Promise<{ documents: number; spans: number }> {
  return db.transaction('r', db.documents, db.spans, db.goldSpans, async () => ({
    documents: await db.documents.count(),
    spans: (await db.spans.count()) + (await db.goldSpans.count()),
  }));
}

/**
 * Replaces everything stored (every table) with the snapshot in ONE strict transaction: either the
 * whole backup is in the database afterwards or nothing changed (a quota error mid-way rolls the
 * clearing back too). The snapshot is checked here again (`checkSnapshot`), so no caller can store
 * rows the importer would refuse. With `expectedDigest`, the data is read back inside the same
 * transaction and a different digest aborts it (`DigestMismatch`).
 */
export async function replaceAllData(
  db: MarginaliaDb,
  given: DatabaseSnapshot,
  promisedDigest?: string,
): Promise<void> {
  const snap = currentSnapshotShape(given);
  let expectedDigest = promisedDigest;
  if (snap !== given && promisedDigest !== undefined) {
    // An older backup's digest does not cover its rejections (then settings, now rows of
    // `decisions`): check it on the data as given, then expect the moved data back.
    const found = contentDigest(given);
    if (found !== promisedDigest) throw new DigestMismatch(found, promisedDigest);
    expectedDigest = contentDigest(snap);
  }
  const checked = checkSnapshot(snap);
  if (!checked.ok) throw new Error(checked.error);
  const now = Date.now();
  const unknown = unknownTablesProblem(db, snap);
  if (unknown !== null) throw new Error(unknown);
  // Every table, spanPacks included: clearing `spans` drops every pack (span-packs middleware), and
  // packs are rebuilt from the restored rows when documents are opened.
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((t) => t.clear()));
    await db.texts.bulkAdd(snap.documents.map((d) => ({ id: d.id, text: d.text })));
    await db.documents.bulkAdd(snap.documents.map((d) => documentToRow(d, d.order, d.addedAt)));
    // Extras first, the record's fields last: a header can add fields, never change these.
    const [gold, others] = [
      snap.annotations.filter((a) => a.annotator === GOLD_ANNOTATOR),
      snap.annotations.filter((a) => a.annotator !== GOLD_ANNOTATOR),
    ];
    await db.spans.bulkAdd(
      others.flatMap((a) =>
        a.spans.map((s) => ({ ...snap.spanExtras[s.id], ...spanToRow(s, a.docId, a.annotator, now) })),
      ),
    );
    // Gold goes to its own table (schema v4), whichever version the backup was made with.
    await db.goldSpans.bulkAdd(
      gold.flatMap((a) =>
        a.spans.map((s) => ({ ...snap.spanExtras[s.id], ...goldSpanToRow(s, a.docId, now) })),
      ),
    );
    // Gold's status goes to its own table (schema v7), whichever version the backup was made with.
    await writeStatuses(
      db,
      snap.statuses.map((s) => ({ ...s, updatedAt: now })),
    );
    await db.settings.bulkAdd(Object.entries(snap.settings).map(([key, value]) => ({ key, value })));
    for (const [name, rows] of Object.entries(snap.extraTables)) {
      // Derived data is never taken from a file: it is rebuilt from the rows it derives from.
      if (isExtraTable(name)) await db.table(name).bulkAdd([...rows]);
    }
    if (expectedDigest !== undefined) {
      const found = contentDigest(await readSnapshot(db, db.verno));
      if (found !== expectedDigest) throw new DigestMismatch(found, expectedDigest);
    }
  });
}

/** Content digest of what is stored now (see `contentDigest`). */
export async function storedDigest(db: MarginaliaDb): Promise<string> {
  return contentDigest(await readSnapshot(db, db.verno));
}
