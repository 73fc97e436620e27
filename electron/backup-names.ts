/**
 * Names of backup files: `marginalia-backup-<UTC time>-<reason>[-n].jsonl`. The time is first so that
 * name order is time order (pruning keeps the lexically greatest names), and the whole name is checked
 * against one pattern before main touches the disk, so `readBackup` can never be steered out of the
 * backup folder. Pure, unit-tested.
 */
export const BACKUP_REASONS = ['interval', 'quit', 'before-upgrade', 'before-restore', 'manual'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export const BACKUP_NAME_MAX_LENGTH = 96;
export const BACKUP_NAME_PATTERN =
  /^marginalia-backup-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-(interval|quit|before-upgrade|before-restore|manual)(?:-(\d{1,4}))?\.jsonl$/;

/** `2025-01-02T03:04:05.678Z` → `2025-01-02T03-04-05-678Z`: colons are not allowed in Windows names. */
export function backupName(when: Date, reason: BackupReason, attempt = 0): string {
  const stamp = when.toISOString().replace(/:/g, '-').replace('.', '-');
  return `marginalia-backup-${stamp}-${reason}${attempt > 0 ? `-${attempt}` : ''}.jsonl`;
}

export function isBackupName(name: unknown): name is string {
  return typeof name === 'string' && name.length <= BACKUP_NAME_MAX_LENGTH && BACKUP_NAME_PATTERN.test(name);
}

/** The ISO-8601 time a backup was written, read back from its name (null if it is not a backup name). */
export function backupTime(name: string): string | null {
  if (name.length > BACKUP_NAME_MAX_LENGTH) return null;
  const m = BACKUP_NAME_PATTERN.exec(name);
  if (!m) return null;
  const [, day, hh, mm, ss, ms] = m;
  return `${day}T${hh}:${mm}:${ss}.${ms}Z`;
}

/** Newest first; a retry suffix (-1, -2…) sorts after its base name because it was written later. */
export function sortNewestFirst(names: readonly string[]): string[] {
  const key = (n: string): string => {
    const m = BACKUP_NAME_PATTERN.exec(n);
    return m ? `${backupTime(n)}|${(m[7] ?? '0').padStart(4, '0')}` : '';
  };
  return [...names].sort((a, b) => (key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : 0));
}
