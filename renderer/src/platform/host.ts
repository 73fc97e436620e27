import type { MarginaliaApi } from '../../../electron/ipc-contract';

/** What the app may ask of its host. Web and desktop implement the same contract. */
export type HostApi = MarginaliaApi;
export type {
  AppInfo,
  BackupInfo,
  ImportedFile,
  IpcResult,
  MenuCommand,
  SaveExportRequest,
} from '../../../electron/ipc-contract';
