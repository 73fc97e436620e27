import type { ImportedFile, IpcResult, MarginaliaApi } from '../../../electron/ipc-contract';
import type { OpenExportFile } from './export-sink';

/**
 * What the app may ask of its host. Web and desktop implement the same contract: the preload's
 * functions, plus reading dropped files, which both do in the page (read-file-objects.ts).
 */
export type HostApi = MarginaliaApi & {
  readDroppedFiles(files: readonly File[]): Promise<IpcResult<ImportedFile[]>>;
  /** A file an export streams into (export-sink.ts): desktop through main, web through the browser. */
  openExportFile: OpenExportFile;
};
export type { ExportSink, OpenExportFile } from './export-sink';
export type {
  AppInfo,
  BackupInfo,
  ImportedFile,
  IpcResult,
  MenuCommand,
  RememberSignInResponse,
  SaveExportRequest,
  SignInAgainResponse,
  TeamSignIn,
} from '../../../electron/ipc-contract';
