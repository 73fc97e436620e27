/**
 * The one origin Marginalia's renderer runs under, and the predicate main uses to decide whether an IPC
 * sender is our page. Pure (no Electron import) so it is unit-tested in Node.
 *
 * The origin is fixed forever: IndexedDB is keyed by origin, so moving to another scheme or host would
 * silently hide every user's database. tests/electron/security.spec.ts pins it.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'marginalia';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Longer URLs are not ours: the renderer's own URLs are short, and parsing huge strings costs time. */
const MAX_URL_LENGTH = 8192;

/**
 * True only for URLs on exactly `app://marginalia` (no port, no credentials, no case variants).
 * Node parses `app:` as a non-special scheme, so its `origin` is "null"; compare the parts instead.
 */
export function isTrustedSenderUrl(url: unknown): boolean {
  if (typeof url !== 'string' || url.length > MAX_URL_LENGTH) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** What main knows about the frame that sent an IPC message (Electron's WebFrameMain, reduced). */
export interface SenderFrameFacts {
  url: string;
  isMainFrame: boolean;
}

/**
 * An IPC call is accepted only from our origin's top-level frame: a subframe (even a same-origin one an
 * article might smuggle in) or a destroyed frame (null) is refused.
 */
export function isTrustedSender(frame: SenderFrameFacts | null | undefined): boolean {
  return !!frame && frame.isMainFrame === true && isTrustedSenderUrl(frame.url);
}
