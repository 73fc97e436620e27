/**
 * The single source of truth for IPC between the renderer and Electron's main process: channel
 * names, request/response shapes and the API the preload exposes as `window.marginalia`.
 * Dependency-free, so the renderer can `import type` it and main can validate against it.
 */

export const CHANNELS = {
  saveExport: 'marginalia:save-export',
  openImportFiles: 'marginalia:open-import-files',
  getAppInfo: 'marginalia:get-app-info',
  writeBackup: 'marginalia:write-backup',
  listBackups: 'marginalia:list-backups',
  readBackup: 'marginalia:read-backup',
  openExportStream: 'marginalia:export-stream-open',
  writeExportStream: 'marginalia:export-stream-write',
  finishExportStream: 'marginalia:export-stream-finish',
  abortExportStream: 'marginalia:export-stream-abort',
  rememberTeamSignIn: 'marginalia:team-remember-sign-in',
  signInAgain: 'marginalia:team-sign-in-again',
  forgetTeamSignIn: 'marginalia:team-forget-sign-in',
} as const;

/** Why a file is opened: the dialog says so in its title and offers only what fits. */
export const OPEN_PURPOSES = ['import', 'restore'] as const;
export type OpenPurpose = (typeof OPEN_PURPOSES)[number];

/** Push events from main (menu items). */
export const MENU_EVENT = 'marginalia:menu-command';

export type MenuCommand =
  | 'import'
  | 'export'
  | 'backup-now'
  | 'undo'
  | 'redo'
  | 'toggle-sidebar'
  | 'agreement-view'
  | 'open-format-docs'
  | 'about';

export const MENU_COMMANDS: readonly MenuCommand[] = [
  'import',
  'export',
  'backup-now',
  'undo',
  'redo',
  'toggle-sidebar',
  'agreement-view',
  'open-format-docs',
  'about',
];

/** Every IPC result is a value: a typed error never crashes main or throws across the bridge. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: string };

export interface SaveExportRequest {
  /** File name offered in the save dialog, e.g. "marginalia-alice.jsonl". */
  suggestedName: string;
  /** Whole file contents: UTF-8 text, or bytes (a .zip of several files, e.g. brat's .txt + .ann). */
  content: string | Uint8Array;
}

/**
 * `saved` is false when the user cancelled the dialog. Only the name of the file chosen is returned, to
 * confirm the save: the folder is the user's business, and a path handed to the page could be replayed.
 */
export interface SaveExportResponse {
  saved: boolean;
  fileName?: string;
}

/**
 * A streamed export (issue 20): after the save dialog, main writes the pieces the page sends to a temp
 * file and renames it over the chosen file when finished; an aborted stream leaves no file. `id` names
 * the open stream in the following calls.
 */
export type OpenExportStreamResponse = { saved: false } | { saved: true; id: string; fileName: string };

/** A file's name (no directory) and its raw bytes, read by main. */
export interface ImportedFile {
  name: string;
  bytes: Uint8Array;
}

export interface AppInfo {
  version: string;
  platform: string;
  /** Where the database lives, for the About and Settings screens. */
  dataFolder: string;
  /** Folder of rotating backups (desktop only). */
  backupFolder: string | null;
  /** 'electron' or 'web'. */
  shell: 'electron' | 'web';
}

export interface BackupRequest {
  /** Native JSONL snapshot of the whole database. */
  content: string;
  /** How many backups to keep (newest first). */
  keep: number;
  /** Why the backup is written ('interval', 'quit', 'before-upgrade', 'before-restore', 'manual'). */
  reason: string;
}

export interface BackupInfo {
  name: string;
  bytes: number;
  /** ISO-8601 time the backup was written. */
  writtenAt: string;
}

/** The team sign-in the desktop keeps (issue 15): the password goes to main once, after Connect. */
export interface TeamSignIn {
  /** The server the password belongs to; main signs in again only there. */
  serverUrl: string;
  user: string;
  password: string;
}

/**
 * `stored: false` with the reason when the password is not kept: the web build (the browser keeps
 * the session cookie; `reason` null) or a desktop without real OS encryption (`reason` says so).
 */
export type RememberSignInResponse = { stored: true } | { stored: false; reason: string | null };

/** The outcome of a sign-in with the kept password; `reason` is one sentence for the header. */
export type SignInAgainResponse =
  { signedIn: true; serverUrl: string; user: string } | { signedIn: false; reason: string };

/** What the preload exposes as `window.marginalia`. The web build implements the same interface. */
export interface MarginaliaApi {
  saveExport(req: SaveExportRequest): Promise<IpcResult<SaveExportResponse>>;
  /**
   * The open dialog, shown and read by main. There is no channel for dropped files: the page reads a
   * dropped File itself, through Chromium, which lets a renderer read only the files the user gave it.
   * Main never reads a path the page names (issue 14).
   */
  openImportFiles(purpose?: OpenPurpose): Promise<IpcResult<ImportedFile[]>>;
  getAppInfo(): Promise<IpcResult<AppInfo>>;
  writeBackup(req: BackupRequest): Promise<IpcResult<BackupInfo>>;
  listBackups(): Promise<IpcResult<BackupInfo[]>>;
  readBackup(name: string): Promise<IpcResult<string>>;
  /** Shows the save dialog and opens a stream to the file chosen (nothing is written there yet). */
  openExportStream(suggestedName: string): Promise<IpcResult<OpenExportStreamResponse>>;
  /** Appends UTF-8 text to an open stream; resolves once written (send the next piece after). */
  writeExportStream(id: string, text: string): Promise<IpcResult<void>>;
  /** Completes the file: synced and renamed over the chosen path. Answers the file's name. */
  finishExportStream(id: string): Promise<IpcResult<string>>;
  /** Discards an open stream: its temp file is deleted and the chosen path is left as it was. */
  abortExportStream(id: string): Promise<IpcResult<void>>;
  /** Keeps the team password encrypted with the OS (safeStorage), for signing in again without asking. */
  rememberTeamSignIn(req: TeamSignIn): Promise<IpcResult<RememberSignInResponse>>;
  /**
   * Signs in again with the kept password, from main, to the server it was given for (the page
   * names none: a compromised page could otherwise send the password anywhere). The session's new
   * cookie serves the page's next requests.
   */
  signInAgain(): Promise<IpcResult<SignInAgainResponse>>;
  /** Forgets the kept password (Disconnect). */
  forgetTeamSignIn(): Promise<IpcResult<void>>;
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

/** The exact key list of `window.marginalia` (a test pins it). */
export const API_KEYS: readonly (keyof MarginaliaApi)[] = [
  'saveExport',
  'openImportFiles',
  'getAppInfo',
  'writeBackup',
  'listBackups',
  'readBackup',
  'openExportStream',
  'writeExportStream',
  'finishExportStream',
  'abortExportStream',
  'rememberTeamSignIn',
  'signInAgain',
  'forgetTeamSignIn',
  'onMenuCommand',
];
