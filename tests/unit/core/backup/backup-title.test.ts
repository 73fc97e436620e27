import { describe, expect, it } from 'vitest';

import { backupEntryTitle } from '../../../../renderer/src/core/backup/backup-title';

// Review of issue 19: the restore list said each backup's time twice (the date, then the file name).
describe('a line of the restore list', () => {
  it('says when and why, not the file name that repeats the time', () => {
    const at = '12/6/2026, 2:05:54 AM';
    expect(backupEntryTitle('marginalia-backup-2026-12-06T02-05-54-957Z-manual.jsonl', at)).toBe(
      `${at} — Back up now`,
    );
    expect(backupEntryTitle('marginalia-backup-2026-12-06T02-05-54-957Z-before-restore-2.jsonl', at)).toBe(
      `${at} — your data before a restore`,
    );
    expect(backupEntryTitle('marginalia-backup-2026-12-06T02-05-54-957Z-interval.jsonl', at)).toBe(
      `${at} — automatic`,
    );
  });
  it('keeps a name of another shape, the only clue there is', () => {
    expect(backupEntryTitle('old-backup.jsonl', 'then')).toBe('then — old-backup.jsonl');
  });
});
