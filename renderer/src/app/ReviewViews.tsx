import { useCallback, useEffect, useState } from 'react';

import type { DisagreementFilter } from '../core/model/disagreement-filter';
import { AdjudicatePage } from '../features/adjudicate/AdjudicatePage';
import { AgreementPage } from '../features/agreement/AgreementPage';
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
  toggleAgreement(): void;
  toggleProgress(): void;
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
  const toggleAgreement = useCallback(() => {
    setFilter(null);
    setProgressOpen(false);
    setAgreementOpen((o) => !o);
  }, []);
  const toggleProgress = useCallback(() => {
    setFilter(null);
    setAgreementOpen(false);
    setProgressOpen((o) => !o);
  }, []);
  useEffect(
    () =>
      host.onMenuCommand((cmd) => {
        if (cmd === 'agreement-view') {
          setFilter(null);
          setProgressOpen(false);
          setAgreementOpen(true);
        }
      }),
    [host],
  );
  return {
    active: agreementOpen || progressOpen || filter !== null,
    filter,
    agreementOpen,
    progressOpen,
    toggleAgreement,
    toggleProgress,
    openDisagreements: setFilter,
    backToAgreement: useCallback(() => setFilter(null), []),
    close: useCallback(() => {
      setFilter(null);
      setProgressOpen(false);
      setAgreementOpen(false);
    }, []),
  };
}

/** The agreement page stays mounted under the disagreement view, so "back" keeps its figures. */
export function ReviewViews({
  review,
  adjudicator,
  onMessage,
}: {
  review: ReviewView;
  adjudicator: string;
  onMessage: (text: string, tone?: 'info' | 'error') => void;
}) {
  return (
    <>
      {review.progressOpen && <ProgressPage onClose={review.close} />}
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
