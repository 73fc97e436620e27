// Finds a usable Electron binary without `require('electron')`, which would try to download one.
// Shared by npm start, npm run dist and the Playwright electron fixtures, so they agree on the answer
// and on the sentence that explains a missing binary.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronPackage = path.join(projectRoot, 'node_modules', 'electron');

/** The executable's path inside an Electron dist folder, as electron's own install.js lays it out. */
export function executableInDist(platform = process.platform) {
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

/** @returns {{ ok: true, executablePath: string, distDir: string } | { ok: false, reason: string }} */
export function findElectronBinary(env = process.env) {
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const executablePath = path.join(override, executableInDist());
    if (existsSync(executablePath)) return { ok: true, executablePath, distDir: override };
    return {
      ok: false,
      reason: `ELECTRON_OVERRIDE_DIST_PATH is set, but ${executablePath} does not exist.`,
    };
  }
  const pathFile = path.join(electronPackage, 'path.txt');
  const distDir = path.join(electronPackage, 'dist');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : executableInDist();
  const executablePath = path.join(distDir, relative);
  if (existsSync(executablePath)) return { ok: true, executablePath, distDir };
  return {
    ok: false,
    reason:
      "Electron's binary is not available on this machine (node_modules/electron/dist is missing and it " +
      'could not be downloaded); set ELECTRON_OVERRIDE_DIST_PATH to an Electron dist folder to use one.',
  };
}

/** One quiet download attempt through electron's own installer; its stack traces stay out of sight. */
export function tryDownloadElectron(timeoutMs = 45_000) {
  const installer = path.join(electronPackage, 'install.js');
  if (!existsSync(installer)) return false;
  const result = spawnSync(process.execPath, [installer], {
    cwd: electronPackage,
    stdio: 'ignore',
    timeout: timeoutMs,
  });
  return result.status === 0 && findElectronBinary().ok;
}
