// Which web server answers on a port. Outside CI, Playwright reuses any server already listening on
// E2E_PORT, so an old preview of another checkout, or another program, would silently be what the
// e2e tests test. Our preview (vite.config.ts) answers SERVER_ID_PATH with an id derived from this
// checkout's folder (hashed: the page need not learn where the project lives), and the e2e global
// setup refuses to run against anything else.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SERVER_ID_PATH = '/__marginalia-server';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The id this checkout's preview server answers with. */
export function serverId(root = projectRoot) {
  return `marginalia ${createHash('sha256').update(root).digest('hex').slice(0, 16)}`;
}

/** Null when the server at `baseURL` is this checkout's preview; otherwise what is wrong, in one message. */
export async function serverProblem(baseURL, expected = serverId()) {
  const url = new URL(SERVER_ID_PATH, baseURL);
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  const pick = `Stop it, or run the e2e tests on a free port: E2E_PORT=<port> npm run test:e2e (README, "Ports").`;
  let answer;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5_000), headers: { accept: 'text/plain' } });
    answer = res.ok ? (await res.text()).trim() : `HTTP ${res.status}`;
  } catch (e) {
    return `Nothing answers on port ${port} (${e instanceof Error ? e.message : String(e)}).`;
  }
  if (answer === expected) return null;
  if (answer.startsWith('marginalia '))
    return `Port ${port} is served by Marginalia's preview from another checkout, not this one. ${pick}`;
  return `Port ${port} is taken by another server, which Playwright would reuse instead of this checkout's preview. ${pick}`;
}
