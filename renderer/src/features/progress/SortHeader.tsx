import type { SortDirection } from '../../core/sync/progress';

export interface Sort<K extends string> {
  readonly key: K;
  readonly dir: SortDirection;
}

/** The next sort after a click on `key`: the same column flips, another starts descending (numbers) or ascending (names). */
export function nextSort<K extends string>(cur: Sort<K>, key: K, textKeys: readonly K[]): Sort<K> {
  if (cur.key === key) return { key, dir: cur.dir === 'ascending' ? 'descending' : 'ascending' };
  return { key, dir: textKeys.includes(key) ? 'ascending' : 'descending' };
}

/** A column header that sorts by its column: a button, so it is reached with Tab and pressed with Enter. */
export function SortHeader<K extends string>({
  label,
  column,
  sort,
  onSort,
  as: Tag = 'th',
}: {
  label: string;
  column: K;
  sort: Sort<K>;
  onSort: (key: K) => void;
  as?: 'th' | 'div';
}) {
  const active = sort.key === column;
  // aria-sort belongs to a table's column header only; over a list (as="div") the sort order is said
  // in the button's name instead (a columnheader outside a row is an ARIA error axe reports).
  const header = Tag === 'th' ? { scope: 'col', 'aria-sort': active ? sort.dir : ('none' as const) } : {};
  return (
    <Tag {...header}>
      <button type="button" className="sort-button" onClick={() => onSort(column)}>
        {label}
        <span aria-hidden="true">{active ? (sort.dir === 'ascending' ? ' ▲' : ' ▼') : ''}</span>
        {Tag === 'div' && active && <span className="sr-only">, sorted {sort.dir}</span>}
      </button>
    </Tag>
  );
}
