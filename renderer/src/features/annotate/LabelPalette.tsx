import { guidelineHint, type Guidelines } from '../../core/model/guidelines';
import { LABEL_DISPLAYS } from '../../core/model/label-display';
import type { Label } from '../../core/model/labels';
import { LabelMark } from '../../ui/LabelMark';

/**
 * One button per label, named by the label; hovering shows the label's guideline (definition and
 * examples). mousedown is prevented so clicking keeps the article selection and focus where they are.
 */
export function LabelPalette({
  onLabel,
  guidelines,
}: {
  onLabel: (label: Label) => void;
  guidelines: Guidelines;
}) {
  return (
    <div className="palette" role="toolbar" aria-label="Labels">
      {LABEL_DISPLAYS.map(({ label, title, key, letter }) => (
        <button
          key={label}
          type="button"
          className={`label-button lab-${label} lab-border`}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onLabel(label)}
          aria-keyshortcuts={key}
          title={guidelineHint(label, key, guidelines[label])}
        >
          <kbd aria-hidden="true">{key}</kbd>
          <LabelMark name={label} letter={letter} /> {title}
        </button>
      ))}
    </div>
  );
}
