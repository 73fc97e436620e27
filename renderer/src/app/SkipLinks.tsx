import { useEffect } from 'react';

import { focusHome } from '../ui/focus';

const isFormField = (t: EventTarget | null): boolean =>
  t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement;

/** The spans sidebar (inspector, then the span list), if shown. */
function focusSpans(): void {
  document.querySelector<HTMLElement>('[data-focus-spans]')?.focus();
}

/**
 * The first things a Tab reaches: links straight to the article and to the spans, shown when focused.
 * Reaching the text from the header took 25 Tabs before.
 */
export function SkipLinks() {
  return (
    <nav className="skip-links" aria-label="Skip links">
      <a
        href="#article"
        onClick={(e) => {
          e.preventDefault();
          focusHome();
        }}
      >
        Skip to the article
      </a>
      <a
        href="#spans"
        onClick={(e) => {
          e.preventDefault();
          focusSpans();
        }}
      >
        Skip to the spans
      </a>
    </nav>
  );
}

/** `?` opens the keyboard shortcuts, anywhere but in a form field. */
export function useHelpKey(onHelp: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '?' || e.ctrlKey || e.metaKey || e.altKey || isFormField(e.target)) return;
      e.preventDefault();
      e.stopPropagation();
      onHelp();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onHelp]);
}
