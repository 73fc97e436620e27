/**
 * Where the focus goes when the element that had it is gone (a deleted span's editor, a closed
 * dialog opened from nothing, a document switched away): the view's home, marked `data-focus-home`
 * (the article in the annotate view). Without a home the focus would fall to the page body, where a
 * keyboard or screen reader user has to start again from the top.
 */
export function focusHome(): boolean {
  // The first home that takes the focus: a view kept mounted but hidden has one too.
  for (const home of document.querySelectorAll<HTMLElement>('[data-focus-home]')) {
    home.focus({ preventScroll: true });
    if (document.activeElement === home) return true;
  }
  return false;
}

/**
 * True when nothing has the focus (it fell to the body) or the focused element can no longer be seen
 * (its view was just hidden: Chromium moves the focus away only at its next style update).
 */
export function focusLost(): boolean {
  const a = document.activeElement;
  if (a === null || a === document.body || a === document.documentElement) return true;
  return a instanceof HTMLElement && !a.checkVisibility();
}

const FOCUSABLE =
  'input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

/** The first control in `root` that takes the focus, or null. */
export function firstFocusable(root: ParentNode): HTMLElement | null {
  for (const el of root.querySelectorAll<HTMLElement>(FOCUSABLE)) if (el.offsetParent !== null) return el;
  return null;
}

// Nothing has had the focus since the page loaded: a Tab then starts at the top of the page, where
// the skip links are. Taking the focus into the article there would skip them (review of issue 19).
let focusedSinceLoad = false;
if (typeof document !== 'undefined') {
  document.addEventListener('focusin', () => (focusedSinceLoad = true), { capture: true, once: true });
}

/** True while the page is as loaded: nothing has had the focus yet. */
export function atPageStart(): boolean {
  return !focusedSinceLoad && focusLost();
}

/**
 * True when the focus is on a control that opens a document (a library row, `data-opens-document`):
 * once the document is open, the keyboard user is taken on to its text.
 */
export function focusOnDocumentOpener(): boolean {
  const a = document.activeElement;
  return a instanceof HTMLElement && a.dataset.opensDocument !== undefined;
}
