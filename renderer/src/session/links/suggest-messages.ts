import type { LinkEndpoint } from '../../core/links/link';
import type { LinkSuggestion } from '../../core/links/suggest/suggest';

/** A claim span to find link targets for: where it is, its text, whose. */
export interface SuggestQuery extends LinkEndpoint {
  readonly annotator: string;
  readonly text: string;
}

/** A suggestion as the panel shows it: the candidate's article title and text. */
export interface ShownSuggestion extends LinkSuggestion {
  readonly title: string;
  readonly text: string;
}

export type SuggestRequest =
  | { readonly kind: 'open'; readonly dbName: string }
  | { readonly kind: 'refresh' }
  | { readonly kind: 'query'; readonly id: number; readonly query: SuggestQuery };

/** How much of the library the index holds. */
export interface IndexProgress {
  readonly indexed: number;
  readonly total: number;
}

export type SuggestReply =
  | ({ readonly kind: 'progress' } & IndexProgress)
  | ({
      readonly kind: 'result';
      readonly id: number;
      readonly suggestions: readonly ShownSuggestion[];
      /** Time from the query's arrival in the worker to its answer. */
      readonly ms: number;
    } & IndexProgress)
  | { readonly kind: 'failed'; readonly id: number | null; readonly message: string };
