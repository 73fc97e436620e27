import { useEffect, useMemo, useState } from 'react';

import type { ImportOptions, LabelTarget, OffsetUnit } from '../../core/formats/import-types';
import { LABELS } from '../../core/model/labels';
import { useUserWrites } from '../../session/commands/use-user-writes';
import { useServices } from '../../session/providers';
import type { ImportSummary } from '../../session/import/import-messages';
import { firstGuess, labelRows, loadLabelMemory, withChoices, type LabelMemory } from './label-memory';

const TARGETS: readonly LabelTarget[] = [...LABELS, 'skip'];
const UNIT_WORDS: Readonly<Record<OffsetUnit, string>> = {
  utf16: 'UTF-16 code units',
  codepoint: 'code points',
};
const TOOL: Readonly<Record<string, string>> = {
  doccano: 'doccano',
  labelstudio: 'Label Studio',
  w3c: 'W3C',
};
const UNIT_OPTION = { doccano: 'doccanoUnit', labelstudio: 'labelStudioUnit', w3c: 'w3cUnit' } as const;

/**
 * The step before anything is stored: map each foreign label (first guesses from the last import
 * from the same tool, else from the name), choose the offset unit where the file cannot prove it,
 * and whether Label Studio predictions come along. "Import" parses again with these choices.
 */
export function ImportReview({
  summaries,
  options,
  onConfirm,
  onCancel,
}: {
  summaries: readonly ImportSummary[];
  options: ImportOptions;
  onConfirm: (options: ImportOptions) => void;
  onCancel: () => void;
}) {
  const { db } = useServices();
  const writes = useUserWrites();
  const rows = useMemo(() => labelRows(summaries), [summaries]);
  const [memory, setMemory] = useState<LabelMemory | null>(null);
  const [chosen, setChosen] = useState<Record<string, LabelTarget>>({});
  const units = useMemo(
    () =>
      summaries
        .flatMap((s) => s.offers)
        .flatMap((o) => (o.kind === 'unit' ? [o] : []))
        .filter((o, i, all) => all.findIndex((x) => x.format === o.format) === i),
    [summaries],
  );
  const [unitChoice, setUnitChoice] = useState<Record<string, OffsetUnit>>({});
  const predictions = summaries.reduce(
    (n, s) => n + s.offers.reduce((m, o) => m + (o.kind === 'predictions' ? o.count : 0), 0),
    0,
  );
  const [withPredictions, setWithPredictions] = useState(false);

  useEffect(() => {
    let live = true;
    void loadLabelMemory(db).then((m) => {
      if (!live) return;
      setMemory(m);
      setChosen(Object.fromEntries(rows.map((r) => [r.name, firstGuess(r, m)])));
    });
    return () => {
      live = false;
    };
  }, [db, rows]);

  const confirm = async () => {
    // Only a convenience for next time: the import goes on when it cannot be remembered.
    if (memory && rows.length > 0) await writes.importLabelMaps(withChoices(memory, rows, chosen));
    const next: ImportOptions = {
      ...options,
      labelMap: { ...options.labelMap, ...chosen },
      ...Object.fromEntries(units.map((u) => [UNIT_OPTION[u.format], unitChoice[u.format] ?? u.assumed])),
      ...(predictions > 0 ? { predictions: withPredictions ? 'import' : 'skip' } : {}),
    };
    onConfirm(next);
  };

  return (
    <form
      className="import-review"
      onSubmit={(e) => {
        e.preventDefault();
        void confirm();
      }}
    >
      <p>Before anything is stored, check how these files will be read.</p>
      <ul className="import-review-files">
        {summaries.map((s, i) => (
          <li key={`${s.file}-${i}`}>
            <strong>{s.file}</strong>
            {s.format ? <span className="muted"> ({s.format})</span> : null}
            {s.ok &&
              `: ${s.documentCount} document${s.documentCount === 1 ? '' : 's'}, ${s.spanCount} span${s.spanCount === 1 ? '' : 's'}`}
            {s.summary.map((line) => (
              <p key={line} className="muted">
                {line}
              </p>
            ))}
          </li>
        ))}
      </ul>
      {rows.length > 0 && (
        <fieldset>
          <legend>Labels in these files</legend>
          <table className="label-map">
            <thead>
              <tr>
                <th scope="col">Label in the file</th>
                <th scope="col">Spans</th>
                <th scope="col">Import as</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.name}>
                  <th scope="row">
                    <code>{r.name}</code>
                  </th>
                  <td>{r.count.toLocaleString('en-US')}</td>
                  <td>
                    <select
                      aria-label={`Import ${r.name} as`}
                      value={chosen[r.name] ?? 'skip'}
                      disabled={memory === null}
                      onChange={(e) => setChosen({ ...chosen, [r.name]: e.target.value as LabelTarget })}
                    >
                      {TARGETS.map((t) => (
                        <option key={t} value={t}>
                          {t === 'skip' ? 'skip (leave these spans out)' : t}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </fieldset>
      )}
      {units.map((u) => (
        <fieldset key={u.format}>
          <legend>{TOOL[u.format] ?? u.format} offsets</legend>
          {([u.assumed, u.other] as const).map((unit) => (
            <label key={unit} className="checkbox">
              <input
                type="radio"
                name={`unit-${u.format}`}
                checked={(unitChoice[u.format] ?? u.assumed) === unit}
                onChange={() => setUnitChoice({ ...unitChoice, [u.format]: unit })}
              />
              {UNIT_WORDS[unit]}
              {unit === u.assumed ? ` (what ${TOOL[u.format] ?? u.format} writes)` : ''}
            </label>
          ))}
        </fieldset>
      ))}
      {predictions > 0 && (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={withPredictions}
            onChange={(e) => setWithPredictions(e.target.checked)}
          />
          Also import the {predictions} set{predictions === 1 ? '' : 's'} of model predictions, under the
          annotator “predictions”
        </label>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={memory === null}>
          Import
        </button>
      </div>
    </form>
  );
}
