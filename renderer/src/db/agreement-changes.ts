import Dexie from 'dexie';

import { keysOf, type RangeNode } from './observe-changes';

/** Tables whose writes change what the Agreement view computes. */
const FOLLOWED = ['spans', 'goldSpans', 'progress', 'goldStatus', 'documents', 'links'];

/**
 * The documents a committed write changed for the Agreement view, by key: a span set's pack key
 * ([docId, annotator], dropped or rewritten with every span write), a status, a document row.
 * 'all' when a write cannot be told by document from its keys: a range (a bulk write, a clear),
 * gold span rows and links (keyed by their own ids), span rows without their pack.
 */
export function agreementChange(dbName: string, parts: Record<string, unknown>): Set<string> | 'all' | null {
  const prefix = `idb://${dbName}/`;
  const tables = new Set<string>();
  for (const part of Object.keys(parts))
    if (part.startsWith(prefix)) tables.add(part.slice(prefix.length).split('/')[0] ?? '');
  if (!FOLLOWED.some((t) => tables.has(t))) return null;
  if (tables.has('goldSpans') || tables.has('links') || (tables.has('spans') && !tables.has('spanPacks')))
    return 'all';
  const docs = new Set<string>();
  for (const [table, docOf] of [
    ['spanPacks', (k: unknown) => (k as [string, string])[0]],
    ['progress', (k: unknown) => (k as [string, string])[0]],
    ['goldStatus', (k: unknown) => k as string],
    ['documents', (k: unknown) => k as string],
  ] as const) {
    if (!tables.has(table)) continue;
    const set = parts[`${prefix}${table}/`] as RangeNode | undefined;
    const keys = set ? keysOf(set) : 'all';
    if (keys === 'all') return 'all';
    for (const k of keys) docs.add(docOf(k));
  }
  return docs;
}

/**
 * Calls `listener` after committed writes (this window, another, a worker, a pull) that change what
 * the Agreement view computes, with the documents changed or 'all'.
 */
export function onAgreementChanged(
  dbName: string,
  listener: (docs: Set<string> | 'all') => void,
): () => void {
  const handler = (parts: Record<string, unknown>): void => {
    const change = agreementChange(dbName, parts);
    if (change !== null) listener(change);
  };
  Dexie.on('storagemutated', handler);
  return () => Dexie.on('storagemutated').unsubscribe(handler);
}
