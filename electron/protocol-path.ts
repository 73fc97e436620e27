/**
 * Maps an `app://marginalia/...` request to a file under the built renderer folder, refusing anything
 * that would leave it. Chromium already folds literal `..` segments in standard-scheme URLs, so the
 * dangerous inputs are the encoded ones (`%2e%2e%2f`, `%5c`), which is why decoding happens before the
 * containment check. Pure (node:path only), unit-tested.
 */
import path from 'node:path';

import { isTrustedSenderUrl } from './trusted-origin';

export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export type AppPathResult =
  { ok: true; file: string; mimeType: string } | { ok: false; status: 400 | 403 | 404 };

export function resolveAppPath(requestUrl: string, root: string): AppPathResult {
  if (!isTrustedSenderUrl(requestUrl)) return { ok: false, status: 403 };
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(requestUrl).pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  // A backslash is a separator on Windows, and NUL truncates paths in native code: neither is ours.
  if (pathname.includes('\u0000') || pathname.includes('\\')) return { ok: false, status: 400 };
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const base = path.resolve(root);
  const file = path.resolve(base, relative);
  const inside = path.relative(base, file);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return { ok: false, status: 403 };
  const mimeType = MIME_TYPES[path.extname(file).toLowerCase()];
  // Unknown types are not served: the renderer build only emits the types above.
  if (!mimeType) return { ok: false, status: 404 };
  return { ok: true, file, mimeType };
}
