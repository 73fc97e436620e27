import { describe, expect, it } from 'vitest';

import type { HostApi } from '../../../renderer/src/platform/host';
import { pickBackupFile } from '../../../renderer/src/session/backup/pick-backup-file';

// Issue 19 review: restoring from a file asked the host for the import dialog.
describe('choosing a backup file', () => {
  it('asks the host for the restore dialog, and reads the one file chosen', async () => {
    const asked: unknown[] = [];
    const host = {
      openImportFiles: (purpose?: string) => {
        asked.push(purpose);
        return Promise.resolve({
          ok: true as const,
          value: [{ name: 'b.jsonl', bytes: new TextEncoder().encode('{"x":1}\n') }],
        });
      },
    } as unknown as HostApi;
    expect(await pickBackupFile(host)).toEqual({ name: 'b.jsonl', content: '{"x":1}\n' });
    expect(asked).toEqual(['restore']);
  });
});
