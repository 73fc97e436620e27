import { formatFigure } from '../../core/agreement-report/format';
import type { AgreementResult } from '../../core/agreement-report/result';
import type { LinkScore, LinkWalkKind } from '../../core/links/agreement';
import { RELATION_TITLES, RELATIONS, type Relation } from '../../core/links/link';
import { clickable } from './clickable';

/** What a click on a link figure asks to walk through. */
export interface LinkWalkChoice {
  readonly a: string;
  readonly b: string;
  readonly relation: Relation | 'overall';
  readonly kind: LinkWalkKind;
  /** What was clicked, for the walk's heading. */
  readonly title: string;
}

const ROWS: readonly (Relation | 'overall')[] = ['overall', ...RELATIONS];
const rowTitle = (r: Relation | 'overall'): string =>
  r === 'overall' ? 'All relations' : RELATION_TITLES[r];

/**
 * Link agreement per annotator pair and relation (the figures of `marginalia agreement`'s `links`
 * section, computed by the same core function). Precision, recall and F1 open the disagreeing
 * links behind them, matched the agreeing ones, each "only" count that side's unmatched links.
 */
export function LinkFigures({
  result,
  onWalk,
}: {
  result: AgreementResult;
  onWalk: (choice: LinkWalkChoice) => void;
}) {
  const r = result.links;
  const total = Object.values(r.n_links).reduce((n, x) => n + x, 0);
  return (
    <section aria-label="Link agreement">
      <h3>Links</h3>
      <p className="basis" data-testid="link-basis">
        Overall link F1 <strong data-testid="link-overall-f1">{formatFigure(r.overall_f1)}</strong> · links:{' '}
        {Object.entries(r.n_links)
          .map(([a, n]) => `${a} ${n}`)
          .join(', ')}
        {r.left_out > 0 && ` · ${r.left_out} left out (an end outside the compared documents)`}
      </p>
      {total === 0 ? (
        <p className="hint">No links between the compared documents.</p>
      ) : (
        Object.entries(r.pairs).map(([key, scores]) => {
          const [a = '', b = ''] = key.split('|');
          return (
            <table key={key} className="figures link-figures" data-pair={key}>
              <caption>
                {a} | {b}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Relation</th>
                  <th scope="col">Precision</th>
                  <th scope="col">Recall</th>
                  <th scope="col">F1</th>
                  <th scope="col">Matched</th>
                  <th scope="col">{a} only</th>
                  <th scope="col">{b} only</th>
                </tr>
              </thead>
              <tbody>
                {ROWS.map((rel) => (
                  <ScoreRow key={rel} a={a} b={b} relation={rel} score={scores[rel]} onWalk={onWalk} />
                ))}
              </tbody>
            </table>
          );
        })
      )}
    </section>
  );
}

function ScoreRow({
  a,
  b,
  relation,
  score,
  onWalk,
}: {
  a: string;
  b: string;
  relation: Relation | 'overall';
  score: LinkScore;
  onWalk: (choice: LinkWalkChoice) => void;
}) {
  const what = `${rowTitle(relation)}, ${a} | ${b}`;
  const cell = (name: string, text: string, kind: LinkWalkKind, shows: string, isNa = false) => (
    <td
      className={isNa ? 'na' : 'num'}
      data-cell={name}
      {...clickable(`${name} ${what}: ${text}, ${shows}`, () =>
        onWalk({ a, b, relation, kind, title: `${name}, ${what}` }),
      )}
    >
      {text}
    </td>
  );
  const fig = (name: string, v: number | null) =>
    cell(name, formatFigure(v), 'disagreements', 'walk through the disagreeing links', v === null);
  return (
    <tr data-relation={relation}>
      <th scope="row">{rowTitle(relation)}</th>
      {fig('Precision', score.precision)}
      {fig('Recall', score.recall)}
      {fig('F1', score.f1)}
      {cell('Matched', String(score.matched), 'matched', 'walk through the agreeing links')}
      {cell(`${a} only`, String(score.a_only), 'a_only', `walk through the links only ${a} made`)}
      {cell(`${b} only`, String(score.b_only), 'b_only', `walk through the links only ${b} made`)}
    </tr>
  );
}
