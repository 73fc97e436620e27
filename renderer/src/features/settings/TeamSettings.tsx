import { useState, type FormEvent } from 'react';

import { syncStateText } from '../../core/sync/team-config';
import { useTeamSync } from '../../session/sync/TeamSyncProvider';
import './team.css';

/**
 * Settings → Team: sign in to a team server (docs/team.md). The password lives in this form's state
 * until the sign-in request is sent; on the desktop main then keeps it encrypted by the OS, to sign
 * in again when the session ends (docs/electron.md), and says so when it cannot.
 */
export function TeamSettings({ onMessage }: { onMessage: (text: string, tone?: 'info' | 'error') => void }) {
  const team = useTeamSync();
  const [serverUrl, setServerUrl] = useState(team.config?.serverUrl ?? '');
  const [project, setProject] = useState(team.config?.project ?? '');
  const [user, setUser] = useState(team.config?.user ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);

  const connect = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const r = await team.connect({ serverUrl, project, user, password });
    setBusy(false);
    setPassword('');
    if (r.ok) {
      const { config, kept } = r.value;
      onMessage(
        `Connected to "${config.project}" as ${config.user} (${config.role}). Your work now syncs with the team.${kept ? ` ${kept}` : ''}`,
      );
    } else onMessage(r.error, 'error');
  };
  const disconnect = async () => {
    setBusy(true);
    const failed = await team
      .disconnect()
      .catch((e: unknown) => (e instanceof Error ? e.message : String(e)));
    setBusy(false);
    if (failed) return onMessage(`Not disconnected: ${failed}`, 'error');
    onMessage('Disconnected from the team. Everything stays on this computer; the library shows all of it.');
  };

  const state = team.state;
  const progress = state.kind === 'syncing' ? state.progress : null;
  return (
    <section aria-labelledby="team-heading" className="team-settings">
      <h3 id="team-heading">Team</h3>
      {team.config ? (
        <>
          <p data-testid="team-connected">
            Connected to the project <strong>{team.config.project}</strong> on {team.config.serverUrl} as{' '}
            <strong>{team.config.user}</strong> ({team.config.role}).
          </p>
          <p role="status" data-testid="team-state">
            {syncStateText(state)}
          </p>
          {progress && progress.total > 0 && (
            <p>
              <progress aria-label="Sync progress" max={progress.total} value={progress.done} />{' '}
              {progress.done.toLocaleString()} of {progress.total.toLocaleString()}
            </p>
          )}
          {team.problems.length > 0 && (
            <ul className="team-problems" aria-label="Refused by sync">
              {team.problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          )}
          <button type="button" disabled={busy} onClick={() => void disconnect()}>
            Disconnect
          </button>
        </>
      ) : (
        <form onSubmit={(e) => void connect(e)} className="team-form">
          <label>
            Server URL
            <input
              type="url"
              value={serverUrl}
              onChange={(e) => setServerUrl(e.target.value)}
              placeholder="https://couch.example.org"
              autoComplete="url"
            />
          </label>
          <label>
            Project
            <input type="text" value={project} onChange={(e) => setProject(e.target.value)} />
          </label>
          <label>
            User name
            <input
              type="text"
              value={user}
              onChange={(e) => setUser(e.target.value)}
              autoComplete="username"
            />
          </label>
          <label>
            Password
            <input
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              autoComplete="current-password"
            />
          </label>
          <button type="submit" disabled={busy}>
            Connect
          </button>
        </form>
      )}
    </section>
  );
}
