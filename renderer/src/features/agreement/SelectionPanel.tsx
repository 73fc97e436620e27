import { useEffect, useState } from 'react';

import { GOLD_ANNOTATOR } from '../../core/model/gold';
import type { AgreementSelection } from '../../core/agreement-report/result';

export interface DocumentChoice {
  readonly id: string;
  readonly title: string;
}

/**
 * Documents (all, or a selection) and annotators (at least two). Gold starts unchecked: comparing
 * annotators with the gold set is a different question from comparing annotators.
 */
export function SelectionPanel({
  documents,
  annotators,
  running,
  onRun,
}: {
  documents: readonly DocumentChoice[];
  annotators: readonly string[];
  running: boolean;
  onRun: (selection: AgreementSelection) => void;
}) {
  const [allDocs, setAllDocs] = useState(true);
  const [docs, setDocs] = useState<ReadonlySet<string>>(new Set());
  const [chosen, setChosen] = useState<ReadonlySet<string> | null>(null);
  useEffect(() => {
    if (chosen === null && annotators.length > 0)
      setChosen(new Set(annotators.filter((a) => a !== GOLD_ANNOTATOR)));
  }, [annotators, chosen]);
  const picked = chosen ?? new Set<string>();
  const toggle = (set: ReadonlySet<string>, id: string): Set<string> => {
    const next = new Set(set);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  };
  const enough = picked.size >= 2 && (allDocs || docs.size > 0);
  return (
    <form
      className="agreement-selection"
      aria-label="What to compare"
      onSubmit={(e) => {
        e.preventDefault();
        if (enough)
          onRun({
            docIds: allDocs ? null : documents.filter((d) => docs.has(d.id)).map((d) => d.id),
            annotators: [...picked],
          });
      }}
    >
      <fieldset>
        <legend>Annotators (at least two)</legend>
        {annotators.length < 2 && (
          <p className="hint">Import other annotators’ exports first: agreement needs two.</p>
        )}
        {annotators.map((a) => (
          <label key={a} className="check">
            <input type="checkbox" checked={picked.has(a)} onChange={() => setChosen(toggle(picked, a))} />
            {a}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Documents</legend>
        <label className="check">
          <input type="checkbox" checked={allDocs} onChange={(e) => setAllDocs(e.target.checked)} />
          All documents
        </label>
        {!allDocs && (
          <div className="doc-choices" role="group" aria-label="Documents to compare">
            {documents.map((d) => (
              <label key={d.id} className="check">
                <input
                  type="checkbox"
                  checked={docs.has(d.id)}
                  onChange={() => setDocs(toggle(docs, d.id))}
                />
                {d.title}
              </label>
            ))}
          </div>
        )}
      </fieldset>
      <button type="submit" disabled={!enough || running}>
        Compute agreement
      </button>
    </form>
  );
}
