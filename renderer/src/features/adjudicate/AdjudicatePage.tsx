import type { DisagreementFilter } from '../../core/model/disagreement-filter';

export interface AdjudicatePageProps {
  filter: DisagreementFilter;
  adjudicator: string;
  onBack: () => void;
  onMessage: (text: string, tone?: 'info' | 'error') => void;
}

export function AdjudicatePage({ filter }: AdjudicatePageProps) {
  return (
    <section className="adjudicate-page" aria-label="Disagreements">
      <h2>Disagreements: {filter.title}</h2>
    </section>
  );
}
