/**
 * Where a team server may be (docs/team.md): any HTTPS origin (the address is the user's choice, and
 * a static policy cannot name it) or plain HTTP on this machine only (the embedded `marginalia
 * server` for trials and tests). Plain HTTP to another machine is refused: the sign-in would cross
 * the network in clear. The CSP's connect-src, the session's request lock and the sign-in channels
 * all apply this one rule. Pure, so it is unit-tested without Electron.
 */
export const TEAM_SERVERS = ['https:', 'http://127.0.0.1:*', 'http://localhost:*'] as const;

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);

/** True for a server address a team may use: no credentials, query or fragment in it. */
export function isTeamServerUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.username || u.password || u.search || u.hash) return false;
  return u.protocol === 'https:' || (u.protocol === 'http:' && LOCAL_HOSTS.has(u.hostname));
}

/**
 * The session's second lock behind the CSP: a network request passes only when it goes to a team
 * server and is the page's fetch ('xhr') or main's own sign-in (no web contents). Images, frames,
 * scripts, web sockets and any other scheme stay refused.
 */
export function isAllowedNetworkRequest(url: string, resourceType: string, fromPage: boolean): boolean {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    return false;
  }
  if (protocol !== 'http:' && protocol !== 'https:') return !BLOCKED_SCHEMES.has(protocol);
  if (!isTeamServerUrl(url.replace(/[?#].*$/s, ''))) return false;
  return fromPage ? resourceType === 'xhr' : true;
}

/** Schemes the app never loads from (besides http and https, decided above). */
const BLOCKED_SCHEMES = new Set(['ws:', 'wss:', 'ftp:', 'file:']);
