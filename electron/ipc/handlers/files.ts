/**
 * Native open and save dialogs. The dialog is the user's consent: main reads only what was chosen there
 * and writes only where the user said, atomically (save-export.ts).
 */
import os from 'node:os';
import path from 'node:path';

import { app, type BrowserWindow, dialog, type OpenDialogOptions, type SaveDialogOptions } from 'electron';

import type { ImportedFile, SaveExportRequest, SaveExportResponse } from '../../ipc-contract';
import { IMPORT_EXTENSIONS } from '../schemas';
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

export async function openImportFiles(win: BrowserWindow | null): Promise<ImportedFile[]> {
  const options: OpenDialogOptions = {
    title: 'Import articles or annotations',
    properties: ['openFile', 'multiSelections'],
    filters: [
      { name: 'Articles and annotations', extensions: [...IMPORT_EXTENSIONS] },
      { name: 'All files', extensions: ['*'] },
    ],
  };
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  if (result.canceled || result.filePaths.length === 0) return [];
  return readImportFiles(result.filePaths);
}

export async function saveExport(
  req: SaveExportRequest,
  win: BrowserWindow | null,
): Promise<SaveExportResponse> {
  const options: SaveDialogOptions = {
    title: 'Export annotations',
    defaultPath: path.join(documentsFolder(), req.suggestedName),
    filters: [
      { name: 'JSON Lines', extensions: ['jsonl'] },
      { name: 'All files', extensions: ['*'] },
    ],
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  };
  const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  return writeChosenExport(req, result);
}
