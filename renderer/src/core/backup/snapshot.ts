import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

import { canonicalJson } from '../formats/canonical';
import type { Span } from '../model/span';
import type { DocStatus } from '../model/status';

/** A stored document with its library bookkeeping (order, source, when it was added). */
export interface SnapshotDocument {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly meta: Readonly<Record<string, unknown>>;
  readonly source: string;
  readonly order: number;
  readonly addedAt: number;
}

/** One annotator's spans on one document ("gold" is an annotator like any other here). */
export interface SnapshotAnnotation {
  readonly docId: string;
  readonly annotator: string;
  readonly spans: readonly Span[];
}

export interface SnapshotStatus {
  readonly docId: string;
  readonly annotator: string;
  readonly status: DocStatus;
}

/** The whole database in memory, independent of Dexie and of the file format. */
export interface DatabaseSnapshot {
  /** Dexie schema version the data was read from. */
  readonly schemaVersion: number;
  /** Documents in library order. */
  readonly documents: readonly SnapshotDocument[];
  readonly annotations: readonly SnapshotAnnotation[];
  readonly statuses: readonly SnapshotStatus[];
  readonly settings: Readonly<Record<string, unknown>>;
  /**
   * Span-row fields the native record has no place for (e.g. gold `provenance`), by span id, so
   * fields added by later features survive a backup without a format change.
   */
  readonly spanExtras: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Rows of tables other than the five core ones (added by later schema versions), verbatim. */
  readonly extraTables: Readonly<Record<string, readonly unknown[]>>;
}

/** What the content digest covers: the user's work, not bookkeeping (order, timestamps, settings). */
export type DigestInput = Pick<DatabaseSnapshot, 'documents' | 'annotations' | 'statuses'> &
  Partial<Pick<DatabaseSnapshot, 'spanExtras' | 'extraTables'>>;

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * `sha256:<hex>` over documents (id, title, text, meta), every annotator's spans (offsets, label,
 * note, unsure, extra row fields such as gold provenance — not ids, which a foreign import may
 * regenerate), statuses other than "todo", and the rows of any later tables
 * (a missing status means "todo", so both spellings are the same data). Independent of row order
 * and of how the data was stored, so a backup, a restored database and a re-import compare equal.
 * O(total size · log n).
 */
export function contentDigest(data: DigestInput): string {
  const h = sha256.create();
  const line = (parts: unknown[]): void => {
    h.update(utf8ToBytes(`${canonicalJson(parts)}\n`));
  };
  for (const d of [...data.documents].sort((a, b) => cmp(a.id, b.id)))
    line(['doc', d.id, d.title, d.meta, d.text]);
  const spans = data.annotations.flatMap((a) =>
    a.spans.map(
      (s) =>
        [
          a.docId,
          a.annotator,
          s.start,
          s.end,
          s.label,
          s.note,
          s.unsure === true,
          data.spanExtras?.[s.id] ?? null,
        ] as const,
    ),
  );
  spans.sort(
    (x, y) =>
      cmp(x[0], y[0]) || cmp(x[1], y[1]) || x[2] - y[2] || x[3] - y[3] || cmp(x[4], y[4]) || cmp(x[5], y[5]),
  );
  for (const s of spans) line(['span', ...s]);
  const statuses = data.statuses.filter((s) => s.status !== 'todo');
  statuses.sort((x, y) => cmp(x.docId, y.docId) || cmp(x.annotator, y.annotator));
  for (const s of statuses) line(['status', s.docId, s.annotator, s.status]);
  const tables = data.extraTables ?? {};
  for (const name of Object.keys(tables).sort())
    line(['table', name, (tables[name] ?? []).map(canonicalJson).sort()]);
  return `sha256:${bytesToHex(h.digest())}`;
}

/** sha256 of a string's UTF-8 bytes, as `sha256:<hex>`. */
export function sha256Text(text: string): string {
  return `sha256:${bytesToHex(sha256(utf8ToBytes(text)))}`;
}
