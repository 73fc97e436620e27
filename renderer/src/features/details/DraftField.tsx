import { useId } from 'react';

import { useDraftText } from '../../ui/useDraftText';

/**
 * One labelled one-line text field of a document's details, saved while typing (ui/useDraftText:
 * debounced, on blur, Enter, close and page hide). A refusal shows under the field, tied to it by
 * aria-describedby, and the field stays as typed so it can be corrected.
 */
export function DraftField({
  label,
  stored,
  error,
  onSave,
  markUnsaved,
  autoFocus = false,
}: {
  label: string;
  /** Takes the focus when it appears (the dialog's first field, shown once the details are read). */
  autoFocus?: boolean;
  stored: string;
  error: string | undefined;
  /**
   * Saves the typed text (`before`: as last saved); `editKey` is the same for every save of one edit
   * session. False: refused, the text stays to be corrected.
   */
  onSave: (before: string, after: string, editKey: string) => boolean;
  markUnsaved: () => () => void;
}) {
  const id = useId();
  const draft = useDraftText({ stored, markUnsaved, save: onSave });
  return (
    <div className="details-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        autoFocus={autoFocus}
        value={draft.value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => draft.onChange(e.target.value)}
        onBlur={draft.commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            draft.commit();
          }
        }}
      />
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
