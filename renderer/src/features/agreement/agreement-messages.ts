import type { AgreementResult, AgreementSelection } from '../../core/agreement-report/result';
import type { AgreementSource } from '../../core/agreement-report/study-input';

export interface AgreementWorkerRequest {
  readonly source: AgreementSource;
  readonly selection: AgreementSelection;
}

export type AgreementWorkerMessage =
  | { readonly kind: 'progress'; readonly fraction: number }
  | { readonly kind: 'done'; readonly result: AgreementResult }
  | { readonly kind: 'failed'; readonly message: string };
