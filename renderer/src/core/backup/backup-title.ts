/** Why each kind of backup was made, in the words the restore list shows. */
const REASONS: Readonly<Record<string, string>> = {
  manual: 'Back up now',
  interval: 'automatic',
  quit: 'on quitting',
  'before-upgrade': 'before an upgrade',
  'before-restore': 'your data before a restore',
};

/** `marginalia-backup-<UTC time>-<reason>[-n].jsonl`, as the desktop and the browser name them. */
const NAME = /-(manual|interval|quit|before-upgrade|before-restore)(?:-\d{1,4})?\.jsonl$/;

/**
 * One line of the restore list: when and why a backup was made. The file name repeats the time in
 * UTC, so it is left out unless it is all there is to say why (a name in another shape).
 */
export function backupEntryTitle(name: string, writtenAt: string): string {
  const reason = NAME.exec(name)?.[1];
  return reason ? `${writtenAt} — ${REASONS[reason] ?? reason}` : `${writtenAt} — ${name}`;
}
