// npm run dist: package installers with electron-builder. Where no Electron binary can be had, stop with
// one sentence instead of electron-builder's download stack trace.
import { spawnSync } from 'node:child_process';
import console from 'node:console';
import path from 'node:path';
import process from 'node:process';

import { findElectronBinary, projectRoot, tryDownloadElectron } from './electron-binary.mjs';

let binary = findElectronBinary();
if (!binary.ok && !process.env.ELECTRON_OVERRIDE_DIST_PATH && tryDownloadElectron())
  binary = findElectronBinary();
if (!binary.ok) {
  console.error(
    "npm run dist cannot package Marginalia here: Electron's binary is not available on this machine and could not be downloaded (set ELECTRON_OVERRIDE_DIST_PATH to an Electron dist folder, or run it where npm can download Electron).",
  );
  process.exit(1);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const step = (command, args) => {
  const result = spawnSync(command, args, {
    cwd: projectRoot,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

step(npm, ['run', 'build']);
// Package with the Electron we found instead of letting electron-builder download its own copy; extra
// arguments (e.g. --linux deb) pass through.
const builder = path.join(projectRoot, 'node_modules', 'electron-builder', 'cli.js');
step(process.execPath, [
  builder,
  '--config',
  'electron-builder.yml',
  `-c.electronDist=${binary.distDir}`,
  ...process.argv.slice(2),
]);
