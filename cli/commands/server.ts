import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { flag, opt, parseArgs, sw } from '../args';
import type { CommandIo } from '../io';
import { createEmbeddedCouch } from '../server/embedded-couch';

export const SERVER_USAGE = `marginalia server --admin NAME:PASSWORD [--host 127.0.0.1] [--port 5984]
    [--data DIR | --in-memory] [--cors-origins ORIGIN,…]

Runs an embedded CouchDB-protocol server (express-pouchdb over PouchDB) for trials, small teams and
tests; production teams use Apache CouchDB 3.x (docs/team.md). Prints "Listening on http://HOST:PORT"
once it accepts requests (--port 0 picks a free port). --data keeps the databases in DIR across
restarts; --in-memory (the default when --data is absent) forgets them on exit. Only loopback
unless --host says otherwise. CORS allows the desktop app and the web build by default
(app://marginalia, http://127.0.0.1:4173, http://localhost:4173). SIGINT or SIGTERM stops it
cleanly (exit 0).`;

const DEFAULT_ORIGINS = ['app://marginalia', 'http://127.0.0.1:4173', 'http://localhost:4173'];

/** NAME:PASSWORD (the password may contain colons), or a message. */
export function parseAdmin(v: string | undefined): { name: string; password: string } | string {
  if (v === undefined) return '--admin NAME:PASSWORD is required.';
  const colon = v.indexOf(':');
  if (colon <= 0 || colon === v.length - 1) return '--admin must be NAME:PASSWORD.';
  return { name: v.slice(0, colon), password: v.slice(colon + 1) };
}

export async function runServer(argv: readonly string[], io: CommandIo): Promise<number> {
  const args = parseArgs(argv, [
    opt('admin', 'NAME:PASSWORD'),
    opt('host', 'HOST'),
    opt('port', 'PORT'),
    opt('data', 'DIR'),
    sw('in-memory'),
    opt('cors-origins', 'ORIGIN,…'),
  ]);
  if (typeof args === 'string') return io.usageError(args, SERVER_USAGE);
  if (args.positional.length > 0)
    return io.usageError(`Unexpected argument "${args.positional[0]}".`, SERVER_USAGE);
  const admin = parseAdmin(flag(args, 'admin'));
  if (typeof admin === 'string') return io.usageError(admin, SERVER_USAGE);
  const host = flag(args, 'host') ?? '127.0.0.1';
  const portText = flag(args, 'port') ?? '5984';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535)
    return io.usageError('--port must be a number from 0 to 65535.', SERVER_USAGE);
  const data = flag(args, 'data');
  if (data !== undefined && args.flags.has('in-memory'))
    return io.usageError('Give --data DIR or --in-memory, not both.', SERVER_USAGE);
  const originsFlag = flag(args, 'cors-origins');
  const corsOrigins = originsFlag
    ? originsFlag
        .split(',')
        .map((o) => o.trim())
        .filter((o) => o !== '')
    : DEFAULT_ORIGINS;

  const couch = await createEmbeddedCouch({ admin, corsOrigins, dataDir: data ?? null });
  const sockets = new Set<Socket>();
  let server: Server;
  try {
    server = await new Promise<Server>((ok, fail) => {
      const s = couch.app.listen(port, host, () => ok(s)) as unknown as Server;
      s.once('error', fail);
    });
  } catch (e) {
    const code = (e as { code?: string }).code;
    io.err(
      code === 'EADDRINUSE'
        ? `Port ${port} on ${host} is already in use: choose another with --port.`
        : `Cannot listen on ${host}:${port}: ${e instanceof Error ? e.message : String(e)}.`,
    );
    await couch.closeDatabases();
    return 2;
  }
  // Clients (undici, browsers) drop idle connections after ~4 s; Node's server did at 5 s, so a
  // request sent on a connection the server was closing failed with "other side closed". The
  // server now waits longer than any client, which closes first.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  // Handlers first, then the line: a test (or a user) may signal as soon as it reads it, and a
  // signal that arrives before a listener exists kills the process with no clean shutdown.
  const stopped = new Promise<number>((done) => {
    let stopping = false;
    const stop = (): void => {
      if (stopping) return;
      stopping = true;
      // Stop accepting, drop idle keep-alive connections, let running requests finish, then
      // close the databases (LevelDB writes its log on close).
      let closing = false;
      const closeDatabases = (): void => {
        if (closing) return;
        closing = true;
        // A live `_changes` feed (a client's long-poll) can keep the stand-in's close from ever
        // finishing; every write is already on disk by then, so a close that hangs is given up.
        const giveUp = new Promise<void>((r) => setTimeout(r, 3000).unref());
        void Promise.race([couch.closeDatabases(), giveUp]).then(() => {
          done(0);
          // The stand-in leaves a cancelled feed's timers behind, which would keep the process
          // alive; unref'd, this fires only if something still holds the event loop.
          setTimeout(() => process.exit(0), 1000).unref();
        });
      };
      server.close(closeDatabases);
      for (const s of sockets) if (!(s as Socket & { _httpMessage?: unknown })._httpMessage) s.destroy();
      setTimeout(() => {
        for (const s of sockets) s.destroy();
        // The close callback waits for every connection; they are all gone now.
        setTimeout(closeDatabases, 500).unref();
      }, 3000).unref();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  io.out(`Listening on http://${shownHost}:${actualPort}`);
  if (data === undefined) io.out('In memory: everything is forgotten when the server stops.');

  return stopped;
}
