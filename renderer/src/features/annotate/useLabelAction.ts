import { useCallback, useRef, type RefObject } from 'react';

import type { Label } from '../../core/model/labels';
import type { Span } from '../../core/model/span';
import type { ArticleEditorHandle, CodePointRange } from '../../editor/ArticleEditor';
import { afterNextPaint } from '../../session/after-paint';

/**
 * Labels the article's selection (keys 1–4, the label buttons). The key task paints the new highlight
 * and nothing else: the page renders the new span (list, inspector, counts), the selection collapses
 * and the confirmation shows after that frame has painted, so the frame carries only the highlight
 * (docs/performance.md, "Rendering and highlights"). In the key task, React's render of the page cost
 * ~1.5 ms and collapsing ~0.5 ms, and the selectionchange the collapse queued (Lexical's selection
 * sync, the spans at the caret, the inspector: ~2.5 ms with 10,000 spans) ran right after the frame.
 */
export function useLabelAction({
  editor,
  create,
  latest,
  onMessage,
  onTagged,
  docId,
}: {
  editor: RefObject<ArticleEditorHandle | null>;
  create: (range: CodePointRange, label: Label) => string | null;
  /** The spans with the new one (the page renders them only after the label's frame). */
  latest: () => readonly Span[];
  onMessage: (message: string, tone?: 'info' | 'error') => void;
  onTagged: ((docId: string) => void) | undefined;
  docId: string;
}): (label: Label) => void {
  // The collapse of the last label's selection, until it has run.
  const pendingCollapse = useRef<(() => void) | null>(null);
  return useCallback(
    (l: Label) => {
      // A label key before the last label's frame has painted: that selection is taken, as if collapsed.
      const pending = pendingCollapse.current;
      pendingCollapse.current = null;
      pending?.();
      const range = editor.current?.selection();
      if (!range || range.start === range.end) {
        onMessage('Select some text first, then press 1–4 or click a label.');
        return;
      }
      const refused = create(range, l);
      if (refused) return onMessage(refused, 'error');
      editor.current?.paint(latest());
      const collapse = editor.current?.selectionCollapser() ?? null;
      pendingCollapse.current = collapse;
      void afterNextPaint().then(() => {
        if (collapse && pendingCollapse.current === collapse) {
          pendingCollapse.current = null;
          collapse();
        }
        onMessage(`Tagged as ${l}.`);
        onTagged?.(docId);
      });
    },
    [editor, create, latest, onMessage, onTagged, docId],
  );
}
