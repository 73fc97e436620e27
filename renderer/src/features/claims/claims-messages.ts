import type { ClaimsView } from '../../core/links/claims-view';

export interface ClaimsWorkerRequest {
  readonly dbName: string;
  /** One participant's claims and links only; null: everyone's. */
  readonly annotator: string | null;
}

export type ClaimsWorkerMessage =
  | { readonly kind: 'done'; readonly view: ClaimsView }
  | { readonly kind: 'failed'; readonly message: string };
