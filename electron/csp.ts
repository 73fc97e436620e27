/**
 * The one Content-Security-Policy of Marginalia: sent as a header by Electron's app:// protocol handler
 * and embedded as a <meta> tag in the web build. No inline script, nothing remote, no plugins.
 * One opening: `connect-src` lets the page reach a team server (docs/team.md) — any HTTPS origin
 * (the server's address is the user's choice, and a static policy cannot name it) and plain HTTP
 * on this machine only (the embedded `marginalia server` for trials and tests); plain HTTP to
 * another machine stays blocked, since the sign-in would cross the network in clear.
 * `frame-ancestors` is ignored in <meta>, so it is only sent as a header.
 */
/** Where a team server may be (see above). */
export const TEAM_SERVERS = ['https:', 'http://127.0.0.1:*', 'http://localhost:*'] as const;

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
