// npm start: build everything, then open the desktop app, or, where Electron's binary cannot be had,
// say so in one sentence and serve the same build as a web app (exactly what `npm run web` serves).
import { spawn, spawnSync } from 'node:child_process';
import console from 'node:console';
import path from 'node:path';
import process from 'node:process';

import { findElectronBinary, projectRoot, tryDownloadElectron } from './electron-binary.mjs';

// The port of `npm run web`; overridable for machines where 4173 is taken.
const PORT = process.env.MARGINALIA_WEB_PORT ?? '4173';
const WEB_URL = `http://127.0.0.1:${PORT}`;

function run(command, args) {
  const child = spawn(command, args, { cwd: projectRoot, stdio: 'inherit' });
  // Forward Ctrl+C and kills to the child, and leave with its exit code.
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const built = spawnSync(npm, ['run', 'build'], {
  cwd: projectRoot,
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
if (built.status !== 0) process.exit(built.status ?? 1);

let binary = findElectronBinary();
if (!binary.ok && !process.env.ELECTRON_OVERRIDE_DIST_PATH && tryDownloadElectron())
  binary = findElectronBinary();

if (binary.ok) {
  run(binary.executablePath, ['.']);
} else {
  console.log(
    `Electron's binary is not available on this machine (it could not be downloaded), so Marginalia is served as a web app at ${WEB_URL} — open it in Chromium.`,
  );
  const vite = path.join(projectRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  run(process.execPath, [vite, 'preview', '--host', '127.0.0.1', '--port', PORT, '--strictPort']);
}
