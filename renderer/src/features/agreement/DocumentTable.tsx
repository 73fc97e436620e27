import { formatFigure } from '../../core/agreement-report/format';
import type { AgreementResult } from '../../core/agreement-report/result';
import { clickable } from './clickable';

const fig = (v: number | null, reason: string, name: string, open: () => void) => (
  <td
    className={v === null ? 'na num' : 'num'}
    title={v === null ? reason : undefined}
    {...clickable(`${name} ${formatFigure(v)}: show the spans behind it`, open)}
  >
    {formatFigure(v)}
  </td>
);

/** Documents worst first (lowest α, then lowest F1); a row opens that document's disagreements. */
export function DocumentTable({
  result,
  onOpen,
}: {
  result: AgreementResult;
  onOpen: (docId: string) => void;
}) {
  return (
    <section aria-label="Documents, worst first">
      <h3>Documents, worst first</h3>
      <table className="documents">
        <thead>
          <tr>
            <th scope="col">Document</th>
            <th scope="col">Tokens</th>
            <th scope="col">Spans</th>
            <th scope="col">α</th>
            <th scope="col">F1 overlap</th>
            <th scope="col">κ mean</th>
          </tr>
        </thead>
        <tbody>
          {result.documents.map((d) => (
            <tr key={d.id} data-doc={d.id}>
              <th scope="row">
                <button
                  type="button"
                  className="link"
                  onClick={() => onOpen(d.id)}
                  aria-label={`${d.title}: show its spans`}
                >
                  {d.title}
                </button>
              </th>
              <td className="num">{d.nTokens}</td>
              <td>
                {Object.entries(d.nSpans)
                  .map(([a, n]) => `${a} ${n}`)
                  .join(', ')}
              </td>
              {fig(
                d.krippendorffAlpha,
                'n/a: a single category occurs in this document',
                `${d.title}: α`,
                () => onOpen(d.id),
              )}
              {fig(d.overlapF1, 'n/a: no spans in this document', `${d.title}: F1 overlap`, () =>
                onOpen(d.id),
              )}
              {fig(d.cohenKappaMean, 'n/a: no pair has a defined κ', `${d.title}: κ mean`, () =>
                onOpen(d.id),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
