import { LABELS, labelTitle, type Label } from '../../core/model/labels';

/**
 * One button per label, named by the label. mousedown is prevented so clicking keeps the article
 * selection and focus where they are.
 */
export function LabelPalette({ onLabel }: { onLabel: (label: Label) => void }) {
  return (
    <div className="palette" role="toolbar" aria-label="Labels">
      {LABELS.map((label, i) => (
        <button
          key={label}
          type="button"
          className={`label-button label-${label}`}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onLabel(label)}
          aria-keyshortcuts={String(i + 1)}
          title={`Tag the selection as ${label} (key ${i + 1})`}
        >
          <kbd aria-hidden="true">{i + 1}</kbd>
          {labelTitle(label)}
        </button>
      ))}
    </div>
  );
}
