/**
 * The one Content-Security-Policy of Marginalia: sent as a header by Electron's app:// protocol handler
 * and embedded as a <meta> tag in the web build. No inline script, nothing remote, no plugins.
 * One opening: `connect-src` lets the page reach a team server (team-servers.ts: any HTTPS origin,
 * plain HTTP on this machine only).
 * `frame-ancestors` is ignored in <meta>, so it is only sent as a header.
 */
import { TEAM_SERVERS } from './team-servers';

export function contentSecurityPolicy({ meta }: { meta: boolean }): string {
  const directives = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self' ${TEAM_SERVERS.join(' ')}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ];
  if (!meta) directives.push("frame-ancestors 'none'");
  return directives.join('; ');
}
