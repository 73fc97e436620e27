/**
 * App-wide hardening, applied to every web contents Electron creates (including any we did not expect).
 * The page shows untrusted articles, so it may never leave app://marginalia, open windows, embed
 * webviews, reach the network (a team server excepted: team-servers.ts) or be granted a permission. Links to a few known https hosts are handed
 * to the system browser instead (see external-links.ts).
 */
import { app, type Session, shell, type WebContents } from 'electron';

import { allowedExternalUrl } from './external-links';
import { isAllowedNetworkRequest } from './team-servers';

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

/** Call once the app is ready (sessions exist only then). */
export function lockDownSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  // One catch-all filter (an invalid match pattern would throw at start-up). Until issue 15 it
  // cancelled every http(s) request, so the desktop could never reach the team server its CSP allows.
  ses.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) =>
    callback({
      cancel: !isAllowedNetworkRequest(
        details.url,
        details.resourceType,
        details.webContentsId !== undefined,
      ),
    }),
  );
}
