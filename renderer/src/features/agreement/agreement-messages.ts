import type { AgreementResult, AgreementSelection } from '../../core/agreement-report/result';

/**
 * One run: the worker reads the selection from the database itself (nothing big crosses
 * postMessage) and computes. `changed` names the documents written since the worker's last read
 * of this selection: only those are read again. Null (or no earlier read): every document.
 */
export interface AgreementWorkerRequest {
  readonly dbName: string;
  readonly selection: AgreementSelection;
  readonly changed: readonly string[] | null;
}

export type AgreementWorkerMessage =
  | { readonly kind: 'progress'; readonly fraction: number }
  /** The selection's data is read; computing starts (the bench times the read by it). */
  | { readonly kind: 'read' }
  | { readonly kind: 'done'; readonly result: AgreementResult }
  /** None of the changed documents is in the selection: the figures shown stand. */
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'failed'; readonly message: string };
