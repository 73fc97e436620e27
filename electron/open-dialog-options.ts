/**
 * What the native open dialog shows for each purpose. Restoring used the import dialog ("Import
 * articles or annotations", several files, article formats), which did not say that the file chosen
 * replaces the whole library. Pure: main passes the result to dialog.showOpenDialog.
 */
import type { OpenDialogOptions } from 'electron';

import type { OpenPurpose } from './ipc-contract';
import { IMPORT_EXTENSIONS } from './ipc/schemas';

export function openDialogOptions(purpose: OpenPurpose): OpenDialogOptions {
  if (purpose === 'restore') {
    return {
      title: 'Restore from a backup file (replaces your library)',
      buttonLabel: 'Choose backup',
      properties: ['openFile'],
      filters: [
        { name: 'Marginalia backups', extensions: ['jsonl'] },
        { name: 'All files', extensions: ['*'] },
      ],
    };
  }
  return {
    title: 'Import articles or annotations',
    properties: ['openFile', 'multiSelections'],
    filters: [
      { name: 'Articles and annotations', extensions: [...IMPORT_EXTENSIONS] },
      { name: 'All files', extensions: ['*'] },
    ],
  };
}
