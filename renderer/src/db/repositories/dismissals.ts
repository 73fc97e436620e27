import { endpointKey, type LinkEndpoint } from '../../core/links/link';
import type { MarginaliaDb } from '../database';

/**
 * Dismissed link suggestions (issue 16): one settings row per annotator and document,
 * `dismissed:<annotator>:<docId>`, mapping a span's extent (`start-end`) to the endpoint keys of the
 * candidates dismissed for it. Settings rows travel with backups.
 */
export type Dismissals = Readonly<Record<string, readonly string[]>>;

const keyOf = (annotator: string, docId: string): string => `dismissed:${annotator}:${docId}`;
const extent = (e: LinkEndpoint): string => `${e.start}-${e.end}`;

/** The candidates dismissed for this span (endpoint keys). Opens its own read if not in a transaction. */
export async function dismissedFor(
  db: MarginaliaDb,
  annotator: string,
  span: LinkEndpoint,
): Promise<Set<string>> {
  const row = await db.settings.get(keyOf(annotator, span.docId));
  const all = (row?.value ?? {}) as Dismissals;
  return new Set(all[extent(span)] ?? []);
}

/**
 * Adds one dismissed candidate for a span, read and written in one transaction so a dismissal made
 * meanwhile in another window is kept (the row grows; nothing is overwritten).
 */
export async function dismissSuggestion(
  db: MarginaliaDb,
  annotator: string,
  span: LinkEndpoint,
  candidate: LinkEndpoint,
): Promise<void> {
  const key = keyOf(annotator, span.docId);
  await db.transaction('rw', db.settings, async () => {
    const all = { ...((await db.settings.get(key))?.value ?? {}) } as Record<string, readonly string[]>;
    const at = extent(span);
    const list = all[at] ?? [];
    const add = endpointKey(candidate);
    if (list.includes(add)) return;
    all[at] = [...list, add];
    await db.settings.put({ key, value: all });
  });
}
