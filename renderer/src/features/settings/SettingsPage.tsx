import { useCallback, useState } from 'react';

import { Dialog } from '../../ui/Dialog';
import { BackupSettings } from './BackupSettings';
import { Diagnostics } from './Diagnostics';
import { TeamSettings } from './TeamSettings';

/** Settings: the team server, backups and storage diagnostics. */
export function SettingsPage({
  open,
  onClose,
  onMessage,
}: {
  open: boolean;
  onClose: () => void;
  onMessage: (text: string, tone?: 'info' | 'error') => void;
}) {
  // The dialog is modal, so its messages are shown inside it as well as on the status line.
  const [message, setMessage] = useState<{ text: string; tone: 'info' | 'error' } | null>(null);
  const say = useCallback(
    (text: string, tone: 'info' | 'error' = 'info') => {
      setMessage({ text, tone });
      onMessage(text, tone);
    },
    [onMessage],
  );
  return (
    <Dialog title="Settings" open={open} onClose={onClose}>
      {open && (
        <>
          <TeamSettings onMessage={say} />
          <BackupSettings onMessage={say} />
          <Diagnostics />
        </>
      )}
      {message && (
        <p
          className={`status-${message.tone}`}
          role={message.tone === 'error' ? 'alert' : 'status'}
          data-testid="settings-message"
        >
          {message.text}
        </p>
      )}
      <button type="button" onClick={onClose}>
        Close
      </button>
    </Dialog>
  );
}
