import { canonicalJson } from '../formats/canonical';
import type { Label } from '../model/labels';
import type { DocStatus } from '../model/status';
import { linkContentKey, linkContentOf, type LocalLink } from './link-entries';
import {
  isTombstone,
  SPAN_SET_SCHEMA,
  SPAN_SET_TYPE,
  spanSetId,
  type Entry,
  type SpanContent,
  type SpanSetDoc,
  type StatusRegister,
} from './span-set';

/** One span as the app stores it (db row fields, without the storage shape). */
export interface LocalSpan {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly label: Label;
  readonly note: string;
  readonly unsure?: boolean;
  readonly provenance?: unknown;
  /** When the app last wrote it (ms). */
  readonly updatedAt: number;
}

export interface LocalStatus {
  readonly value: DocStatus;
  readonly updatedAt: number;
}

export interface DeriveContext {
  readonly docId: string;
  readonly annotator: string;
  /** This installation's replica id (the `by` of every version it writes). */
  readonly replica: string;
  /** Now, in ms: the time of a deletion, which leaves no local row to date it. */
  readonly now: number;
}

function contentOf(s: LocalSpan): SpanContent {
  const c: { -readonly [K in keyof SpanContent]: SpanContent[K] } = {
    start: s.start,
    end: s.end,
    label: s.label,
    note: s.note,
  };
  if (s.unsure) c.unsure = true;
  if (s.provenance !== undefined && s.provenance !== null)
    c.provenance = s.provenance as Readonly<Record<string, unknown>>;
  return c;
}

const contentKey = (c: SpanContent): string =>
  canonicalJson({
    start: c.start,
    end: c.end,
    label: c.label,
    note: c.note,
    unsure: c.unsure === true,
    provenance: c.provenance ?? null,
  });

/** One local entry to derive a version from: its id, content and when the app last wrote it. */
interface LocalEntry<C> {
  readonly id: string;
  readonly content: C;
  readonly updatedAt: number;
}

/**
 * The entries (spans or links) this replica holds against the base's: an unchanged entry keeps the
 * base's version (stamp and history), a changed or new one gets a version stamped by this replica,
 * and one of the base no longer stored becomes a tombstone. `changes` counts the entries changed.
 */
function deriveEntries<C>(
  baseEntries: Readonly<Record<string, Entry<C>>>,
  locals: readonly LocalEntry<C>[],
  key: (c: C) => string,
  ctx: DeriveContext,
): { entries: Record<string, Entry<C>>; changes: number } {
  let changes = 0;
  const entries: Record<string, Entry<C>> = {};
  const own = (id: string): Entry<C> | undefined =>
    Object.prototype.hasOwnProperty.call(baseEntries, id) ? baseEntries[id] : undefined;
  const seen = new Set<string>();
  for (const l of locals) {
    seen.add(l.id);
    const b = own(l.id);
    if (b && !isTombstone(b) && key(b as C) === key(l.content)) {
      entries[l.id] = b;
      continue;
    }
    changes++;
    const updated_at = Math.max(l.updatedAt, b ? b.updated_at + 1 : 0);
    entries[l.id] = {
      ...l.content,
      updated_at,
      by: ctx.replica,
      ...(b?.history ? { history: b.history } : {}),
    } as Entry<C>;
  }
  for (const [id, b] of Object.entries(baseEntries)) {
    if (seen.has(id)) continue;
    if (isTombstone(b)) {
      entries[id] = b;
      continue;
    }
    changes++;
    entries[id] = {
      deleted: true,
      updated_at: Math.max(ctx.now, b.updated_at + 1),
      by: ctx.replica,
      ...(b.history ? { history: b.history } : {}),
    } as Entry<C>;
  }
  return { entries, changes };
}

/**
 * The span set this replica holds, derived from its stored spans, links (those whose `from` end is
 * in this article) and status and the last copy synced with the server (`base`, or null before the
 * first sync): an entry the app has not changed keeps the base's version (stamp and history), a
 * changed or new span or link gets a new version stamped by this replica, and one of the base that
 * is no longer stored becomes a tombstone, so deletions replicate. `changed` is false exactly when
 * there is nothing to push. A new version is always newer than the one it replaces, even when this
 * machine's clock is behind the writer's. `changes` is what the header's "N changes waiting"
 * counts: each added, changed or deleted span or link, and the status when it changed alone (the
 * first label sets "In progress" by itself: one change).
 */
export function deriveSpanSet(
  base: SpanSetDoc | null,
  spans: readonly LocalSpan[],
  status: LocalStatus | null,
  ctx: DeriveContext,
  links: readonly LocalLink[] = [],
): { doc: SpanSetDoc; changed: boolean; changes: number } {
  const s = deriveEntries(
    base?.spans ?? {},
    spans.map((x) => ({ id: x.id, content: contentOf(x), updatedAt: x.updatedAt })),
    contentKey,
    ctx,
  );
  const l = deriveEntries(
    base?.links ?? {},
    links.map((x) => ({ id: x.id, content: linkContentOf(x), updatedAt: x.updatedAt })),
    linkContentKey,
    ctx,
  );
  const entryChanges = s.changes + l.changes;
  let changed = entryChanges > 0;
  const value = status?.value ?? 'todo';
  let reg: StatusRegister;
  if (base && base.status.value === value) reg = base.status;
  else {
    // A new set whose status is still "to do" has nothing to say about it.
    if (base || value !== 'todo') changed = true;
    const after = base ? base.status.updated_at + 1 : 0;
    reg = { value, updated_at: Math.max(status?.updatedAt ?? ctx.now, after), by: ctx.replica };
  }
  const doc: SpanSetDoc = {
    _id: spanSetId(ctx.docId),
    ...(base?._rev ? { _rev: base._rev } : {}),
    type: SPAN_SET_TYPE,
    schema: SPAN_SET_SCHEMA,
    doc_id: ctx.docId,
    annotator: ctx.annotator,
    status: reg,
    spans: s.entries,
    links: l.entries,
  };
  return { doc, changed, changes: entryChanges > 0 ? entryChanges : changed ? 1 : 0 };
}

/** The spans a set holds (tombstones left out), for storing as the app's rows. */
export function liveSpans(doc: SpanSetDoc): (SpanContent & { id: string; updated_at: number })[] {
  const out: (SpanContent & { id: string; updated_at: number })[] = [];
  for (const [id, e] of Object.entries(doc.spans)) {
    if (isTombstone(e)) continue;
    const c = e as SpanContent & { updated_at: number };
    out.push({
      id,
      start: c.start,
      end: c.end,
      label: c.label,
      note: c.note,
      ...(c.unsure ? { unsure: true } : {}),
      ...(c.provenance ? { provenance: c.provenance } : {}),
      updated_at: c.updated_at,
    });
  }
  return out;
}
