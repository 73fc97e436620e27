import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';

import type { AdjudicationState, AdjudicationStep, DecideContext } from '../../core/commands/adjudicate';
import { reopenGold, withGoldStatus } from '../../core/commands/gold-status';
import { carryGoldLinks } from '../../core/links/gold-carry';
import { buildDecisions, type DocumentDecisions, type SourceSpan } from '../../core/model/decisions';
import { filterDecisions, type DisagreementFilter } from '../../core/model/disagreement-filter';
import type { GoldHasSpan, LinkAdjudicationState, LinkStep } from '../../core/links/adjudicate';
import { buildLinkDecisions, type LinkDecision, type LinkDecisions } from '../../core/links/decisions';
import { asAdjudicationStep, goldHasSpanIn, linkStateOf } from '../../core/links/gold-link-steps';
import type { Link } from '../../core/links/link';
import { ok, type Result } from '../../core/result';
import { loadAdjudication } from '../../db/repositories/adjudication';
import { followDatabase } from '../../session/commands/follow';
import { adjudicationStore } from '../../session/commands/stores';
import { useServices } from '../../session/providers';
import { useReadOnly } from '../../session/read-only';

const NO_LINKS = { links: [] as Link[], otherGold: new Set<string>() };

export interface AdjudicationSession {
  readonly loaded: boolean;
  readonly spans: readonly SourceSpan[];
  readonly all: DocumentDecisions;
  /** The decisions the filter selects, in text order. */
  readonly decisions: DocumentDecisions['decisions'];
  readonly state: AdjudicationState;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  /** The annotators' links with an end in this document: agreed ones and decisions (issue 16). */
  readonly links: LinkDecisions;
  /** Runs a decision function; returns a message for the status line. */
  decide(make: (state: AdjudicationState, ctx: DecideContext) => Result<AdjudicationStep>): string;
  /** Runs a link decision function (the same store, history and queue as the span decisions). */
  decideLink(
    make: (state: LinkAdjudicationState, goldHasSpan: GoldHasSpan, ctx: DecideContext) => Result<LinkStep>,
    decision: LinkDecision | null,
  ): string;
  /** The lead reopens a finished gold document (undoable). */
  reopen(): string;
  undo(): string | null;
  redo(): string | null;
}

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
  const { db, stores } = useServices();
  const { gate } = useReadOnly();
  const [spans, setSpans] = useState<SourceSpan[] | null>(null);
  const [linked, setLinked] = useState<{ links: Link[]; otherGold: Set<string> }>(NO_LINKS);
  // One store per document for the app session: its undo history survives switching documents.
  const store = useMemo(() => adjudicationStore(stores, db, gate, docId), [stores, db, gate, docId]);
  const view = useSyncExternalStore(store.subscribe, store.getView);
  const state = view.state;

  useEffect(() => {
    let live = true;
    setSpans(null);
    void loadAdjudication(db, docId, filter.annotators).then((d) => {
      if (!live) return;
      setSpans(d.spans);
      setLinked({ links: d.annotatorLinks, otherGold: d.otherGold });
      store.load({ gold: d.gold, rejections: d.rejections, status: d.status, links: d.links });
    });
    return () => {
      live = false;
    };
  }, [db, docId, filter.annotators, store]);

  // Every committed change (another window, a sync, an annotator labelling elsewhere) shows here.
  useEffect(() => {
    let fresh: SourceSpan[] = [];
    let freshLinks = NO_LINKS;
    return followDatabase(db, store, {
      tables: ['spans', 'goldSpans', 'decisions', 'progress', 'goldStatus', 'links'],
      read: async () => {
        const d = await loadAdjudication(db, docId, filter.annotators);
        fresh = d.spans;
        freshLinks = { links: d.annotatorLinks, otherGold: d.otherGold };
        return { gold: d.gold, rejections: d.rejections, status: d.status, links: d.links };
      },
      onFresh: () => {
        setSpans(fresh);
        setLinked(freshLinks);
      },
    });
  }, [db, docId, filter.annotators, store]);

  // A failed write is taken back by the store; its reason goes to the status line.
  useEffect(
    () =>
      store.queue.subscribe(() => {
        const s = store.queue.getSaveState();
        if (s.kind === 'error') onMessage(s.message, 'error');
      }),
    [store, onMessage],
  );

  const all = useMemo(() => buildDecisions(spans ?? [], filter.annotators), [spans, filter.annotators]);
  const decisions = useMemo(() => filterDecisions(all.decisions, filter), [all, filter]);

  const decide = useCallback(
    (make: (state: AdjudicationState, ctx: DecideContext) => Result<AdjudicationStep>): string => {
      const ctx: DecideContext = {
        adjudicator,
        now: new Date().toISOString(),
        newId: () => crypto.randomUUID(),
      };
      const current = store.getState();
      const made = make(current, ctx);
      if (!made.ok) return made.error;
      // A gold span that goes takes its gold links along; undo brings both back.
      const step = carryGoldLinks(
        current,
        withGoldStatus(current, made.value, all.decisions, all.agreed),
        docId,
      );
      const refused = store.perform(step);
      if (refused) return refused;
      const done = step.status?.after === 'done' ? ' Nothing is left to decide: gold is done.' : '';
      return `Gold: ${step.description}.${done}`;
    },
    [adjudicator, store, all, docId],
  );

  const links = useMemo(
    () => buildLinkDecisions(linked.links, filter.annotators),
    [linked.links, filter.annotators],
  );
  const { otherGold } = linked;
  const decideLink = useCallback(
    (
      make: (s: LinkAdjudicationState, has: GoldHasSpan, ctx: DecideContext) => Result<LinkStep>,
      decision: LinkDecision | null,
    ): string =>
      decide((st, ctx) => {
        const made = make(linkStateOf(st), goldHasSpanIn(docId, st, otherGold), ctx);
        return made.ok ? ok(asAdjudicationStep(made.value, decision)) : made;
      }),
    [decide, docId, otherGold],
  );

  const reopen = useCallback((): string => {
    const step = reopenGold(store.getState());
    if (!step) return 'Gold is not done.';
    return store.perform(step) ?? 'Gold reopened: in progress.';
  }, [store]);

  const undo = useCallback((): string | null => {
    const u = store.undo();
    if (!u) return null;
    return u.ok ? `Undid: ${u.command.description}.` : u.message;
  }, [store]);

  const redo = useCallback((): string | null => {
    const r = store.redo();
    if (!r) return null;
    return r.ok ? `Redid: ${r.command.description}.` : r.message;
  }, [store]);

  return {
    loaded: spans !== null,
    spans: spans ?? [],
    all,
    decisions,
    state,
    links,
    canUndo: view.canUndo,
    canRedo: view.canRedo,
    decide,
    decideLink,
    reopen,
    undo,
    redo,
  };
}
