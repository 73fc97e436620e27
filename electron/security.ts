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

/** Network requests the app never makes; CSP already forbids them, this is the second lock. */
const NETWORK_URL_PATTERNS = [
  'http://*/*',
  'https://*/*',
  'ws://*/*',
  'wss://*/*',
  'ftp://*/*',
  'file://*/*',
];

/** Call once the app is ready (sessions exist only then). */
export function lockDownSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  ses.webRequest.onBeforeRequest({ urls: NETWORK_URL_PATTERNS }, (_details, callback) =>
    callback({ cancel: true }),
  );
}
