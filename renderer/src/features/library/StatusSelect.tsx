import { STATUS_TITLES, STATUSES, type DocStatus } from '../../core/model/status';

/** The annotator's status for one document (to do / in progress / done). */
export function StatusSelect({
  label,
  value,
  onChange,
}: {
  label: string;
  value: DocStatus;
  onChange: (status: DocStatus) => void;
}) {
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value as DocStatus)}>
      {STATUSES.map((s) => (
        <option key={s} value={s}>
          {STATUS_TITLES[s]}
        </option>
      ))}
    </select>
  );
}
