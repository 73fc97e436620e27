import { useCallback, useEffect, useMemo, useState } from 'react';

import { focusHome, focusLost } from '../../ui/focus';

import { decisionStatus } from '../../core/commands/adjudicate';
import { acceptAllAgreed } from '../../core/commands/adjudicate-bulk';
import { agreedMissing } from '../../core/commands/gold-status';
import {
  filterAgreed,
  listingHeading,
  type DisagreementFilter,
  type Listed,
} from '../../core/model/disagreement-filter';
import type { ArticleDocument } from '../../core/model/document';
import { GOLD_ANNOTATOR } from '../../core/model/gold';
import { sameExtentAndLabel } from '../../core/model/span';
import { STATUS_TITLES } from '../../core/model/status';
import { CodePointIndex } from '../../core/text/code-points';
import { useServices } from '../../session/providers';
import { AgreedList } from './AgreedList';
import { DecisionPanel } from './DecisionPanel';
import { GoldExport } from './GoldExport';
import { LinkDecisionsPanel } from './LinkDecisionsPanel';
import { Lanes, type Lane } from './Lanes';
import { useAdjudication } from './useAdjudication';
import { useDecisionKeys } from './useDecisionKeys';
import { useDocumentChoice } from './useDocumentChoice';
import './adjudicate.css';

export interface AdjudicatePageProps {
  filter: DisagreementFilter;
  adjudicator: string;
  onBack: () => void;
  onMessage: (text: string, tone?: 'info' | 'error') => void;
}

/** The disagreement view: pick a document among the filter's, then walk and decide. */
export function AdjudicatePage({ filter, adjudicator, onBack, onMessage }: AdjudicatePageProps) {
  // Opened from a figure of the agreement view, which is now hidden: the focus comes here.
  useEffect(() => {
    if (focusLost()) focusHome();
  }, []);
  const { choices, docId, setDocId, doc } = useDocumentChoice(filter);
  // What the open document lists, as it lists it (live); until it has loaded, the count made when
  // the documents were offered.
  const [listed, setListed] = useState<(Listed & { docId: string }) | null>(null);
  const offered = choices?.find((c) => c.id === docId);
  const heading = listingHeading(
    filter.title,
    listed && listed.docId === docId ? listed : (offered ?? { disagreements: 0, agreements: 0 }),
  );
  return (
    <section className="adjudicate-page review-page" aria-label="Disagreements">
      <header className="review-header">
        <button type="button" onClick={onBack}>
          ‹ Back
        </button>
        <h2 tabIndex={-1} data-focus-home="">
          {heading}
        </h2>
        {choices && choices.length > 1 && (
          <select aria-label="Document" value={docId ?? ''} onChange={(e) => setDocId(e.target.value)}>
            {choices.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title} ({c.count})
              </option>
            ))}
          </select>
        )}
        <GoldExport onMessage={onMessage} />
      </header>
      {choices && choices.length === 0 && <p>None of these documents is in the library any more.</p>}
      {doc && (
        <DocumentAdjudication
          key={doc.id}
          doc={doc}
          filter={filter}
          adjudicator={adjudicator}
          onMessage={onMessage}
          onListed={setListed}
        />
      )}
    </section>
  );
}

function DocumentAdjudication({
  doc,
  filter,
  adjudicator,
  onMessage,
  onListed,
}: {
  doc: ArticleDocument;
  filter: DisagreementFilter;
  adjudicator: string;
  onMessage: (text: string, tone?: 'info' | 'error') => void;
  onListed: (listed: Listed & { docId: string }) => void;
}) {
  const { host } = useServices();
  const s = useAdjudication(doc.id, filter, adjudicator, onMessage);
  const [at, setAt] = useState(0);
  const index = useMemo(() => new CodePointIndex(doc.text), [doc.text]);
  const current = s.decisions[Math.min(at, s.decisions.length - 1)] ?? null;
  const say = useCallback((m: string | null) => m && onMessage(m), [onMessage]);
  const keys = useMemo(
    () => ({
      next: () => setAt((i) => Math.min(i + 1, Math.max(0, s.decisions.length - 1))),
      previous: () => setAt((i) => Math.max(0, i - 1)),
      undo: () => say(s.undo() ?? 'Nothing to undo.'),
      redo: () => say(s.redo() ?? 'Nothing to redo.'),
    }),
    [s, say],
  );
  useDecisionKeys(keys);
  useEffect(
    () =>
      host.onMenuCommand((cmd) => {
        if (cmd === 'undo') keys.undo();
        else if (cmd === 'redo') keys.redo();
      }),
    [host, keys],
  );
  const lanes: Lane[] = useMemo(
    () => [
      ...filter.annotators.map((a) => ({ name: a, spans: s.spans.filter((x) => x.annotator === a) })),
      { name: GOLD_ANNOTATOR, spans: s.state.gold },
    ],
    [filter.annotators, s.spans, s.state.gold],
  );
  const agreed = useMemo(() => filterAgreed(s.all.agreed, filter), [s.all.agreed, filter]);
  const disagreements = s.decisions.length;
  useEffect(() => {
    if (s.loaded) onListed({ docId: doc.id, disagreements, agreements: agreed.length });
  }, [s.loaded, onListed, doc.id, disagreements, agreed.length]);
  if (!s.loaded) return <p>Loading…</p>;
  const decided = s.decisions.filter((d) => decisionStatus(s.state, d) !== 'open').length;
  const goldStatus = s.state.status ?? 'todo';
  const missing = agreedMissing(s.state, s.all.agreed).length;
  return (
    <div className="adjudication">
      <div className="adjudication-bar" role="toolbar" aria-label="Adjudication">
        <button type="button" onClick={keys.previous} aria-keyshortcuts="K Alt+ArrowLeft" disabled={at === 0}>
          ‹ Previous disagreement
        </button>
        <span data-testid="decision-position">
          {s.decisions.length === 0
            ? 'No disagreement here'
            : `${Math.min(at, s.decisions.length - 1) + 1} of ${s.decisions.length}`}{' '}
          · {decided} decided
        </span>
        <button
          type="button"
          onClick={keys.next}
          aria-keyshortcuts="J Alt+ArrowRight"
          disabled={at >= s.decisions.length - 1}
        >
          Next disagreement ›
        </button>
        {goldStatus !== 'done' && (
          // Gold done means nothing is left to decide; reopening it offers this again.
          <button
            type="button"
            disabled={missing === 0}
            onClick={() => say(s.decide((st, ctx) => acceptAllAgreed(st, s.all.agreed, ctx)))}
          >
            Accept everything all annotators agree on ({missing})
          </button>
        )}
        <span data-testid="gold-status" className={`gold-status gold-status-${goldStatus}`}>
          Gold: {STATUS_TITLES[goldStatus]}
        </span>
        {goldStatus === 'done' && (
          <button type="button" onClick={() => say(s.reopen())}>
            Reopen gold
          </button>
        )}
        <button type="button" onClick={keys.undo} disabled={!s.canUndo} aria-keyshortcuts="Control+Z">
          Undo
        </button>
        <button type="button" onClick={keys.redo} disabled={!s.canRedo} aria-keyshortcuts="Control+Shift+Z">
          Redo
        </button>
      </div>
      {filter.agreements && (
        <AgreedList
          agreed={agreed}
          index={index}
          inGold={(c) => s.state.gold.some((g) => sameExtentAndLabel(g, c))}
        />
      )}
      <div className="adjudication-body">
        <Lanes
          text={doc.text}
          lanes={lanes}
          decisions={s.decisions}
          current={current}
          onPick={(d) => setAt(s.decisions.indexOf(d))}
        />
        {current && (
          <DecisionPanel
            key={current.id}
            decision={current}
            allDecisions={s.all.decisions}
            annotators={filter.annotators}
            state={s.state}
            index={index}
            onDecide={(make) => say(s.decide(make))}
          />
        )}
      </div>
      <LinkDecisionsPanel
        docId={doc.id}
        links={s.links}
        state={s.state}
        annotators={filter.annotators}
        onDecide={(make, decision) => say(s.decideLink(make, decision))}
      />
    </div>
  );
}
