import { useState } from 'react';

import { type Guidelines as GuidelineSet } from '../../core/model/guidelines';
import { labelDisplay } from '../../core/model/label-display';
import { LABELS, labelTitle, type Label } from '../../core/model/labels';
import { useGuidelines } from '../../session/guidelines';
import { useUserWrites } from '../../session/commands/use-user-writes';
import { LabelMark } from '../../ui/LabelMark';

/** The label guidelines in Help: read them, and (the lead) edit them. */
export function Guidelines() {
  const guidelines = useGuidelines();
  const [editing, setEditing] = useState(false);
  return (
    <section className="guidelines" aria-label="Label guidelines">
      <h3>Label guidelines</h3>
      {editing ? (
        <GuidelinesForm initial={guidelines} onDone={() => setEditing(false)} />
      ) : (
        <>
          <dl>
            {LABELS.map((l) => (
              <div key={l} className={`guideline lab-${l}`}>
                <dt>
                  <LabelMark name={l} letter={labelDisplay(l).letter} /> {labelTitle(l)}
                </dt>
                <dd>{guidelines[l].definition}</dd>
                {guidelines[l].examples.map((e) => (
                  <dd key={e} className="example">
                    e.g. {e}
                  </dd>
                ))}
              </div>
            ))}
          </dl>
          <button type="button" onClick={() => setEditing(true)}>
            Edit guidelines
          </button>
        </>
      )}
    </section>
  );
}

type Draft = Record<Label, { definition: string; examples: string }>;

/** One definition and one example per line for each label; saved through the checked, gated write path. */
function GuidelinesForm({ initial, onDone }: { initial: GuidelineSet; onDone: () => void }) {
  const writes = useUserWrites();
  const [draft, setDraft] = useState<Draft>(
    () =>
      Object.fromEntries(
        LABELS.map((l) => [
          l,
          { definition: initial[l].definition, examples: initial[l].examples.join('\n') },
        ]),
      ) as Draft,
  );
  const [error, setError] = useState<string | null>(null);
  const set = (l: Label, field: 'definition' | 'examples', value: string) => {
    setDraft({ ...draft, [l]: { ...draft[l], [field]: value } });
    setError(null);
  };
  return (
    <form
      aria-label="Edit guidelines"
      onSubmit={(e) => {
        e.preventDefault();
        const raw = Object.fromEntries(
          LABELS.map((l) => [
            l,
            { definition: draft[l].definition, examples: draft[l].examples.split('\n') },
          ]),
        );
        void writes.guidelines(raw).then((failed) => (failed ? setError(failed) : onDone()));
      }}
    >
      {LABELS.map((l) => (
        <fieldset key={l}>
          <legend>{labelTitle(l)}</legend>
          <label>
            Definition of {l}
            <textarea
              rows={2}
              value={draft[l].definition}
              onChange={(e) => set(l, 'definition', e.target.value)}
            />
          </label>
          <label>
            Examples of {l} (one per line)
            <textarea
              rows={2}
              value={draft[l].examples}
              onChange={(e) => set(l, 'examples', e.target.value)}
            />
          </label>
        </fieldset>
      ))}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary">
          Save guidelines
        </button>
      </div>
    </form>
  );
}
