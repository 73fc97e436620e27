import { expect } from 'vitest';

import { exportToStrings } from '../../../renderer/src/core/formats/export';
import { nativePage } from '../../../renderer/src/core/formats/export-pages';
import { EXPORT_FORMATS, type ExportDataset } from '../../../renderer/src/core/formats/export-types';
import type { MarginaliaDb } from '../../../renderer/src/db/database';
import { listSpans } from '../../../renderer/src/db/repositories/annotations';
import { createBackup } from '../../../renderer/src/db/repositories/backup';
import { getDocument, listDocuments } from '../../../renderer/src/db/repositories/documents';
import { exportAnnotatorLines } from '../../../renderer/src/db/repositories/export';
import { listAnnotators, loadExportDataset } from '../../../renderer/src/db/repositories/export-dataset';
import { exportPages } from '../../../renderer/src/db/repositories/export-pages';
import { storedDigest } from '../../../renderer/src/db/repositories/restore';
import { readSnapshot } from '../../../renderer/src/db/snapshot';
import { countLibrary } from '../../../renderer/src/db/corpus/library-count';
import { libraryStatuses, listLibrary } from '../../../renderer/src/db/corpus/library';
import { countSpansByDocument } from '../../../renderer/src/db/repositories/span-counts';
import { documentsOfAnnotator, findInTexts } from '../../../renderer/src/db/repositories/library-search';
import {
  listParticipants,
  listStudyAnnotators,
  loadAgreementSource,
} from '../../../renderer/src/db/repositories/agreement';

/**
 * Everything a reader of the library can see, read only through the app's readers (never a table
 * by name): so a database in batch rows and one in per-document rows compare equal exactly when no
 * reader can tell them apart (issue 20, docs/architecture.md "Tests that must hold").
 */
const info = { reason: 'manual', appVersion: 'test', createdAt: '2026-12-06T00:00:00.000Z' };

const bytesOf = (data: ExportDataset) =>
  EXPORT_FORMATS.flatMap((format) =>
    [false, true].map((includeUnannotated) => {
      const out = exportToStrings(data, { format, includeUnannotated });
      return out.ok ? out.value.files.map((f) => `${f.name}\n${f.text}`) : out.error;
    }),
  );

/**
 * Every document of a small library, every tenth and the last of a big one: for the per-document
 * reads (a transaction each, slow in fake-indexeddb), while the tables and exports read them all.
 */
export const sampled = <T>(all: readonly T[]): T[] => {
  const step = all.length > 100 ? 10 : 1;
  return all.filter((_, i) => i % step === 0 || i === all.length - 1);
};

export async function logicalView(db: MarginaliaDb) {
  const library = await listDocuments(db);
  const annotators = await listAnnotators(db);
  const sets: Record<string, unknown> = {};
  const documents: unknown[] = [];
  for (const d of sampled(library)) {
    documents.push(await getDocument(db, d.id));
    for (const a of [...annotators, 'nobody']) sets[`${d.id}/${a}`] = await listSpans(db, d.id, a);
  }
  const native: Record<string, string[]> = {};
  for (const a of annotators) native[a] = await exportAnnotatorLines(db, a);
  // The streamed export's bytes (features/export/streamExport.ts): its pages' native text, joined.
  let streamed = '';
  const totals = { documents: 0, spans: 0, notStarted: 0 };
  for await (const page of exportPages(db, annotators, true, 97)) {
    const out = nativePage({ ...page, links: [] }, { includeUnannotated: true });
    // A page the export refuses stops it (streamExport throws): the message is what the user sees.
    if (!out.ok) {
      streamed += `refused: ${out.error.message}`;
      break;
    }
    streamed += out.value.text;
    for (const k of ['documents', 'spans', 'notStarted'] as const) totals[k] += out.value[k];
  }
  const perAnnotator: Record<string, unknown> = {};
  for (const a of [...annotators, 'nobody'])
    perAnnotator[a] = {
      statuses: [...(await libraryStatuses(db, a))].sort(),
      counts: [...(await countSpansByDocument(db, a))].sort(),
      worked: [...(await documentsOfAnnotator(db, a))].sort(),
    };
  // Every caller sorts the participants (listStudyAnnotators, listAnnotators): their order is no reader's.
  const participants = (await listParticipants(db)).sort();
  const search = (words: string) => findInTexts(db, { words, status: null, annotator: null });
  return {
    snapshot: await readSnapshot(db, db.verno),
    count: await countLibrary(db),
    list: await listLibrary(db),
    perAnnotator,
    found: [...((await search('costs rose 4')) ?? [])].sort(),
    agreement: {
      participants,
      study: await listStudyAnnotators(db),
      source: await loadAgreementSource(db, null, participants),
    },
    backup: (await createBackup(db, info)).content,
    digest: await storedDigest(db),
    library,
    documents,
    annotators,
    sets,
    native,
    formats: bytesOf(await loadExportDataset(db, null, annotators, true)),
    touched: bytesOf(await loadExportDataset(db, null, annotators, false)),
    streamed,
    totals,
  };
}

/** Each part of the two views compared on its own, named, so a failure says what differs. */
export async function sameView(db: MarginaliaDb, reference: MarginaliaDb): Promise<void> {
  const [got, want] = [await logicalView(db), await logicalView(reference)];
  for (const k of Object.keys(want) as (keyof typeof want)[]) expect.soft(got[k], k).toEqual(want[k]);
}

/** What a backup sees: the logical tables (the snapshot), the backup's bytes and the digest. */
export async function sameStored(db: MarginaliaDb, reference: MarginaliaDb): Promise<void> {
  expect(await readSnapshot(db, db.verno)).toEqual(await readSnapshot(reference, reference.verno));
  expect((await createBackup(db, info)).content).toBe((await createBackup(reference, info)).content);
  expect(await storedDigest(db)).toBe(await storedDigest(reference));
}
