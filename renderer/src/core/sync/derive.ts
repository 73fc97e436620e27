import { canonicalJson } from '../formats/canonical';
import type { Label } from '../model/labels';
import type { DocStatus } from '../model/status';
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

/**
 * The span set this replica holds, derived from its stored spans and status and the last copy
 * synced with the server (`base`, or null before the first sync): an entry the app has not changed
 * keeps the base's version (stamp and history), a changed or new span gets a new version stamped
 * by this replica, and a span of the base that is no longer stored becomes a tombstone, so deletions
 * replicate. `changed` is false exactly when there is nothing to push. A new version is always
 * newer than the one it replaces, even when this machine's clock is behind the writer's.
 * `changes` is what the header's "N changes waiting" counts: each added, changed or deleted span,
 * and the status when it changed alone (the first label sets "In progress" by itself: one change).
 */
export function deriveSpanSet(
  base: SpanSetDoc | null,
  spans: readonly LocalSpan[],
  status: LocalStatus | null,
  ctx: DeriveContext,
): { doc: SpanSetDoc; changed: boolean; changes: number } {
  let changed = false;
  let spanChanges = 0;
  const entries: Record<string, Entry<SpanContent>> = {};
  const baseSpans = base?.spans ?? {};
  const own = (id: string): Entry<SpanContent> | undefined =>
    Object.prototype.hasOwnProperty.call(baseSpans, id) ? baseSpans[id] : undefined;
  const seen = new Set<string>();
  for (const s of spans) {
    seen.add(s.id);
    const b = own(s.id);
    const content = contentOf(s);
    if (b && !isTombstone(b) && contentKey(b as SpanContent) === contentKey(content)) {
      entries[s.id] = b;
      continue;
    }
    changed = true;
    spanChanges++;
    const updated_at = Math.max(s.updatedAt, b ? b.updated_at + 1 : 0);
    entries[s.id] = {
      ...content,
      updated_at,
      by: ctx.replica,
      ...(b?.history ? { history: b.history } : {}),
    };
  }
  for (const [id, b] of Object.entries(baseSpans)) {
    if (seen.has(id)) continue;
    if (isTombstone(b)) {
      entries[id] = b;
      continue;
    }
    changed = true;
    spanChanges++;
    entries[id] = {
      deleted: true,
      updated_at: Math.max(ctx.now, b.updated_at + 1),
      by: ctx.replica,
      ...(b.history ? { history: b.history } : {}),
    };
  }
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
    spans: entries,
    links: base?.links ?? {},
  };
  return { doc, changed, changes: spanChanges > 0 ? spanChanges : changed ? 1 : 0 };
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
