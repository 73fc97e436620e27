/**
 * App-wide hardening, applied to every web contents Electron creates (including any we did not expect).
 * The page shows untrusted articles, so it may never leave app://marginalia, open windows, embed
 * webviews, reach the network or be granted a permission. Links to a few known https hosts are handed
 * to the system browser instead (see external-links.ts).
 */
import { app, type Session, shell, type WebContents } from 'electron';

import { allowedExternalUrl } from './external-links';

function openExternally(url: string): void {
  const allowed = allowedExternalUrl(url);
  if (allowed) void shell.openExternal(allowed).catch(() => undefined);
}

export function hardenWebContents(contents: WebContents): void {
  // The app is a single page; any navigation (link click, location change, form) is foreign.
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    openExternally(event.url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Call before any window exists, so no web contents escapes the handlers. */
export function installSecurity(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}

/** Schemes the app never loads from; the CSP already forbids them, this is the second lock. */
const BLOCKED_PROTOCOLS = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:', 'file:']);

function isBlockedRequest(url: string): boolean {
  try {
    return BLOCKED_PROTOCOLS.has(new URL(url).protocol);
  } catch {
    return true;
  }
}

/** Call once the app is ready (sessions exist only then). */
export function lockDownSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  // One catch-all filter decided by scheme: an invalid match pattern would throw at start-up.
  ses.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) =>
    callback({ cancel: isBlockedRequest(details.url) }),
  );
}
