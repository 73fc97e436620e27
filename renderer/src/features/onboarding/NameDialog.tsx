import { useState } from 'react';

import { Dialog } from '../../ui/Dialog';

export const ANNOTATOR_NAME_MAX = 64;

/** Validates an annotator name; returns the problem in words, or null. */
export function annotatorNameProblem(name: string): string | null {
  const n = name.trim();
  if (n === '') return 'Please enter a name.';
  if (n.length > ANNOTATOR_NAME_MAX) return `Use at most ${ANNOTATOR_NAME_MAX} characters.`;
  if (n.toLowerCase() === 'gold') return '"gold" is reserved for adjudicated annotations.';
  if (/\p{Cc}/u.test(n)) return 'The name cannot contain control characters.';
  return null;
}

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
