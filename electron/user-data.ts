/**
 * Where the app keeps its data. `MARGINALIA_USER_DATA_DIR` gives tests and development runs a fresh
 * folder each (Actual's pattern); an installed app ignores it, so an environment variable set by
 * something else (a launcher, a shell profile, another program starting it) cannot point the user's
 * app at a database and backups elsewhere, or at a folder an attacker prepared. Pure, unit-tested.
 */
import path from 'node:path';

export const USER_DATA_ENV = 'MARGINALIA_USER_DATA_DIR';

/** The folder to use instead of Electron's default, or null to keep the default. */
export function userDataOverride(
  env: Readonly<Record<string, string | undefined>>,
  isPackaged: boolean,
): string | null {
  const dir = env[USER_DATA_ENV];
  if (isPackaged || !dir) return null;
  return path.resolve(dir);
}
