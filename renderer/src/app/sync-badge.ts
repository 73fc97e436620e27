import { syncStateText, type SyncState } from '../core/sync/team-config';
import type { AppHeaderProps } from './AppHeader';

/** The header's sync badge for a state: its words, tone and pull progress (null: no team). */
export function syncBadge(state: SyncState): AppHeaderProps['sync'] {
  const text = syncStateText(state);
  if (text === null) return null;
  const tone =
    state.kind === 'synced'
      ? 'ok'
      : state.kind === 'syncing'
        ? 'busy'
        : state.kind === 'offline'
          ? 'offline'
          : 'error';
  return { text, tone, progress: state.kind === 'syncing' ? state.progress : null };
}
