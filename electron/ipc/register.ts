/**
 * The only place that touches `ipcMain` (lint-enforced). Every channel goes through `handle`, which, in
 * order: refuses senders that are not our origin's main frame, validates the arguments with the
 * channel's schema, runs the handler, and turns any throw into `{ ok: false, error }`. A bad or
 * malicious call therefore gets a value back and can never crash or confuse main (VS Code's
 * validatedIpcMain idea).
 */
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';

import { ExportStreams } from '../export-streams';
import { CHANNELS, type IpcResult } from '../ipc-contract';
import { trackWrite } from '../pending-writes';
import { isTrustedSender } from '../trusted-origin';
import { publicErrorMessage } from './errors';
import { getAppInfo } from './handlers/app-info';
import type { BackupStore } from './handlers/backups';
import type { KeptSignIn } from '../team-sign-in';
import { openExportStream, openImportFiles, saveExport } from './handlers/files';
import { ARG_SCHEMAS, type Channel, type ChannelArgs, describeIssues } from './schemas';

type Handler<C extends Channel> = (args: ChannelArgs<C>, win: BrowserWindow | null) => unknown;

function senderFacts(event: IpcMainInvokeEvent): { url: string; isMainFrame: boolean } | null {
  const frame = event.senderFrame;
  if (!frame) return null;
  // A frame without a parent is a top-level frame; window.open and webviews are refused, so the only
  // top-level frame that can reach this preload is the main window's.
  return { url: frame.url, isMainFrame: frame.parent === null };
}

function handle<C extends Channel>(channel: C, handler: Handler<C>): void {
  ipcMain.handle(channel, async (event, ...args: unknown[]): Promise<IpcResult<unknown>> => {
    try {
      if (!isTrustedSender(senderFacts(event))) {
        return { ok: false, error: 'Refused: the request did not come from Marginalia’s own page.' };
      }
      const parsed = ARG_SCHEMAS[channel].safeParse(args);
      if (!parsed.success) {
        return { ok: false, error: `Invalid arguments for ${channel}: ${describeIssues(parsed.error)}` };
      }
      const value = await handler(parsed.data as ChannelArgs<C>, BrowserWindow.fromWebContents(event.sender));
      return { ok: true, value };
    } catch (error) {
      console.error(`[ipc] ${channel} failed:`, error);
      return { ok: false, error: publicErrorMessage(error) };
    }
  });
}

/** Returns the open export streams, so quitting can delete the temp files of unfinished ones. */
export function registerIpcHandlers(backups: BackupStore, signIn: KeptSignIn): ExportStreams {
  const streams = new ExportStreams();
  handle(CHANNELS.saveExport, ([req], win) => saveExport(req, win));
  handle(CHANNELS.openExportStream, ([name], win) => openExportStream(name, win, streams));
  handle(CHANNELS.writeExportStream, ([id, text]) => trackWrite(streams.write(id, text)));
  handle(CHANNELS.finishExportStream, ([id]) => trackWrite(streams.finish(id)));
  handle(CHANNELS.abortExportStream, ([id]) => trackWrite(streams.abort(id)));
  handle(CHANNELS.openImportFiles, ([purpose], win) => openImportFiles(win, purpose));
  handle(CHANNELS.getAppInfo, () => getAppInfo());
  handle(CHANNELS.writeBackup, ([req]) => backups.write(req));
  handle(CHANNELS.listBackups, () => backups.list());
  handle(CHANNELS.readBackup, ([name]) => backups.read(name));
  handle(CHANNELS.rememberTeamSignIn, ([req]) => signIn.remember(req));
  handle(CHANNELS.signInAgain, () => signIn.signInAgain());
  handle(CHANNELS.forgetTeamSignIn, () => signIn.forget());
  return streams;
}
