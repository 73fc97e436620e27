import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { SERVER_ID_PATH, serverId, serverProblem } from '../../../scripts/server-identity.mjs';

const ROOT = path.join(__dirname, '../../..');

/** A server answering every request with 200 and `body`, as an SPA or any other app would. */
function serve(body: (url: string) => string): Promise<{ server: Server; base: string; port: number }> {
  return new Promise((resolve) => {
    const server = createServer((req, res) => res.end(body(req.url ?? '')));
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, base: `http://127.0.0.1:${port}`, port });
    });
  });
}

let foreign: Awaited<ReturnType<typeof serve>>;
let otherCheckout: Awaited<ReturnType<typeof serve>>;
let ours: Awaited<ReturnType<typeof serve>>;
beforeAll(async () => {
  foreign = await serve(() => '<!doctype html><title>Some other app</title>');
  otherCheckout = await serve((u) => (u === SERVER_ID_PATH ? serverId('/somewhere/else') : 'index'));
  ours = await serve((u) => (u === SERVER_ID_PATH ? serverId() : 'index'));
});
afterAll(() => {
  for (const s of [foreign, otherCheckout, ours]) s.server.close();
});

describe('serverProblem: is the server on the e2e port this checkout’s preview?', () => {
  it('this checkout’s preview: no problem', async () => {
    expect(await serverProblem(ours.base)).toBeNull();
  });

  it('any other server, even one answering 200 to every path: refused, with how to pick a port', async () => {
    expect(await serverProblem(foreign.base)).toBe(
      `Port ${foreign.port} is taken by another server, which Playwright would reuse instead of this checkout's preview. Stop it, or run the e2e tests on a free port: E2E_PORT=<port> npm run test:e2e (README, "Ports").`,
    );
  });

  it('the preview of another checkout (another worktree): refused', async () => {
    expect(await serverProblem(otherCheckout.base)).toMatch(
      new RegExp(`^Port ${otherCheckout.port} is served by Marginalia's preview from another checkout`),
    );
  });

  it('the id names no folder', () => {
    expect(serverId()).toMatch(/^marginalia [0-9a-f]{16}$/);
    expect(serverId()).not.toContain(ROOT);
  });
});

describe('npm run test:e2e outside CI', () => {
  it('stops at once with that message instead of testing a foreign server on its port', async () => {
    // Asynchronous: the foreign server lives in this process and must keep answering meanwhile.
    const env = { ...process.env, E2E_PORT: String(foreign.port), CI: '' };
    const cli = path.join(ROOT, 'node_modules/@playwright/test/cli.js');
    const child = spawn(process.execPath, [cli, 'test', '--project=e2e', 'tests/e2e/security.spec.ts'], {
      cwd: ROOT,
      env,
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const status = await new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    expect(status).not.toBe(0);
    expect(output).toContain(`Port ${foreign.port} is taken by another server`);
    // No test ran against it.
    expect(output).not.toMatch(/\d+ passed/);
  }, 120_000);
});
