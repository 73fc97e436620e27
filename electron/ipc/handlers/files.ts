/**
 * Native open and save dialogs. The dialog is the user's consent: main reads only what was chosen there
 * and writes only where the user said, atomically (save-export.ts).
 */
import os from 'node:os';
import path from 'node:path';

import { app, type BrowserWindow, dialog, type SaveDialogOptions } from 'electron';

import type { ExportStreams } from '../../export-streams';
import type {
  ImportedFile,
  OpenExportStreamResponse,
  OpenPurpose,
  SaveExportRequest,
  SaveExportResponse,
} from '../../ipc-contract';
import { openDialogOptions } from '../../open-dialog-options';
import { readImportFiles } from './read-files';
import { writeChosenExport } from './save-export';

function documentsFolder(): string {
  try {
    return app.getPath('documents');
  } catch {
    // Some Linux desktops define no documents folder.
    return os.homedir();
  }
}

export async function openImportFiles(
  win: BrowserWindow | null,
  purpose: OpenPurpose = 'import',
): Promise<ImportedFile[]> {
  const options = openDialogOptions(purpose);
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  if (result.canceled || result.filePaths.length === 0) return [];
  return readImportFiles(result.filePaths);
}

function askWhereToSave(suggestedName: string, win: BrowserWindow | null) {
  const options: SaveDialogOptions = {
    title: 'Export annotations',
    defaultPath: path.join(documentsFolder(), suggestedName),
    filters: [
      { name: 'JSON Lines', extensions: ['jsonl'] },
      { name: 'All files', extensions: ['*'] },
    ],
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  };
  return win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options);
}

export async function saveExport(
  req: SaveExportRequest,
  win: BrowserWindow | null,
): Promise<SaveExportResponse> {
  return writeChosenExport(req, await askWhereToSave(req.suggestedName, win));
}

/** The save dialog, then a stream to the file chosen (written by the page's following calls). */
export async function openExportStream(
  suggestedName: string,
  win: BrowserWindow | null,
  streams: ExportStreams,
): Promise<OpenExportStreamResponse> {
  const choice = await askWhereToSave(suggestedName, win);
  if (choice.canceled || !choice.filePath) return { saved: false };
  const id = await streams.begin(choice.filePath);
  return { saved: true, id, fileName: path.basename(choice.filePath) };
}
