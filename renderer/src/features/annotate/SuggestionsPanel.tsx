import { useState } from 'react';

import { endpointKey, RELATION_TITLES, type LinkEndpoint } from '../../core/links/link';
import { quoted } from '../../core/text/quoted';
import type { ShownSuggestion } from '../../session/links/suggest-messages';
import { useSuggestions } from '../../session/links/useSuggestions';

/**
 * Candidate link targets for the claim span at the caret, in other articles (core/links/suggest,
 * computed in the suggestion worker): each with the relation proposed, Accept (links it, undoable)
 * and Dismiss (hidden for this span from now on, kept across reloads).
 */
export function SuggestionsPanel({
  span,
  annotator,
  onAccept,
  onDismiss,
}: {
  span: LinkEndpoint & { readonly text: string };
  annotator: string;
  onAccept: (from: LinkEndpoint, s: ShownSuggestion) => void;
  /** Resolves with the reason it was not saved, or null. */
  onDismiss: (from: LinkEndpoint, s: ShownSuggestion) => Promise<string | null>;
}) {
  const { answer, failed, progress } = useSuggestions({ ...span, annotator });
  // Hidden at once on Dismiss; the next answer leaves them out anyway (unless the write failed).
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const shown = (answer?.suggestions ?? []).filter((s) => !hidden.has(endpointKey(s)));
  const indexing = progress.indexed < progress.total;
  return (
    <section className="suggestions" aria-label="Suggestions">
      <h4>Suggestions</h4>
      {indexing && (
        <p className="muted" role="status">
          Indexing the library: {progress.indexed} of {progress.total} articles.
        </p>
      )}
      {failed && <p role="alert">Suggestions failed: {failed}</p>}
      {answer && shown.length === 0 && <p className="muted">No candidates in other articles.</p>}
      {shown.length > 0 && (
        <ul aria-label="Suggested links" data-ms={answer ? Math.round(answer.ms) : undefined}>
          {shown.map((s) => {
            const what = `${RELATION_TITLES[s.relation]} ${quoted(s.text)} in ${s.title}`;
            return (
              <li key={endpointKey(s)} className="suggestion" data-relation={s.relation}>
                <span className="suggestion-relation">{RELATION_TITLES[s.relation]}</span>{' '}
                <span className="suggestion-text">{quoted(s.text)}</span>{' '}
                <span className="suggestion-where">in {s.title}</span>
                {s.cues.length > 0 && <span className="muted"> ({s.cues.join(', ')})</span>}
                <span className="suggestion-actions">
                  <button type="button" aria-label={`Accept: ${what}`} onClick={() => onAccept(span, s)}>
                    Accept
                  </button>
                  <button
                    type="button"
                    aria-label={`Dismiss: ${what}`}
                    onClick={() => {
                      const key = endpointKey(s);
                      setHidden((h) => new Set(h).add(key));
                      void onDismiss(span, s).then((failed) => {
                        if (failed)
                          setHidden((h) => {
                            const next = new Set(h);
                            next.delete(key);
                            return next;
                          });
                      });
                    }}
                  >
                    Dismiss
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
