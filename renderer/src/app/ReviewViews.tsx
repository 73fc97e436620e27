import { useCallback, useEffect, useState } from 'react';

import type { DisagreementFilter } from '../core/model/disagreement-filter';
import { AdjudicatePage } from '../features/adjudicate/AdjudicatePage';
import { AgreementPage } from '../features/agreement/AgreementPage';
import { ClaimsPage } from '../features/claims/ClaimsPage';
import type { LinkEndpoint } from '../core/links/link';
import { ProgressPage } from '../features/progress/ProgressPage';
import type { HostApi } from '../platform/host';
import './review.css';

export interface ReviewView {
  /** True while the agreement or disagreement view replaces the annotate view. */
  readonly active: boolean;
  readonly filter: DisagreementFilter | null;
  readonly agreementOpen: boolean;
  /** The lead's progress dashboard (a team lead only). */
  readonly progressOpen: boolean;
  /** The library's claim clusters (issue 16). */
  readonly claimsOpen: boolean;
  toggleAgreement(): void;
  toggleProgress(): void;
  toggleClaims(): void;
  openDisagreements(filter: DisagreementFilter): void;
  backToAgreement(): void;
  close(): void;
}

/**
 * The lead's review views (agreement → disagreements → adjudication), routed by the shell: the
 * header button and the menu command "agreement-view" open them. Kept out of App.tsx so the shell
 * only switches between annotating and reviewing.
 */
export function useReviewView(host: HostApi): ReviewView {
  const [agreementOpen, setAgreementOpen] = useState(false);
  const [filter, setFilter] = useState<DisagreementFilter | null>(null);
  const [progressOpen, setProgressOpen] = useState(false);
  const [claimsOpen, setClaimsOpen] = useState(false);
  // One review view at a time: opening one closes the others.
  const only = useCallback((open: 'agreement' | 'progress' | 'claims' | null) => {
    setFilter(null);
    setAgreementOpen((o) => open === 'agreement' && !o);
    setProgressOpen((o) => open === 'progress' && !o);
    setClaimsOpen((o) => open === 'claims' && !o);
  }, []);
  const toggleAgreement = useCallback(() => only('agreement'), [only]);
  const toggleProgress = useCallback(() => only('progress'), [only]);
  const toggleClaims = useCallback(() => only('claims'), [only]);
  useEffect(
    () =>
      host.onMenuCommand((cmd) => {
        if (cmd === 'agreement-view') {
          setFilter(null);
          setProgressOpen(false);
          setClaimsOpen(false);
          setAgreementOpen(true);
        }
      }),
    [host],
  );
  return {
    active: agreementOpen || progressOpen || claimsOpen || filter !== null,
    filter,
    agreementOpen,
    progressOpen,
    claimsOpen,
    toggleAgreement,
    toggleProgress,
    toggleClaims,
    openDisagreements: setFilter,
    backToAgreement: useCallback(() => setFilter(null), []),
    close: useCallback(() => {
      setFilter(null);
      setProgressOpen(false);
      setAgreementOpen(false);
      setClaimsOpen(false);
    }, []),
  };
}

/** The agreement page stays mounted under the disagreement view, so "back" keeps its figures. */
export function ReviewViews({
  review,
  adjudicator,
  onMessage,
  onOpenSpan,
}: {
  review: ReviewView;
  adjudicator: string;
  onMessage: (text: string, tone?: 'info' | 'error') => void;
  /** Leaves the review views for the annotate view, at this span. */
  onOpenSpan: (end: LinkEndpoint) => void;
}) {
  return (
    <>
      {review.progressOpen && <ProgressPage onClose={review.close} />}
      {review.claimsOpen && <ClaimsPage onClose={review.close} onOpen={onOpenSpan} onMessage={onMessage} />}
      {review.agreementOpen && (
        <AgreementPage
          hidden={review.filter !== null}
          onOpenDisagreements={review.openDisagreements}
          onClose={review.close}
          onMessage={onMessage}
        />
      )}
      {review.filter && (
        <AdjudicatePage
          key={JSON.stringify(review.filter)}
          filter={review.filter}
          adjudicator={adjudicator}
          onBack={review.agreementOpen ? review.backToAgreement : review.close}
          onMessage={onMessage}
        />
      )}
    </>
  );
}
