import { expect, it } from 'vitest';

import type { FetchLike } from '../../../renderer/src/couch/http';
import { MarginaliaDb } from '../../../renderer/src/db/database';
import { signIn, teamClient } from '../../../renderer/src/session/sync/connect';
import { SyncService } from '../../../renderer/src/session/sync/sync-service';
import { PROJECT, projectServer, until } from './project-fixture';

const server = projectServer();

/**
 * stop() cannot interrupt a request in flight. A start() before it answered once left the stopped
 * loop running beside the new one: two rounds at once, one pulling a page while the other's push was
 * between its read and its commit (the likely cause of sync-service.test.ts "a follows" timing out
 * under load). And "Synced" from before the stop stayed, so `start(); until synced` waited for nothing.
 */
it('a stop and a start while a round waits on the server leave one loop, syncing until its round ends', async () => {
  let held: (() => void)[] | null = null;
  const via = (async (url: string, init?: RequestInit) => {
    // The long-poll is left alone: it waits by design, beside the loop.
    if (held && !url.includes('longpoll')) await new Promise<void>((r) => held?.push(r));
    return fetch(url, init);
  }) as unknown as FetchLike;
  const db = new MarginaliaDb(`sync-restart-${process.pid}`);
  await db.open();
  const client = teamClient(server().url, via, true);
  const login = { serverUrl: server().url, project: PROJECT, user: 'alice', password: 'apw' };
  const signed = await signIn(client, login, 'test');
  if (!signed.ok) throw new Error(signed.error);
  let ids = 0;
  const service = new SyncService({
    db,
    client,
    config: signed.value,
    replica: 'restart',
    newId: () => `restart-${ids++}`,
    longpollMs: 1_000,
  });
  // Counts rounds running at once: the private loop step, watched from outside.
  const loop = service as unknown as { round: () => Promise<void> };
  const round = loop.round.bind(service);
  let rounds = 0;
  let running = 0;
  let most = 0;
  loop.round = async () => {
    rounds++;
    most = Math.max(most, ++running);
    try {
      await round();
    } finally {
      running--;
    }
  };
  service.start();
  await until('Synced', () => service.current.kind === 'synced');
  const before = rounds;
  held = [];
  service.nudge();
  await until('a request of the round held', () => (held?.length ?? 0) > 0);
  service.stop();
  service.start();
  expect(service.current.kind).toBe('syncing');
  const release = held;
  held = null;
  for (const r of release) r();
  await until('a round of the new start', () => rounds >= before + 2 && running === 0);
  service.stop();
  await db.delete();
  expect(most).toBe(1);
}, 60_000);
