import { useState } from 'react';

import {
  addMetaField,
  isScalar,
  metaValueFromText,
  metaValueText,
  setMeta,
  type DocumentDetails,
} from '../../core/model/document-details';
import { DraftField } from './DraftField';
import type { MakeEdit } from './useDocumentDetails';

/** Queues an edit; a refusal is shown at `place` (a field, or "add" for the new-field row). */
export type Change = (make: MakeEdit, place: string, editKey?: string) => boolean;

/**
 * A document's metadata fields: a text, number, true/false or null is edited in place; a list or
 * object from an import (`source_ids`) is shown as JSON and kept as it is; any field can be removed
 * (an undo step) and new ones added by name.
 */
export function MetaFields({
  meta,
  errors,
  change,
  markUnsaved,
}: {
  meta: DocumentDetails['meta'];
  errors: Readonly<Record<string, string>>;
  change: Change;
  markUnsaved: () => () => void;
}) {
  const keys = Object.keys(meta);
  return (
    <fieldset className="details-meta">
      <legend>Metadata</legend>
      {keys.length === 0 && <p className="muted">No metadata fields.</p>}
      {keys.map((key) => {
        const value = meta[key];
        const place = `meta.${key}`;
        return (
          <div key={key} className="details-meta-row">
            {isScalar(value) ? (
              <DraftField
                label={key}
                stored={metaValueText(value)}
                error={errors[place]}
                markUnsaved={markUnsaved}
                onSave={(before, after, editKey) =>
                  change(
                    (now) => ({
                      field: 'meta',
                      key,
                      // As the field read when this edit began: a change made elsewhere since is refused.
                      before: metaValueFromText(now.meta[key], before),
                      after: metaValueFromText(now.meta[key], after),
                    }),
                    place,
                    editKey,
                  )
                }
              />
            ) : (
              <div className="details-field">
                <span className="details-key" id={`json-${place}`}>
                  {key}
                </span>
                <code className="details-json" aria-labelledby={`json-${place}`}>
                  {metaValueText(value)}
                </code>
              </div>
            )}
            <button
              type="button"
              aria-label={`Remove the field ${key}`}
              onClick={() => change((now) => setMeta(now, key, undefined), place)}
            >
              Remove
            </button>
          </div>
        );
      })}
      <AddField error={errors['add']} change={change} />
    </fieldset>
  );
}

function AddField({ error, change }: { error: string | undefined; change: Change }) {
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  return (
    <form
      className="details-add"
      onSubmit={(e) => {
        e.preventDefault();
        if (!change((now) => addMetaField(now, key, value), 'add')) return;
        setKey('');
        setValue('');
      }}
    >
      <label>
        New field name
        <input value={key} onChange={(e) => setKey(e.target.value)} />
      </label>
      <label>
        New field value
        <input value={value} onChange={(e) => setValue(e.target.value)} />
      </label>
      <button type="submit">Add field</button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
