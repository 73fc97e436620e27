import type { DisagreementFilter } from '../../core/model/disagreement-filter';

export interface AgreementPageProps {
  hidden: boolean;
  onOpenDisagreements: (filter: DisagreementFilter) => void;
  onClose: () => void;
  onMessage: (text: string, tone?: 'info' | 'error') => void;
}

export function AgreementPage({ hidden }: AgreementPageProps) {
  return (
    <section className="agreement-page" aria-label="Agreement" hidden={hidden}>
      <h2>Agreement</h2>
    </section>
  );
}
