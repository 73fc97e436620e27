import type { FileOutcome } from './useImport';

/** Per file: what was stored, or every listed problem with its line and field, in plain words. */
export function ImportReport({ outcomes }: { outcomes: readonly FileOutcome[] }) {
  return (
    <ul className="import-report" aria-label="Import report">
      {outcomes.map(({ result: r, stored, storeError }, i) => (
        <li key={`${r.file}-${i}`} className={stored ? 'ok' : 'failed'}>
          <h3>
            {r.file} — {stored ? 'imported' : 'not imported'}
            {r.format ? <span className="muted"> ({r.format})</span> : null}
          </h3>
          {stored && (
            <p>
              {stored.documentsAdded} new document{stored.documentsAdded === 1 ? '' : 's'}
              {stored.documentsExisting > 0 && `, ${stored.documentsExisting} already in the library`},{' '}
              {stored.spansAdded} span{stored.spansAdded === 1 ? '' : 's'} added
              {stored.spansAlreadyPresent > 0 && `, ${stored.spansAlreadyPresent} already present`}
              {stored.linksAdded !== undefined &&
                `, ${stored.linksAdded} link${stored.linksAdded === 1 ? '' : 's'} added`}
              {(stored.linksAlreadyPresent ?? 0) > 0 && ` (${stored.linksAlreadyPresent} already present)`}.
            </p>
          )}
          {stored?.sameTitleOtherText.map((t) => (
            <p key={t} className="muted">
              “{t}” has the same title as a document already in the library but different text; it was added
              as a separate document.
            </p>
          ))}
          {r.summary.map((line) => (
            <p key={line}>{line}</p>
          ))}
          {storeError && <p className="field-error">Nothing from this file was stored: {storeError}</p>}
          {r.errors.length > 0 && (
            <>
              <p className="field-error">
                {r.errorCount} problem{r.errorCount === 1 ? '' : 's'} found; nothing from this file was
                stored.
              </p>
              <ol className="problems">
                {r.errors.map((p, k) => (
                  <li key={k}>
                    {p.line !== null && <strong>Line {p.line}: </strong>}
                    {p.field && <code>{p.field}</code>} {p.message}
                  </li>
                ))}
              </ol>
            </>
          )}
          {r.warnings.length > 0 && (
            <details>
              <summary>
                {r.warningCount} warning{r.warningCount === 1 ? '' : 's'}
              </summary>
              <ol className="problems">
                {r.warnings.map((p, k) => (
                  <li key={k}>
                    {p.line !== null && <strong>Line {p.line}: </strong>}
                    {p.message}
                  </li>
                ))}
              </ol>
            </details>
          )}
        </li>
      ))}
    </ul>
  );
}
