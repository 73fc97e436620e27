/**
 * Which links may leave the app for the system browser. Everything else is dropped: an article is
 * untrusted text, and opening arbitrary URLs (file:, custom protocol handlers, smb:, javascript:) from it
 * is a classic Electron escape. Pure, so it is unit-tested without Electron.
 */

/** Exact host names (after WHATWG parsing, so lower-case and punycode). No wildcards on purpose. */
export const EXTERNAL_LINK_HOSTS: readonly string[] = ['github.com', 'jsonlines.org', 'www.electronjs.org'];

const MAX_EXTERNAL_URL_LENGTH = 2048;

/**
 * Returns the normalised URL to hand to `shell.openExternal`, or null when the link must not be opened.
 * Only https on the default port, without credentials, to an allowlisted host.
 */
export function allowedExternalUrl(
  raw: unknown,
  hosts: readonly string[] = EXTERNAL_LINK_HOSTS,
): string | null {
  if (typeof raw !== 'string' || raw.length > MAX_EXTERNAL_URL_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '' || url.port !== '') return null;
  if (!hosts.includes(url.hostname)) return null;
  // The serialised form, not the raw input: what was checked is exactly what is opened.
  return url.href;
}
