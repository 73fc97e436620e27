import { useCallback, useState, type KeyboardEvent } from 'react';

import { Dialog } from '../../ui/Dialog';
import { SaveIndicator } from '../../ui/SaveIndicator';
import { DraftField } from './DraftField';
import { MetaFields, type Change } from './MetaFields';
import { useDocumentDetails } from './useDocumentDetails';
import './details.css';

const isTextField = (t: EventTarget | null): boolean =>
  t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement;

/**
 * Document details: the title, source and metadata of one document, edited in place and saved while
 * typing, with undo per edit session. The text is not editable: its hash is the document's id.
 */
export function DocumentDetailsDialog({
  docId,
  length,
  onClose,
  onMessage,
}: {
  docId: string;
  /** Its length in characters (code points), when the library knows it. */
  length: number | undefined;
  onClose: () => void;
  onMessage: (text: string, tone?: 'info' | 'error') => void;
}) {
  const session = useDocumentDetails(docId);
  const { details, change: perform, undo, redo } = session;
  const [errors, setErrors] = useState<Record<string, string>>({});
  // Said inside the dialog too: while it is open, the rest of the page (the status line) is inert.
  const [said, setSaid] = useState('');
  const say = useCallback(
    (text: string, tone?: 'info' | 'error') => {
      setSaid(text);
      onMessage(text, tone);
    },
    [onMessage],
  );

  const change: Change = useCallback(
    (make, place, editKey) => {
      const refused = perform(make, editKey);
      setErrors(({ [place]: _old, ...rest }) => (refused ? { ...rest, [place]: refused.message } : rest));
      return refused === null;
    },
    [perform],
  );
  const onKeyDown = (e: KeyboardEvent) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey || isTextField(e.target)) return;
    const key = e.key.toLowerCase();
    if (key === 'z' && !e.shiftKey) say(undo());
    else if ((key === 'z' && e.shiftKey) || key === 'y') say(redo());
    else return;
    e.preventDefault();
  };
  const saveError = session.saveState.kind === 'error' ? session.saveState.message : null;

  return (
    <Dialog title="Document details" open onClose={onClose}>
      <div className="details" onKeyDown={onKeyDown}>
        <p className="muted details-id">
          {length !== undefined && `${length.toLocaleString('en')} characters · `}id{' '}
          <code>{docId.slice(0, 19)}…</code>
          <br />
          The text cannot be changed: its hash is the document's id.
        </p>
        {details === undefined ? (
          <p>Reading…</p>
        ) : (
          <>
            <DraftField
              label="Title"
              autoFocus
              stored={details.title}
              error={errors['title']}
              markUnsaved={session.markUnsaved}
              onSave={(before, after, editKey) =>
                change(() => ({ field: 'title', before, after }), 'title', editKey)
              }
            />
            <DraftField
              label="Source (URL or name)"
              stored={details.source}
              error={errors['source']}
              markUnsaved={session.markUnsaved}
              onSave={(before, after, editKey) =>
                change(() => ({ field: 'source', before, after }), 'source', editKey)
              }
            />
            <MetaFields
              meta={details.meta}
              errors={errors}
              change={change}
              markUnsaved={session.markUnsaved}
            />
          </>
        )}
        {saveError && (
          <p className="field-error" role="alert">
            {saveError}
          </p>
        )}
        <p className="details-said" role="status">
          {said}
        </p>
        <div className="dialog-actions">
          <button type="button" onClick={() => say(undo())} disabled={!session.canUndo}>
            Undo
          </button>
          <button type="button" onClick={() => say(redo())} disabled={!session.canRedo}>
            Redo
          </button>
          <SaveIndicator state={session.saveState} />
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </Dialog>
  );
}
