import { useState } from 'react';

import { Dialog } from '../../ui/Dialog';
import { ProgressBar } from '../../ui/ProgressBar';
import { ImportReport } from './ImportReport';
import { ImportReview } from './ImportReview';
import type { useImport } from './useImport';

/** The import dialog: progress with Cancel, the annotator question, then the report. */
export function ImportDialog({
  flow,
  defaultAnnotator,
}: {
  flow: ReturnType<typeof useImport>;
  defaultAnnotator: string;
}) {
  const { state } = flow;
  const [name, setName] = useState(defaultAnnotator);
  const open = state.phase !== 'idle';
  const busy = state.phase === 'parsing' || state.phase === 'storing';
  const offers = state.phase === 'done' ? state.outcomes.flatMap((o) => o.result.offers) : [];
  const offered = (kind: string) => offers.some((o) => o.kind === kind);
  return (
    <Dialog title="Import" open={open} required={busy} onClose={flow.close}>
      {state.phase === 'parsing' && (
        <>
          <ProgressBar label={`Checking ${state.file}`} value={state.fraction} />
          <button type="button" onClick={flow.cancel}>
            Cancel
          </button>
        </>
      )}
      {state.phase === 'storing' && (
        <>
          <ProgressBar label={`Storing ${state.file}`} value={state.fraction} />
          <button type="button" onClick={flow.cancel}>
            Cancel
          </button>
        </>
      )}
      {state.phase === 'review' && (
        <ImportReview
          summaries={state.summaries}
          options={state.options}
          onConfirm={(options) => void flow.confirm(options)}
          onCancel={flow.close}
        />
      )}
      {state.phase === 'needs-annotator' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim()) void flow.chooseAnnotator(name.trim());
          }}
        >
          <p>Some files do not say who annotated them. Store their spans under this annotator:</p>
          <label>
            Annotator for unnamed files
            <input value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <div className="dialog-actions">
            <button type="button" onClick={flow.close}>
              Cancel
            </button>
            <button type="submit" className="primary">
              Import
            </button>
          </div>
        </form>
      )}
      {state.phase === 'done' && <ImportReport outcomes={state.outcomes} />}
      {state.phase === 'cancelled' && <p>Import cancelled; nothing was stored.</p>}
      {state.phase === 'failed' && (
        <p className="field-error">Import failed: {state.message}. Nothing was stored.</p>
      )}
      {!busy && state.phase !== 'needs-annotator' && state.phase !== 'review' && (
        <div className="dialog-actions">
          {state.phase === 'done' && offered('encoding') && (
            <button
              type="button"
              onClick={() => void flow.recheck({ ...state.options, encoding: 'windows-1252' })}
            >
              Read as Windows-1252
            </button>
          )}
          {state.phase === 'done' && offered('read-as-json') && (
            <button type="button" onClick={() => void flow.recheck({ ...state.options, readAs: 'json' })}>
              Read as JSON
            </button>
          )}
          <button type="button" className="primary" onClick={flow.close}>
            Close
          </button>
        </div>
      )}
    </Dialog>
  );
}
