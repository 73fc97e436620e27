import { useState } from 'react';

import { ANNOTATOR_NAME_MAX, annotatorNameProblem } from '../../core/model/annotator-name';
import { Dialog } from '../../ui/Dialog';

/** First-run (and "change name") dialog: annotations are stored under this name. */
export function NameDialog({
  open,
  initial,
  required,
  onSave,
  onClose,
}: {
  open: boolean;
  initial: string;
  required: boolean;
  onSave: (name: string) => void;
  onClose: () => void;
}) {
  const [name, setName] = useState(initial);
  const [touched, setTouched] = useState(false);
  const problem = annotatorNameProblem(name);
  return (
    <Dialog
      title={required ? 'Welcome to Marginalia' : 'Annotator name'}
      open={open}
      required={required}
      onClose={onClose}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setTouched(true);
          if (!problem) onSave(name.trim());
        }}
      >
        <p>Your annotations are stored and exported under your annotator name.</p>
        <label>
          Annotator name
          <input
            autoFocus
            value={name}
            maxLength={ANNOTATOR_NAME_MAX + 10}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={touched && problem !== null}
          />
        </label>
        {touched && problem && <p className="field-error">{problem}</p>}
        <div className="dialog-actions">
          {!required && (
            <button type="button" onClick={onClose}>
              Cancel
            </button>
          )}
          <button type="submit" className="primary">
            {required ? 'Start annotating' : 'Save name'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
