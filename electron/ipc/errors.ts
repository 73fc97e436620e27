/**
 * What a failed IPC call tells the page. Node's own errors carry absolute paths ("ENOENT … open
 * '/home/…'"), and paths are not for the page, so they are translated by code; only errors written for
 * users (UserFacingError) pass through as they are.
 */
export class UserFacingError extends Error {
  override name = 'UserFacingError';
}

const NODE_ERROR_TEXT: Readonly<Record<string, string>> = {
  ENOENT: 'The file or folder no longer exists.',
  EACCES: 'Permission denied.',
  EPERM: 'The operation is not permitted.',
  EISDIR: 'A folder was given where a file was expected.',
  ENOSPC: 'The disk is full.',
  EROFS: 'The disk is read-only.',
  EMFILE: 'Too many files are open; try again.',
  EBUSY: 'The file is in use by another program.',
};

export function publicErrorMessage(error: unknown): string {
  if (error instanceof UserFacingError) return error.message;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code in NODE_ERROR_TEXT) return NODE_ERROR_TEXT[code] ?? code;
  return 'Unexpected error in the desktop shell (details are in the log).';
}
