import { useState } from 'react';

import {
  acceptAnnotator,
  decisionStatus,
  editBoundaries,
  rejectDecision,
  withReason,
  type AdjudicationState,
  type AdjudicationStep,
  type DecideContext,
} from '../../core/commands/adjudicate';
import { acceptMajority } from '../../core/commands/adjudicate-bulk';
import type { Decision } from '../../core/model/decisions';
import { labelDisplay } from '../../core/model/label-display';
import { ADJUDICATION_REASONS, REASON_TITLES, type AdjudicationReason } from '../../core/model/gold';
import type { Result } from '../../core/result';
import type { CodePointIndex } from '../../core/text/code-points';
import { quoted } from '../../core/text/quoted';

const KIND_TITLES = {
  missing: 'missing',
  different_label: 'different label',
  different_boundaries: 'different boundaries',
} as const;

type Decide = (make: (state: AdjudicationState, ctx: DecideContext) => Result<AdjudicationStep>) => void;

/**
 * One decision: each annotator's spans of this label here (with their notes and "unsure" flags),
 * the other labels of the same disagreement, the gold it has, and the actions.
 */
export function DecisionPanel({
  decision,
  allDecisions,
  annotators,
  state,
  index,
  onDecide: decideWith,
}: {
  decision: Decision;
  allDecisions: readonly Decision[];
  annotators: readonly string[];
  state: AdjudicationState;
  index: CodePointIndex;
  onDecide: Decide;
}) {
  // The reason belongs to the next decision made here only: it is recorded with it, then cleared.
  const [reason, setReason] = useState<AdjudicationReason | null>(null);
  const onDecide: Decide = (make) => {
    decideWith((st, ctx) => make(st, withReason(ctx, reason)));
    setReason(null);
  };
  const gold = state.gold.filter((g) => g.provenance.decision === decision.id);
  const base = gold[0] ?? decision.candidates[0];
  const status = decisionStatus(state, decision);
  const others = allDecisions.filter((d) => d.group === decision.group && d !== decision);
  const rejection = state.rejections.find((r) => r.decision === decision.id);
  return (
    <section className="decision" aria-label="Decision" data-status={status} data-decision={decision.id}>
      <h3>
        <span className={`lab lab-${decision.label}`}>
          {labelDisplay(decision.label).letter} · {decision.label}
        </span>{' '}
        · {KIND_TITLES[decision.kind]} · <span className={`status status-${status}`}>{status}</span>
      </h3>
      <blockquote className="excerpt">{index.slice(decision.start, decision.end)}</blockquote>
      <ul className="proposals" aria-label="What each annotator marked">
        {annotators.map((a) => {
          const mine = decision.byAnnotator.find((x) => x.annotator === a)?.spans ?? [];
          return (
            <li key={a}>
              <strong>{a}</strong>:{' '}
              {mine.length === 0 ? (
                <em>no {decision.label} here</em>
              ) : (
                mine.map((s) => (
                  <span key={s.id} className="proposal">
                    {s.start}–{s.end} {quoted(index.slice(s.start, s.end))}
                    {s.unsure && <span className="unsure"> unsure</span>}
                    {s.note && <span className="note"> note: {s.note}</span>}{' '}
                  </span>
                ))
              )}
              {mine.length > 0 && (
                <button
                  type="button"
                  onClick={() => onDecide((st, ctx) => acceptAnnotator(st, decision, a, ctx))}
                >
                  Accept {a}’s
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {others.length > 0 && (
        <p className="hint">
          Same place, other labels (separate decisions):{' '}
          {others
            .map(
              (o) =>
                `${o.label} by ${o.byAnnotator
                  .filter((x) => x.spans.length > 0)
                  .map((x) => x.annotator)
                  .join(', ')}`,
            )
            .join('; ')}
        </p>
      )}
      <div className="decision-actions">
        <label>
          Reason{' '}
          <select
            value={reason ?? ''}
            onChange={(e) => setReason((e.target.value || null) as AdjudicationReason | null)}
          >
            <option value="">(none)</option>
            {ADJUDICATION_REASONS.map((r) => (
              <option key={r} value={r}>
                {REASON_TITLES[r]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={() => onDecide((st, ctx) => acceptMajority(st, allDecisions, decision, annotators, ctx))}
        >
          Accept label by majority
        </button>
        <button type="button" onClick={() => onDecide((st, ctx) => rejectDecision(st, decision, ctx))}>
          Reject
        </button>
      </div>
      <BoundaryForm
        decision={decision}
        initialStart={base?.start ?? decision.start}
        initialEnd={base?.end ?? decision.end}
        index={index}
        onDecide={onDecide}
      />
      <div className="gold-now" role="group" aria-label="Gold for this decision">
        {gold.map((g) => (
          <p key={g.id}>
            Gold: {g.label} {g.start}–{g.end} {quoted(index.slice(g.start, g.end))} — {g.provenance.action} by{' '}
            {g.provenance.decidedBy}, proposed by {g.provenance.proposedBy.join(', ') || 'nobody'}
            {g.provenance.reason && ` (${REASON_TITLES[g.provenance.reason]})`}
            {g.provenance.unsureBy && g.provenance.unsureBy.length > 0 && (
              <span className="unsure"> · unsure ({g.provenance.unsureBy.join(', ')})</span>
            )}
            {g.note && <span className="note gold-note"> · note: {g.note}</span>}
          </p>
        ))}
        {rejection && (
          <p>
            Rejected by {rejection.decidedBy}
            {rejection.reason && ` (${REASON_TITLES[rejection.reason]})`}.
          </p>
        )}
      </div>
    </section>
  );
}

function BoundaryForm({
  decision,
  initialStart,
  initialEnd,
  index,
  onDecide,
}: {
  decision: Decision;
  initialStart: number;
  initialEnd: number;
  index: CodePointIndex;
  onDecide: Decide;
}) {
  const [start, setStart] = useState(String(initialStart));
  const [end, setEnd] = useState(String(initialEnd));
  // The fields follow the gold choice: after "Accept alice's" they show alice's boundaries, so
  // "Set boundaries" never writes stale numbers over the choice just made. Reset while rendering
  // (not by remounting) so the focused field or button keeps the focus.
  const basis = `${initialStart}:${initialEnd}`;
  const [shownBasis, setShownBasis] = useState(basis);
  if (shownBasis !== basis) {
    setShownBasis(basis);
    setStart(String(initialStart));
    setEnd(String(initialEnd));
  }
  return (
    <form
      className="boundaries"
      aria-label="Edit boundaries"
      onSubmit={(e) => {
        e.preventDefault();
        onDecide((st, ctx) =>
          editBoundaries(st, decision, Number(start), Number(end), index.codePointLength, ctx),
        );
      }}
    >
      <label>
        Start{' '}
        <input
          type="number"
          value={start}
          onChange={(e) => setStart(e.target.value)}
          aria-label="Gold start (code points)"
        />
      </label>
      <label>
        End{' '}
        <input
          type="number"
          value={end}
          onChange={(e) => setEnd(e.target.value)}
          aria-label="Gold end (code points)"
        />
      </label>
      <button type="submit">Set boundaries</button>
      <span className="hint">
        {quoted(
          index.slice(Math.max(0, Number(start) || 0), Math.min(index.codePointLength, Number(end) || 0)),
        )}
      </span>
    </form>
  );
}
