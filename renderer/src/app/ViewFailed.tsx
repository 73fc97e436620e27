import { useDurability } from '../session/durability';
import './view-failed.css';

/**
 * What a view shows when its data cannot be rendered: what failed, that nothing stored changed, and
 * the ways out (Settings to restore a backup, the raw data).
 */
export function ViewFailed({
  what,
  error,
  onSettings,
  onMessage,
}: {
  what: string;
  error: Error;
  onSettings: () => void;
  onMessage: (text: string, tone?: 'info' | 'error') => void;
}) {
  const { backups } = useDurability();
  const saveRaw = (): void =>
    void backups.saveRawData().then(onMessage, (e: unknown) => onMessage(String(e), 'error'));
  return (
    <div className="view-failed" role="alert" data-testid="view-failed">
      <h2>{what} cannot be shown</h2>
      <p className="detail">{error.message}</p>
      <p>
        Nothing stored was changed. The other documents, Export and Settings still work: restore a backup from
        Settings, or save the raw data to repair it by hand.
      </p>
      <button type="button" onClick={onSettings}>
        Restore a backup…
      </button>{' '}
      <button type="button" onClick={saveRaw}>
        Save raw data
      </button>
    </div>
  );
}
