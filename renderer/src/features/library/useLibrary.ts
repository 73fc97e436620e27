import { useLiveQuery } from 'dexie-react-hooks';

import type { Label } from '../../core/model/labels';
import type { DocStatus } from '../../core/model/status';
import { useServices } from '../../app/providers';
import { countSpansByDocument } from '../../db/repositories/span-counts';
import { listDocuments } from '../../db/repositories/documents';
import { listStatuses } from '../../db/repositories/progress';

export interface LibraryEntry {
  id: string;
  title: string;
  length: number;
  counts: Record<Label, number>;
  status: DocStatus;
}

const NO_COUNTS: Record<Label, number> = { claim: 0, quote: 0, figure: 0, speculation: 0 };

/** The library as the annotator sees it, kept live: re-read whenever documents, spans or statuses change. */
export function useLibrary(annotator: string): LibraryEntry[] | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => {
    const [docs, counts, statuses] = await Promise.all([
      listDocuments(db),
      countSpansByDocument(db, annotator),
      listStatuses(db, annotator),
    ]);
    return docs.map((d) => ({
      id: d.id,
      title: d.title,
      length: d.length,
      counts: counts.get(d.id) ?? NO_COUNTS,
      status: statuses.get(d.id) ?? 'todo',
    }));
  }, [db, annotator]);
}
