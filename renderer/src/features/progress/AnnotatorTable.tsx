import { useState } from 'react';

import { sortAnnotators, type AnnotatorProgress, type AnnotatorSortKey } from '../../core/sync/progress';
import { nextSort, SortHeader, type Sort } from './SortHeader';

const COLUMNS: readonly [AnnotatorSortKey, string][] = [
  ['name', 'Annotator'],
  ['assigned', 'Assigned'],
  ['in_progress', 'In progress'],
  ['done', 'Done'],
  ['spans', 'Spans'],
  ['last_sync', 'Last sync'],
];

export function formatSync(iso: string | null): string {
  if (!iso) return 'never';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}

/** Per annotator: assigned, in progress, done, spans, last sync — the figures of `team status`. */
export function AnnotatorTable({ rows }: { rows: readonly AnnotatorProgress[] }) {
  const [sort, setSort] = useState<Sort<AnnotatorSortKey>>({ key: 'name', dir: 'ascending' });
  const shown = sortAnnotators(rows, sort.key, sort.dir);
  const onSort = (key: AnnotatorSortKey) => setSort((s) => nextSort(s, key, ['name']));
  return (
    <table className="progress-table" aria-label="Annotators">
      <thead>
        <tr>
          {COLUMNS.map(([key, label]) => (
            <SortHeader key={key} label={label} column={key} sort={sort} onSort={onSort} />
          ))}
        </tr>
      </thead>
      <tbody>
        {shown.map((a) => (
          <tr key={a.name} data-annotator={a.name}>
            <th scope="row">
              {a.name}
              {a.role === 'lead' && <span className="muted"> (lead)</span>}
            </th>
            <td data-field="assigned">{a.assigned}</td>
            <td data-field="in_progress">{a.in_progress}</td>
            <td data-field="done">{a.done}</td>
            <td data-field="spans">{a.spans}</td>
            <td data-field="last_sync">
              {a.last_sync ? <time dateTime={a.last_sync}>{formatSync(a.last_sync)}</time> : 'never'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
