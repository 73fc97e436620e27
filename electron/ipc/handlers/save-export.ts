/**
 * The part of "Export…" after the save dialog: write where the user said, atomically, and tell the page
 * only the file's name. The folder is not the page's business, and a full path handed to it could be
 * shown to or replayed by whatever runs there (issue 14). Node only, unit-tested.
 */
import path from 'node:path';

import { writeFileAtomic } from '../../atomic-write';
import type { SaveExportRequest, SaveExportResponse } from '../../ipc-contract';
import { trackWrite } from '../../pending-writes';

/** What the save dialog answered (Electron's SaveDialogReturnValue, reduced). */
export interface SaveChoice {
  canceled: boolean;
  filePath?: string;
}

export async function writeChosenExport(
  req: SaveExportRequest,
  choice: SaveChoice,
): Promise<SaveExportResponse> {
  if (choice.canceled || !choice.filePath) return { saved: false };
  await trackWrite(writeFileAtomic(choice.filePath, req.content));
  return { saved: true, fileName: path.basename(choice.filePath) };
}
