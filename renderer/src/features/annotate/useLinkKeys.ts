import { useEffect } from 'react';

import type { LinkFlow } from '../../core/links/link-flow';

export interface LinkKeyHandlers {
  /** L: start linking from the selected span. */
  start(): void;
  /** Enter while the second span is picked: that span. */
  confirm(): void;
  /** 1–3 while the relation is asked for. */
  digit(d: string): void;
  cancel(): void;
}

const inArticle = (t: EventTarget | null): boolean => t instanceof Element && t.closest('.article') !== null;

/**
 * The linking keys (issue 16), caught before the editor sees them: L in the article starts; while
 * a link is being made, Enter in the article takes the span at the caret, 1–3 (anywhere but a text
 * field) pick the relation instead of labelling, Escape cancels.
 */
export function useLinkKeys(flow: LinkFlow, on: LinkKeyHandlers): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target;
      const field =
        t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement;
      if (field) return;
      if (e.key === 'Escape' && flow.step !== 'idle') on.cancel();
      else if (flow.step === 'pick_relation' && /^[0-9]$/.test(e.key)) on.digit(e.key);
      else if (!inArticle(t)) return;
      else if ((e.key === 'l' || e.key === 'L') && !e.shiftKey) on.start();
      else if (e.key === 'Enter' && flow.step === 'pick_target') on.confirm();
      else return;
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [flow, on]);
}
