/**
 * The whole bridge between the page and main: a fixed set of named functions, one per channel
 * (exactly API_KEYS). Never `ipcRenderer` itself, never a generic invoke, never the raw IPC event.
 * Runs sandboxed, where only 'electron' can be required, so the build bundles it into one CJS file.
 */
import { contextBridge, ipcRenderer } from 'electron';

import {
  CHANNELS,
  type IpcResult,
  type MarginaliaApi,
  MENU_COMMANDS,
  MENU_EVENT,
  type MenuCommand,
} from './ipc-contract';

/** Failures to even send (e.g. an argument that cannot be cloned) become values too, like main's. */
async function call<T>(channel: string, ...args: unknown[]): Promise<IpcResult<T>> {
  try {
    return (await ipcRenderer.invoke(channel, ...args)) as IpcResult<T>;
  } catch {
    return { ok: false, error: `The request ${channel} could not be sent.` };
  }
}

const api: MarginaliaApi = {
  saveExport: (req) => call(CHANNELS.saveExport, req),
  openImportFiles: (purpose) =>
    purpose ? call(CHANNELS.openImportFiles, purpose) : call(CHANNELS.openImportFiles),
  getAppInfo: () => call(CHANNELS.getAppInfo),
  writeBackup: (req) => call(CHANNELS.writeBackup, req),
  listBackups: () => call(CHANNELS.listBackups),
  readBackup: (name) => call(CHANNELS.readBackup, name),
  openExportStream: (suggestedName) => call(CHANNELS.openExportStream, suggestedName),
  writeExportStream: (id, text) => call(CHANNELS.writeExportStream, id, text),
  finishExportStream: (id) => call(CHANNELS.finishExportStream, id),
  abortExportStream: (id) => call(CHANNELS.abortExportStream, id),
  rememberTeamSignIn: (req) => call(CHANNELS.rememberTeamSignIn, req),
  signInAgain: () => call(CHANNELS.signInAgain),
  forgetTeamSignIn: () => call(CHANNELS.forgetTeamSignIn),
  onMenuCommand(listener) {
    // The IpcRendererEvent stays here: handing it to the page would expose `sender` (ipcRenderer).
    const wrapped = (_event: unknown, command: unknown): void => {
      if (typeof command === 'string' && (MENU_COMMANDS as readonly string[]).includes(command)) {
        listener(command as MenuCommand);
      }
    };
    ipcRenderer.on(MENU_EVENT, wrapped);
    return () => {
      ipcRenderer.removeListener(MENU_EVENT, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('marginalia', api);
