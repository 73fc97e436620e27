import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import {
  applyStep,
  invertStep,
  type AdjudicationState,
  type AdjudicationStep,
  type DecideContext,
} from '../../core/commands/adjudicate';
import {
  emptyStepHistory,
  recordStep,
  redoStep,
  undoStep,
  type StepHistory,
} from '../../core/commands/adjudicate-bulk';
import { reopenGold, withGoldStatus } from '../../core/commands/gold-status';
import { buildDecisions, type DocumentDecisions, type SourceSpan } from '../../core/model/decisions';
import { filterDecisions, type DisagreementFilter } from '../../core/model/disagreement-filter';
import type { Result } from '../../core/result';
import { useServices } from '../../session/providers';
import { applyAdjudicationStep, loadAdjudication } from '../../db/repositories/adjudication';

export interface AdjudicationSession {
  readonly loaded: boolean;
  readonly spans: readonly SourceSpan[];
  readonly all: DocumentDecisions;
  /** The decisions the filter selects, in text order. */
  readonly decisions: DocumentDecisions['decisions'];
  readonly state: AdjudicationState;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  /** Runs a decision function; returns a message for the status line. */
  decide(make: (state: AdjudicationState, ctx: DecideContext) => Result<AdjudicationStep>): string;
  /** The lead reopens a finished gold document (undoable). */
  reopen(): string;
  undo(): string | null;
  redo(): string | null;
}

const EMPTY: AdjudicationState = { gold: [], rejections: [] };

/**
 * One document's adjudication: the annotators' spans, their decisions, the gold set and its undo
 * history. Steps show at once and are persisted in order, one transaction each; a failed write is
 * taken back on screen and reported.
 */
export function useAdjudication(
  docId: string,
  filter: DisagreementFilter,
  adjudicator: string,
  onMessage: (text: string, tone?: 'info' | 'error') => void,
): AdjudicationSession {
  const { db } = useServices();
  const [spans, setSpans] = useState<SourceSpan[] | null>(null);
  const [state, setState] = useState<AdjudicationState>(EMPTY);
  const [history, setHistory] = useState<StepHistory>(emptyStepHistory);
  const queue = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    let live = true;
    setSpans(null);
    setHistory(emptyStepHistory);
    void loadAdjudication(db, docId, filter.annotators).then((d) => {
      if (!live) return;
      setSpans(d.spans);
      setState({ gold: d.gold, rejections: d.rejections, status: d.status });
    });
    return () => {
      live = false;
    };
  }, [db, docId, filter.annotators]);

  const all = useMemo(() => buildDecisions(spans ?? [], filter.annotators), [spans, filter.annotators]);
  const decisions = useMemo(() => filterDecisions(all.decisions, filter), [all, filter]);

  const run = useCallback(
    (step: AdjudicationStep) => {
      setState((s) => applyStep(s, step));
      queue.current = queue.current.then(async () => {
        try {
          await applyAdjudicationStep(db, docId, step);
        } catch (e) {
          setState((s) => applyStep(s, invertStep(step)));
          onMessage(
            `Not saved (${step.description}): ${e instanceof Error ? e.message : String(e)}`,
            'error',
          );
        }
      });
    },
    [db, docId, onMessage],
  );

  const decide = useCallback(
    (make: (state: AdjudicationState, ctx: DecideContext) => Result<AdjudicationStep>): string => {
      const ctx: DecideContext = {
        adjudicator,
        now: new Date().toISOString(),
        newId: () => crypto.randomUUID(),
      };
      const made = make(state, ctx);
      if (!made.ok) return made.error;
      const step = withGoldStatus(state, made.value, all.decisions, all.agreed);
      setHistory((h) => recordStep(h, step));
      run(step);
      const done = step.status?.after === 'done' ? ' Nothing is left to decide: gold is done.' : '';
      return `Gold: ${step.description}.${done}`;
    },
    [adjudicator, state, run, all],
  );

  const reopen = useCallback((): string => {
    const step = reopenGold(state);
    if (!step) return 'Gold is not done.';
    setHistory((h) => recordStep(h, step));
    run(step);
    return 'Gold reopened: in progress.';
  }, [state, run]);

  const undo = useCallback((): string | null => {
    const u = undoStep(history);
    if (!u) return null;
    setHistory(u.history);
    run(u.step);
    return `Undid: ${u.step.description}.`;
  }, [history, run]);

  const redo = useCallback((): string | null => {
    const r = redoStep(history);
    if (!r) return null;
    setHistory(r.history);
    run(r.step);
    return `Redid: ${r.step.description}.`;
  }, [history, run]);

  return {
    loaded: spans !== null,
    spans: spans ?? [],
    all,
    decisions,
    state,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    decide,
    reopen,
    undo,
    redo,
  };
}
