/**
 * How soon a committed write must show in the library: documents, statuses and the team's list
 * (synced copies) at once; span writes
 * (labels) once labelling pauses; anything else (settings, texts, backups) never, as the library
 * shows none of it.
 */
export function libraryRefresh(tables: ReadonlySet<string>): 'now' | 'settled' | null {
  if (tables.has('documents') || tables.has('progress') || tables.has('syncDocs')) return 'now';
  if (tables.has('spans') || tables.has('spanPacks')) return 'settled';
  return null;
}
