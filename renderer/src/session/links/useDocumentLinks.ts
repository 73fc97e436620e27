import { useEffect, useState } from 'react';

import type { Link } from '../../core/links/link';
import { onDatabaseChanged } from '../../db/observe-changes';
import { linksOfDocument } from '../../db/repositories/links';
import { useServices } from '../providers';

/**
 * One annotator's links with an end in this document, following the database: every committed
 * write to `links` (this view's, another article's, another window's) is read again. `undefined`
 * until read.
 */
export function useDocumentLinks(docId: string, annotator: string): readonly Link[] | undefined {
  const { db } = useServices();
  const [links, setLinks] = useState<readonly Link[] | undefined>(undefined);
  useEffect(() => {
    let live = true;
    let asked = 0;
    const read = (): void => {
      const mine = ++asked;
      void linksOfDocument(db, docId, annotator).then(
        (rows) => live && mine === asked && setLinks(rows),
        () => undefined,
      );
    };
    read();
    const off = onDatabaseChanged(db.name, (tables) => {
      if (tables.has('links')) read();
    });
    return () => {
      live = false;
      off();
    };
  }, [db, docId, annotator]);
  return links;
}
