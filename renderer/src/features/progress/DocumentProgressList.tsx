import { useState } from 'react';

import { STATUS_TITLES } from '../../core/model/status';
import { sortDocuments, type DocumentProgress, type DocumentSortKey } from '../../core/sync/progress';
import { VirtualList } from '../../ui/VirtualList';
import { nextSort, SortHeader, type Sort } from './SortHeader';

const ROW_HEIGHT = 56;
const COLUMNS: readonly [DocumentSortKey, string][] = [
  ['title', 'Document'],
  ['annotators', 'Annotators'],
  ['done', 'Done'],
  ['spans', 'Spans'],
];

const cellText = (d: DocumentProgress): string =>
  d.cells.length === 0
    ? 'not assigned'
    : d.cells
        .map(
          (c) =>
            `${c.annotator}: ${STATUS_TITLES[c.status]}, ${c.spans} span${c.spans === 1 ? '' : 's'}${c.assigned ? '' : ' (not assigned)'}`,
        )
        .join(' · ');

/** Per document: each annotator's status and span count; only the rows in view are mounted. */
export function DocumentProgressList({ rows }: { rows: readonly DocumentProgress[] }) {
  const [sort, setSort] = useState<Sort<DocumentSortKey>>({ key: 'title', dir: 'ascending' });
  const shown = sortDocuments(rows, sort.key, sort.dir);
  const onSort = (key: DocumentSortKey) => setSort((s) => nextSort(s, key, ['title']));
  return (
    <div className="progress-documents">
      <div className="progress-doc-head" role="group" aria-label="Sort documents">
        {COLUMNS.map(([key, label]) => (
          <SortHeader key={key} as="div" label={label} column={key} sort={sort} onSort={onSort} />
        ))}
      </div>
      <VirtualList
        label="Documents"
        count={shown.length}
        rowHeight={ROW_HEIGHT}
        renderRow={(i) => {
          const d = shown[i] as DocumentProgress;
          return {
            key: d.docId,
            className: 'progress-doc',
            content: (
              <div data-doc={d.docId}>
                <span className="progress-doc-title">{d.title}</span>
                <span className="progress-doc-figures">
                  {d.done}/{d.cells.length} done · {d.spans} span{d.spans === 1 ? '' : 's'}
                </span>
                <span className="progress-doc-cells" data-testid="doc-cells">
                  {cellText(d)}
                </span>
              </div>
            ),
          };
        }}
      />
    </div>
  );
}
