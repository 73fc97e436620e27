import { describe, expect, it } from 'vitest';

import { openDialogOptions } from '../../../electron/open-dialog-options';

// Issue 19 review: the desktop's restore-from-file dialog was the import dialog, titled "Import
// articles or annotations", several files, article formats.
describe('the open dialog for each purpose', () => {
  it('a restore says what it does and takes one backup file', () => {
    const o = openDialogOptions('restore');
    expect(o.title).toBe('Restore from a backup file (replaces your library)');
    expect(o.properties).toEqual(['openFile']);
    expect(o.filters?.[0]).toEqual({ name: 'Marginalia backups', extensions: ['jsonl'] });
  });
  it('an import keeps its title, several files and the formats it reads', () => {
    const o = openDialogOptions('import');
    expect(o.title).toBe('Import articles or annotations');
    expect(o.properties).toContain('multiSelections');
    expect(o.filters?.[0]?.extensions).toContain('txt');
  });
});
