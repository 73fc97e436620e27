/**
 * The `app://marginalia` scheme that serves the built renderer. A custom standard+secure scheme gives
 * the page a real, stable origin (IndexedDB, fetch, workers) without `file://`'s extra privileges.
 * Every response carries the CSP as a header: it also reaches workers, and unlike the web build's
 * <meta> it can carry `frame-ancestors`.
 */
import { readFile } from 'node:fs/promises';

import { protocol } from 'electron';

import { contentSecurityPolicy } from './csp';
import { resolveAppPath } from './protocol-path';
import { APP_SCHEME } from './trusted-origin';

/** Must run before `app` is ready: Chromium fixes scheme privileges at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    },
  ]);
}

function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy({ meta: false }),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    // Rebuilt files must never be served stale from Chromium's cache after an update.
    'Cache-Control': 'no-cache',
  };
}

/** Serves files from `root` (dist/renderer, inside the asar when packaged). Call once app is ready. */
export function serveRenderer(root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const headers = securityHeaders();
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers });
    }
    const resolved = resolveAppPath(request.url, root);
    if (!resolved.ok) return new Response(null, { status: resolved.status, headers });
    try {
      const body = await readFile(resolved.file);
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
        status: 200,
        headers: { ...headers, 'Content-Type': resolved.mimeType },
      });
    } catch {
      return new Response(null, { status: 404, headers });
    }
  });
}
