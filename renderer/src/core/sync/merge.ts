import { canonicalJson } from '../formats/canonical';
import {
  HISTORY_MAX,
  versionOf,
  type Entry,
  type SpanSetDoc,
  type Stamp,
  type StatusRegister,
  type Version,
} from './span-set';

/**
 * Span-by-span merge of two versions of one (article, annotator) set: what two replicas (two
 * machines of one annotator, or a client and the server after a 409) hold is joined so that both
 * sets of changes survive, deletions included.
 *
 * Per entry, versions are totally ordered by (updated_at, by, canonical JSON): the newest wins, and
 * a version that lost is kept in the winner's history (at most HISTORY_MAX, newest first). The
 * result is the summary of the union of all versions either side has seen, so the two-way merge is
 * commutative, associative and idempotent, and replicas that saw the same changes converge
 * whatever the order (tests/unit/core/sync/merge.test.ts).
 *
 * With `base` — the version both sides last had in common, which the client keeps as the last
 * synced copy — an entry that one side left unchanged takes the other side's version without
 * calling the unchanged one a loser: only entries that both sides changed put a version in history.
 * Still commutative and idempotent. O(entries · HISTORY_MAX log HISTORY_MAX).
 */
export function mergeSpanSets(a: SpanSetDoc, b: SpanSetDoc, base?: SpanSetDoc): SpanSetDoc {
  if (a.doc_id !== b.doc_id || a.annotator !== b.annotator)
    throw new Error('Only two versions of the same (article, annotator) set can be merged.');
  return {
    ...a,
    status: mergeStatus(a.status, b.status, base?.status),
    spans: mergeEntries(a.spans, b.spans, base?.spans),
    links: mergeEntries(a.links, b.links, base?.links),
  };
}

/** Orders versions: newer first; ties by writer, then by content, so every replica agrees. */
export function compareVersions(x: Stamp, y: Stamp): number {
  if (x === y) return 0;
  if (x.updated_at !== y.updated_at) return y.updated_at - x.updated_at;
  if (x.by !== y.by) return x.by < y.by ? 1 : -1;
  const cx = canonicalJson(x);
  const cy = canonicalJson(y);
  return cx === cy ? 0 : cx < cy ? 1 : -1;
}

const sameVersion = (x: Stamp, y: Stamp): boolean => compareVersions(x, y) === 0;

function mergeStatus(a: StatusRegister, b: StatusRegister, base?: StatusRegister): StatusRegister {
  if (base && sameVersion(a, base)) return b;
  if (base && sameVersion(b, base)) return a;
  return compareVersions(a, b) <= 0 ? a : b;
}

function mergeEntries<C>(
  a: Readonly<Record<string, Entry<C>>>,
  b: Readonly<Record<string, Entry<C>>>,
  base?: Readonly<Record<string, Entry<C>>>,
): Record<string, Entry<C>> {
  const out: Record<string, Entry<C>> = Object.create(null) as Record<string, Entry<C>>;
  const ids = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const id of [...ids].sort()) {
    const x = own(a, id);
    const y = own(b, id);
    out[id] = x && y ? mergeEntry(x, y, own(base, id)) : ((x ?? y) as Entry<C>);
  }
  return out;
}

const own = <T>(r: Readonly<Record<string, T>> | undefined, k: string): T | undefined =>
  r && Object.prototype.hasOwnProperty.call(r, k) ? r[k] : undefined;

/** Joins two entries (see mergeSpanSets). */
export function mergeEntry<C>(x: Entry<C>, y: Entry<C>, base?: Entry<C>): Entry<C> {
  const vx = versionOf(x);
  const vy = versionOf(y);
  const histories = [...(x.history ?? []), ...(y.history ?? [])];
  let winner: Version<C>;
  let candidates: Version<C>[];
  if (base && sameVersion(vx, versionOf(base)) && !sameVersion(vy, vx)) {
    winner = vy;
    candidates = histories;
  } else if (base && sameVersion(vy, versionOf(base)) && !sameVersion(vx, vy)) {
    winner = vx;
    candidates = histories;
  } else {
    candidates = [vx, vy, ...histories];
    winner = candidates.reduce((w, v) => (compareVersions(v, w) < 0 ? v : w));
  }
  const history = topVersions(candidates, winner);
  return history.length > 0 ? { ...winner, history } : winner;
}

/** The newest HISTORY_MAX distinct versions other than `winner`. */
function topVersions<C>(versions: readonly Version<C>[], winner: Version<C>): Version<C>[] {
  const sorted = [...versions].sort(compareVersions);
  const out: Version<C>[] = [];
  for (const v of sorted) {
    if (sameVersion(v, winner)) continue;
    if (out.length > 0 && sameVersion(v, out[out.length - 1] as Version<C>)) continue;
    out.push(v);
    if (out.length === HISTORY_MAX) break;
  }
  return out;
}
