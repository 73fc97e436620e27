import { memo, useMemo } from 'react';

import { spansAt, type Span } from '../../core/model/span';
import { spansAtCaretSpeech } from '../../core/model/span-speech';

/**
 * Says, politely, which spans the caret has moved into ("claim and figure: “$14.8 billion…”"): CSS
 * highlights are not in the accessibility tree, so without this a screen reader user hears nothing of
 * the labels while reading. The text changes only when the spans at the caret do.
 */
export const CaretSpeech = memo(function CaretSpeech({
  spans,
  caret,
  excerpt,
}: {
  spans: readonly Span[];
  caret: number | null;
  excerpt: (span: Span) => string;
}) {
  const here = useMemo(() => (caret === null ? [] : spansAt(spans, caret)), [spans, caret]);
  const speech = spansAtCaretSpeech(here, excerpt);
  return (
    <div className="sr-only" role="status" aria-live="polite" data-testid="caret-speech">
      {speech}
    </div>
  );
});
