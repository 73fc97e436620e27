import { useEffect, useState } from 'react';

import { endpointKey, type LinkEndpoint } from '../../core/links/link';
import { CodePointIndex } from '../../core/text/code-points';
import { libraryDocumentsOf } from '../../db/corpus/library-lookup';
import { useServices } from '../providers';

export interface EndInfo {
  /** The article's title as stored now; empty when it is no longer in the library. */
  readonly title: string;
  /** The linked text (at most `max` code points, then "…"). */
  readonly text: string;
}

const MAX = 120;

/**
 * The title and text of each link end, read from the library (texts of other articles are read
 * only for the ends shown). Keyed by `endpointKey`. Empty until read.
 */
export function useLinkEnds(ends: readonly LinkEndpoint[]): ReadonlyMap<string, EndInfo> {
  const { db } = useServices();
  const [info, setInfo] = useState<ReadonlyMap<string, EndInfo>>(new Map());
  const wanted = [...new Set(ends.map(endpointKey))].sort().join('\n');
  useEffect(() => {
    let live = true;
    const list = ends.filter((e, i) => ends.findIndex((x) => endpointKey(x) === endpointKey(e)) === i);
    const ids = [...new Set(list.map((e) => e.docId))];
    void libraryDocumentsOf(db, ids, true).then(
      (docs) => {
        if (!live) return;
        const out = new Map<string, EndInfo>();
        for (const e of list) {
          const i = ids.indexOf(e.docId);
          const text = docs[i]?.text;
          const index = text === undefined ? null : new CodePointIndex(text);
          const end = Math.min(e.end, e.start + MAX);
          const slice = index && e.end <= index.codePointLength ? index.slice(e.start, end) : '';
          out.set(endpointKey(e), {
            title: docs[i]?.row.title ?? '',
            text: `${slice.replace(/\s+/g, ' ')}${end < e.end ? '…' : ''}`,
          });
        }
        setInfo(out);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `wanted` is the ends' identity
  }, [db, wanted]);
  return info;
}
