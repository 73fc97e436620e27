import type { Transaction } from 'dexie';

/**
 * Schema version 4: gold and adjudication decisions in their own tables (issue 17). Never edit
 * after release: later versions add a new file.
 *
 * Until v3, gold spans were `spans` rows under the reserved annotator name "gold" (with their
 * provenance as an extra field) and each document's rejected decisions were a JSON list in the
 * settings row `adjudication:rejections:<docId>`. The upgrade moves both, inside Dexie's
 * versionchange transaction (a failure rolls everything back to v3):
 * - every "gold" span row becomes a `goldSpans` row with the same fields minus `annotator`, and
 *   leaves `spans` (and the gold span packs with it);
 * - every rejection becomes a `decisions` row, its fields verbatim plus `docId`; a settings row is
 *   removed only when every entry of it moved, so nothing unreadable is dropped.
 * Gold's status stays in `progress` (annotator "gold"): statuses are one table for every participant.
 */
export const VERSION = 4;

/** Dexie store declarations added by version 4 (primary key first, then indexes). */
export const STORES = {
  goldSpans: 'id, docId',
  decisions: '[docId+decision], docId',
} as const;

/** Row shapes of version 4's new tables, for reference by later migrations. */
export interface V4GoldSpanRow {
  id: string;
  docId: string;
  start: number;
  end: number;
  label: 'claim' | 'quote' | 'figure' | 'speculation';
  note: string;
  unsure?: boolean;
  provenance?: Record<string, unknown>;
  updatedAt: number;
}
export interface V4DecisionRow {
  docId: string;
  decision: string;
  decidedBy: string;
  decidedAt: string;
  reason?: string;
}

const GOLD = 'gold';
const REJECTIONS_PREFIX = 'adjudication:rejections:';

const isMovable = (x: unknown): x is { decision: string } =>
  !!x &&
  typeof x === 'object' &&
  !Array.isArray(x) &&
  typeof (x as Record<string, unknown>)['decision'] === 'string';

export async function upgrade(tx: Transaction): Promise<void> {
  const spans = tx.table('spans');
  const goldRows = (await spans.where('annotator').equals(GOLD).toArray()) as Record<string, unknown>[];
  await tx.table('goldSpans').bulkPut(
    goldRows.map((row) => {
      const { annotator: _gold, ...rest } = row;
      return rest;
    }),
  );
  await spans.bulkDelete(goldRows.map((r) => r['id'] as string));
  await tx.table('spanPacks').where('annotator').equals(GOLD).delete();

  const settings = tx.table('settings');
  const lists = (await settings.where('key').startsWith(REJECTIONS_PREFIX).toArray()) as {
    key: string;
    value: unknown;
  }[];
  for (const { key, value } of lists) {
    const docId = key.slice(REJECTIONS_PREFIX.length);
    const entries: unknown[] = Array.isArray(value) ? value : [];
    const movable = entries.filter(isMovable);
    await tx.table('decisions').bulkPut(movable.map((e) => ({ ...e, docId })));
    if (Array.isArray(value) && movable.length === entries.length) await settings.delete(key);
  }
}
