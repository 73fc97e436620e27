import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

import { err, ok, type Result } from '../../core/result';
import { articlesDb } from '../../core/sync/project-layout';
import type { SyncState, TeamConfig, TeamForm } from '../../core/sync/team-config';
import type { FetchLike } from '../../couch/http';
import { getSetting, setSetting } from '../../db/repositories/settings';
import type { HostApi } from '../../platform/host';
import type { LibraryScope } from '../library/useLibrary';
import { useUserWrites } from '../commands/use-user-writes';
import { useServices } from '../providers';
import { signIn, teamClient } from './connect';
import { SyncService } from './sync-service';

export interface TeamSync {
  /** The team this installation syncs with; null: none (the app works as without a server). */
  readonly config: TeamConfig | null;
  /** What the library shows while connected: the team's articles (and, for a lead, everyone's status). */
  readonly libraryScope: LibraryScope | null;
  readonly state: SyncState;
  /** Things sync refused (an article whose text does not hash to its id…), newest last. */
  readonly problems: readonly string[];
  /** `kept`: null, or why this computer keeps no password to sign in again with (no keyring). */
  connect(form: TeamForm): Promise<Result<{ config: TeamConfig; kept: string | null }, string>>;
  /** Resolves with why the team could not be forgotten (read-only), or null. */
  disconnect(): Promise<string | null>;
}

const OFF: SyncState = { kind: 'off' };
const TeamSyncContext = createContext<TeamSync | null>(null);

// The browser's fetch, typed as the client's (credentials: 'include' carries the session cookie).
const browserFetch: FetchLike = (url, init) => fetch(url, init as RequestInit);

/** The host's sign-in with its kept password, as the sync service takes it. */
async function hostSignInAgain(
  host: HostApi,
): Promise<{ signedIn: true } | { signedIn: false; reason: string }> {
  const r = await host.signInAgain();
  if (!r.ok) return { signedIn: false, reason: r.error };
  return r.value.signedIn ? { signedIn: true } : r.value;
}

function newReplicaId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => (b % 36).toString(36)).join('');
}

/**
 * Team sync for the whole app (docs/team.md, "Step 2"): Settings → Team connects and disconnects,
 * the header shows the state, the library shows the team's articles. The password goes into the
 * sign-in request only: the session cookie, kept by the browser, authenticates everything after.
 */
export function TeamSyncProvider({
  children,
  fetchImpl = browserFetch,
}: {
  children: ReactNode;
  fetchImpl?: FetchLike;
}) {
  const { db, host } = useServices();
  const writes = useUserWrites();
  const stored = useLiveQuery(async () => ({ team: (await getSetting(db, 'team')) ?? null }), [db]);
  const config = stored?.team ?? null;
  const [state, setState] = useState<SyncState>(OFF);
  const [problems, setProblems] = useState<string[]>([]);
  const [service, setService] = useState<SyncService | null>(null);

  const key = config ? `${config.serverUrl}|${config.project}|${config.user}|${config.role}` : '';
  useEffect(() => {
    if (!config) {
      setState(OFF);
      return;
    }
    let live = true;
    let svc: SyncService | null = null;
    void (async () => {
      let replica = await getSetting(db, 'replica');
      if (!replica) {
        replica = newReplicaId();
        await setSetting(db, 'replica', replica);
      }
      if (!live) return;
      svc = new SyncService({
        db,
        client: teamClient(config.serverUrl, fetchImpl),
        config,
        replica,
        newId: () => crypto.randomUUID(),
        onProblem: (text) => setProblems((p) => [...p.slice(-19), text]),
        signInAgain: () => hostSignInAgain(host),
      });
      svc.subscribe(setState);
      setState(svc.current);
      setService(svc);
      svc.start();
    })();
    // Back online: retry now rather than at the end of the back-off.
    const online = () => svc?.nudge();
    globalThis.addEventListener?.('online', online);
    return () => {
      live = false;
      globalThis.removeEventListener?.('online', online);
      svc?.stop();
      setService(null);
    };
    // `key` stands for config's fields: a re-read of the same settings must not restart the sync.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, host, key, fetchImpl]);

  const connect = useCallback(
    async (form: TeamForm): Promise<Result<{ config: TeamConfig; kept: string | null }, string>> => {
      // Read-only: refused before the password leaves the form.
      const refused = writes.refusal();
      if (refused) return err(refused);
      const client = teamClient(form.serverUrl.trim().replace(/\/+$/, ''), fetchImpl);
      const signed = await signIn(client, form, globalThis.location?.origin ?? 'this app');
      if (!signed.ok) return signed;
      // The annotator name becomes the team user name: labels made from now on are theirs.
      const failed = await writes.team(signed.value);
      if (failed) return err(`Signed in, but the settings could not be saved: ${failed}`);
      // The desktop keeps the password encrypted by the OS, to sign in again when the session ends;
      // the web keeps nothing (reason null). A desktop without a keyring says why it keeps nothing.
      const kept = await host.rememberTeamSignIn({
        serverUrl: signed.value.serverUrl,
        user: signed.value.user,
        password: form.password,
      });
      setProblems([]);
      return ok({
        config: signed.value,
        kept: !kept.ok ? kept.error : kept.value.stored ? null : kept.value.reason,
      });
    },
    [writes, host, fetchImpl],
  );

  const disconnect = useCallback(async (): Promise<string | null> => {
    const refused = writes.refusal();
    if (refused) return refused;
    service?.stop();
    // Forgotten first: a failed sign-out (server down) must not leave the password behind.
    await host.forgetTeamSignIn();
    // Offline, the server's session cannot be ended; forgetting the team here still must work.
    if (config)
      await teamClient(config.serverUrl, fetchImpl)
        .logOut()
        .catch(() => undefined);
    return writes.team(null);
  }, [writes, host, service, config, fetchImpl]);

  const value = useMemo<TeamSync>(
    () => ({
      config,
      libraryScope: config
        ? { articlesDb: articlesDb(config.project), leadOf: config.role === 'lead' ? config.project : null }
        : null,
      state,
      problems,
      connect,
      disconnect,
    }),
    [config, state, problems, connect, disconnect],
  );
  return <TeamSyncContext.Provider value={value}>{children}</TeamSyncContext.Provider>;
}

export function useTeamSync(): TeamSync {
  const t = useContext(TeamSyncContext);
  if (!t) throw new Error('useTeamSync outside TeamSyncProvider');
  return t;
}
