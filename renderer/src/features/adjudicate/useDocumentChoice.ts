import { useEffect, useState } from 'react';

import { buildDecisions } from '../../core/model/decisions';
import { filterAgreed, filterDecisions, type DisagreementFilter } from '../../core/model/disagreement-filter';
import type { ArticleDocument } from '../../core/model/document';
import { useServices } from '../../session/providers';
import { loadDocumentsSpans } from '../../db/repositories/adjudication';
import { getDocument } from '../../db/repositories/documents';

export interface DocumentChoice {
  readonly id: string;
  readonly title: string;
  /** Disagreements (and agreements, when it asks for them) the filter selects in this document. */
  readonly count: number;
  readonly disagreements: number;
  readonly agreements: number;
}

/**
 * The filter's documents with their number of matching disagreements (kept in the filter's order,
 * worst first when it came from the report), and the open one: the first with any.
 */
export function useDocumentChoice(filter: DisagreementFilter) {
  const { db } = useServices();
  const [choices, setChoices] = useState<DocumentChoice[] | null>(null);
  const [docId, setDocId] = useState<string | null>(null);
  const [doc, setDoc] = useState<ArticleDocument | null>(null);

  useEffect(() => {
    let live = true;
    void loadDocumentsSpans(db, filter.docIds, filter.annotators).then((docs) => {
      if (!live) return;
      const list = docs.map((d) => {
        const built = buildDecisions(d.spans, filter.annotators);
        const disagreements = filterDecisions(built.decisions, filter).length;
        const agreements = filterAgreed(built.agreed, filter).length;
        return { id: d.id, title: d.title, count: disagreements + agreements, disagreements, agreements };
      });
      setChoices(list);
      setDocId((list.find((c) => c.count > 0) ?? list[0])?.id ?? null);
    });
    return () => {
      live = false;
    };
  }, [db, filter]);

  useEffect(() => {
    let live = true;
    setDoc(null);
    if (docId) void getDocument(db, docId).then((d) => live && setDoc(d ?? null));
    return () => {
      live = false;
    };
  }, [db, docId]);

  return { choices, docId, setDocId, doc };
}
