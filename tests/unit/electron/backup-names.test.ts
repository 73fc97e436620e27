import { describe, expect, it } from 'vitest';

import { backupName, backupTime, isBackupName, sortNewestFirst } from '../../../electron/backup-names';

const when = new Date('2025-01-02T03:04:05.678Z');

describe('backup names', () => {
  it('puts the time first, without colons (Windows)', () => {
    expect(backupName(when, 'interval')).toBe('marginalia-backup-2025-01-02T03-04-05-678Z-interval.jsonl');
    expect(backupName(when, 'before-upgrade', 2)).toBe(
      'marginalia-backup-2025-01-02T03-04-05-678Z-before-upgrade-2.jsonl',
    );
  });

  it('round-trips the time', () => {
    expect(backupTime(backupName(when, 'quit'))).toBe(when.toISOString());
    expect(backupTime('other.jsonl')).toBeNull();
  });

  it('recognises only its own names', () => {
    expect(isBackupName(backupName(when, 'manual'))).toBe(true);
    expect(isBackupName(backupName(when, 'before-restore'))).toBe(true);
    for (const bad of [
      '',
      'x.jsonl',
      `../${backupName(when, 'manual')}`,
      `${backupName(when, 'manual')}.tmp`,
      7,
    ]) {
      expect(isBackupName(bad)).toBe(false);
    }
  });

  it('sorts newest first, retries after their base name', () => {
    const a = backupName(new Date('2024-12-31T23:59:59.999Z'), 'quit');
    const b = backupName(when, 'interval');
    const b1 = backupName(when, 'interval', 1);
    const c = backupName(new Date('2025-06-01T00:00:00.000Z'), 'manual');
    expect(sortNewestFirst([a, b, c, b1])).toEqual([c, b1, b, a]);
  });
});
