import { describe, expect, it } from 'vitest';

import { classifyStorageError } from '../../../renderer/src/db/storage-errors';
import { fromErrorShape, toErrorShape } from '../../../renderer/src/session/backup/restore-messages';

// Item 6 of the issue 19 review: a restore's work runs in a Web Worker; an error crosses back as a
// shape, and the page must still tell a full disk from damaged data (BackupService.restore).
describe('an error from the restore worker', () => {
  it('keeps what classifyStorageError reads: a quota error stays a quota error', () => {
    const quota = Object.assign(new Error('Transaction aborted'), {
      name: 'AbortError',
      inner: Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' }),
    });
    const back = fromErrorShape(structuredClone(toErrorShape(quota)));
    expect(classifyStorageError(back).kind).toBe(classifyStorageError(quota).kind);
    expect(classifyStorageError(back).kind).toBe('quota');
  });
  it('damaged data stays "other", with its message', () => {
    const back = fromErrorShape(structuredClone(toErrorShape(new RangeError('offset 99999999 outside'))));
    expect(back.message).toBe('offset 99999999 outside');
    expect(back.name).toBe('RangeError');
    expect(classifyStorageError(back).kind).toBe('other');
  });
});
