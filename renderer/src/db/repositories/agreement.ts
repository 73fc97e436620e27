import Dexie from 'dexie';

import { compareCodePoints } from '../../core/agreement/pairs';
import type { AgreementSource, SourceSet } from '../../core/agreement-report/study-input';
import type { Link } from '../../core/links/link';
import { GOLD_ANNOTATOR } from '../../core/model/gold';
import type { MarginaliaDb } from '../database';
import { byKey } from '../batch-entries';
import { batchTables, unshadowedSets } from '../corpus/sets';
import { batchParticipants, withBatchSets } from '../corpus/sets-participants';
import {
  goldRowAsSpanRow,
  goldStatusAsProgressRow,
  type DocumentRow,
  type ProgressRow,
  type SpanRow,
} from '../rows';
import { participantsWithStatus, statusesOf, statusTables } from './progress';

/** The span rows of `annotators`, gold's from its own table (gold is a participant like any other). */
export async function participantSpanRows(
  db: MarginaliaDb,
  annotators: readonly string[],
): Promise<SpanRow[]> {
  const others = annotators.filter((a) => a !== GOLD_ANNOTATOR);
  const [rows, gold] = await Promise.all([
    db.spans.where('annotator').anyOf(others).toArray(),
    annotators.includes(GOLD_ANNOTATOR) ? db.goldSpans.toArray() : [],
  ]);
  return gold.length > 0 ? [...rows, ...gold.map(goldRowAsSpanRow)] : rows;
}

/** The links of `annotators` (gold's under "gold"), by the [annotator+from.docId] index. */
async function participantLinks(db: MarginaliaDb, annotators: readonly string[]): Promise<Link[]> {
  const per = await Promise.all(
    annotators.map((a) =>
      db.links.where('[annotator+from.docId]').between([a, Dexie.minKey], [a, Dexie.maxKey]).toArray(),
    ),
  );
  return per.flat().map((r) => ({
    id: r.id,
    annotator: r.annotator,
    relation: r.relation,
    from: r.from,
    to: r.to,
    note: r.note,
  }));
}

/** Every participant with spans or a status: the annotators, and "gold" once it has a span. */
export async function listParticipants(db: MarginaliaDb): Promise<string[]> {
  const [a, b, gold, batched] = await Promise.all([
    db.spans.orderBy('annotator').uniqueKeys(),
    participantsWithStatus(db),
    db.goldSpans.count(),
    batchParticipants(db),
  ]);
  return [...new Set([...a, ...b, ...(gold > 0 ? [GOLD_ANNOTATOR] : []), ...batched].map(String))];
}

/** Every annotator with spans or a status in the database (gold included), in code point order. */
export async function listStudyAnnotators(db: MarginaliaDb): Promise<string[]> {
  const tables = [db.spans, db.goldSpans, ...statusTables(db), db.documents, ...batchTables(db)];
  return db.transaction('r', tables, async () => (await listParticipants(db)).sort(compareCodePoints));
}

/**
 * An Agreement view's source and the library order of its documents, so that a refresh can put
 * the documents it read again where a whole read would.
 */
export interface AgreementState {
  readonly source: AgreementSource;
  readonly order: ReadonlyMap<string, number>;
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
  return (await readState(db, docIds, annotators, { keyed: false, ordered: true })).source;
}

/**
 * `loadAgreementSource` with the documents' library order, its sets in no promised order (the
 * figures do not depend on it): what the agreement worker reads.
 */
export function loadAgreementState(
  db: MarginaliaDb,
  docIds: readonly string[] | null,
  annotators: readonly string[],
  /** Fractions of the library's batch rows read (a library in batch rows: most of the read). */
  onProgress?: (fraction: number) => void,
): Promise<AgreementState> {
  return readState(db, docIds, annotators, { keyed: false, ordered: false, onProgress });
}

/**
 * The state after writes to the documents `changed` (pulled span sets, labels, statuses): their
 * sets and rows read again by key, every other document's taken from `prev` — never every row of
 * a participant (a lead's refresh read every span and status of every annotator for each pulled
 * set). `selection` null: every document. Links are taken from `prev`: a write to links needs a
 * whole read. Null when no changed document is in the selection (nothing to recompute).
 */
export async function refreshAgreementState(
  db: MarginaliaDb,
  prev: AgreementState,
  changed: ReadonlySet<string>,
  selection: readonly string[] | null,
  annotators: readonly string[],
): Promise<AgreementState | null> {
  const within = selection ? new Set(selection) : null;
  const ids = [...changed].filter((id) => !within || within.has(id));
  if (ids.length === 0) return null;
  const fresh = await readState(db, ids, annotators, { keyed: true, ordered: false });
  const gone = new Set(ids);
  const order = new Map([...prev.order].filter(([id]) => !gone.has(id)));
  for (const [id, at] of fresh.order) order.set(id, at);
  const documents = [...prev.source.documents.filter((d) => !gone.has(d.id)), ...fresh.source.documents].sort(
    (a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0) || byKey(a.id, b.id),
  );
  const sets = [...prev.source.sets.filter((s) => !gone.has(s.docId)), ...fresh.source.sets];
  const links = prev.source.links;
  return { source: links ? { documents, sets, links } : { documents, sets }, order };
}

/** Span and status rows of the chosen annotators on `docIds`, each set by its index key. */
async function rowsByKey(
  db: MarginaliaDb,
  docIds: readonly string[],
  annotators: readonly string[],
): Promise<[SpanRow[], ProgressRow[]]> {
  const others = annotators.filter((a) => a !== GOLD_ANNOTATOR);
  const gold = annotators.includes(GOLD_ANNOTATOR) ? docIds : [];
  const pairs = docIds.flatMap((d) => others.map((a) => [d, a] as [string, string]));
  const [spans, goldSpans, statuses, goldStatuses] = await Promise.all([
    Promise.all(pairs.map((k) => db.spans.where('[docId+annotator]').equals(k).toArray())),
    Promise.all(gold.map((d) => db.goldSpans.where('docId').equals(d).toArray())),
    db.progress.bulkGet(pairs),
    db.goldStatus.bulkGet([...gold]),
  ]);
  return [
    [...spans.flat(), ...goldSpans.flat().map(goldRowAsSpanRow)],
    [
      ...statuses.filter((r): r is ProgressRow => r !== undefined),
      ...goldStatuses.filter((r) => r !== undefined).map(goldStatusAsProgressRow),
    ],
  ];
}

/**
 * `keyed`: `docIds` are read by index key (a refresh), not by walking the participants' rows.
 * `ordered`: the sets and their spans in the order the tables' indexes would list them were every
 * document in per-document rows (what tests compare); otherwise in no promised order.
 */
async function readState(
  db: MarginaliaDb,
  docIds: readonly string[] | null,
  annotators: readonly string[],
  {
    keyed,
    ordered,
    onProgress,
  }: { keyed: boolean; ordered: boolean; onProgress?: (fraction: number) => void },
): Promise<AgreementState> {
  const tables = [db.documents, db.texts, db.spans, db.goldSpans, ...statusTables(db), db.links];
  return db.transaction('r', [...tables, ...batchTables(db)], async () => {
    const [perDocument, links] = await Promise.all([
      keyed && docIds
        ? rowsByKey(db, docIds, annotators)
        : Promise.all([participantSpanRows(db, annotators), statusesOf(db, annotators)]),
      keyed ? [] : participantLinks(db, annotators),
    ]);
    // Documents still in batch rows (issue 20) add their sets: in the order rows would give them
    // for `loadAgreementSource`, straight from the pack columns for the worker.
    const [spans, statuses] = perDocument;
    const others = annotators.filter((a) => a !== GOLD_ANNOTATOR);
    const merged = ordered ? await withBatchSets(db, annotators, docIds, { spans, statuses }) : null;
    const direct =
      merged || others.length === 0
        ? { documents: [], sets: [] }
        : await unshadowedSets(db, docIds, others, onProgress);
    const [spanRows, progressRows] = merged ? [merged.spans, merged.statuses] : [spans, statuses];
    const batchDocuments = merged ? merged.documents : direct.documents;
    const wanted = docIds ? new Set(docIds) : null;
    const sets = new Map<string, SourceSet & { spans: SourceSet['spans'][number][] }>();
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
    // A batch entry has no `documents` row (that would shadow it): only the others are looked up.
    const inBatch = new Set(batchDocuments.map((d) => d.document.id));
    // Only the documents a set names, in library order (the `order` index, ties by id): reading
    // every row took ~0.6 s of each refresh at a lead with 10,000 articles (bench sync phase).
    const used = [...new Set([...sets.values()].map((s) => s.docId))].filter((id) => !inBatch.has(id));
    const own = (await db.documents.bulkGet(used)).filter((d): d is DocumentRow => d !== undefined);
    const texts = await db.texts.bulkGet(own.map((r) => r.id));
    const rows = [
      ...own.map((document, i) => {
        const t = texts[i];
        if (!t) throw new Error(`The text of "${document.title}" is missing from the database.`);
        return { document, text: t.text };
      }),
      ...batchDocuments,
    ].sort((a, b) => a.document.order - b.document.order || byKey(a.document.id, b.document.id));
    const documents = rows.map(({ document: r, text }) => ({ id: r.id, title: r.title, text }));
    const order = new Map(rows.map(({ document: r }) => [r.id, r.order]));
    return { source: { documents, sets: [...sets.values(), ...direct.sets], links }, order };
  });
}
