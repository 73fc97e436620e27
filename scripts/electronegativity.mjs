// npm run lint:electron: runs Doyensec's Electronegativity over the Electron sources (electron/) and the
// built app (dist/: main and preload bundles, the renderer), and fails on any finding of MEDIUM severity
// or more that is not suppressed below with a written reason. Needs `npm run build` first.
import { spawnSync } from 'node:child_process';
import console from 'node:console';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';

import { projectRoot } from './electron-binary.mjs';
import { CANARY_SOURCE, isCanary, parseCsv, SUPPRESSIONS } from './electronegativity-rules.mjs';

const FAILING = new Set(['MEDIUM', 'HIGH', 'CRITICAL']);
const dist = path.join(projectRoot, 'dist');
const required = ['renderer/index.html', 'electron/main.cjs', 'electron/preload.cjs'];
const missing = required.filter((f) => !existsSync(path.join(dist, f)));
if (missing.length > 0) {
  console.error(
    `lint:electron needs the built app (missing dist/${missing[0]}): run \`npm run build\` first.`,
  );
  process.exit(1);
}

// Electronegativity reads .js/.ts/.html only, so the .cjs bundles are staged as .js; source maps would
// only duplicate the sources.
const stage = mkdtempSync(path.join(os.tmpdir(), 'marginalia-electronegativity-'));
const out = path.join(stage, 'findings.csv');
try {
  cpSync(path.join(projectRoot, 'electron'), path.join(stage, 'scan', 'electron'), { recursive: true });
  cpSync(path.join(dist, 'renderer'), path.join(stage, 'scan', 'dist', 'renderer'), {
    recursive: true,
    filter: (src) => !src.endsWith('.map'),
  });
  for (const name of ['main', 'preload']) {
    cpSync(
      path.join(dist, 'electron', `${name}.cjs`),
      path.join(stage, 'scan', 'dist', 'electron', `${name}.js`),
    );
  }
  // A deliberately insecure file: if its findings are missing, the scan silently skipped files and its
  // silence proves nothing.
  mkdirSync(path.join(stage, 'scan', 'canary'));
  writeFileSync(path.join(stage, 'scan', 'canary', 'canary.js'), CANARY_SOURCE);
  const electronVersion = JSON.parse(
    readFileSync(path.join(projectRoot, 'node_modules', 'electron', 'package.json'), 'utf8'),
  ).version;
  const tool = path.join(projectRoot, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
  const scan = () => {
    rmSync(out, { force: true });
    // Offline it spends ~10 s failing to fetch Electron's release list, then scans anyway.
    const run = spawnSync(
      process.execPath,
      [tool, '-i', path.join(stage, 'scan'), '-o', out, '-r', '-v', 'false', '-e', electronVersion],
      { encoding: 'utf8', timeout: 240_000 },
    );
    if (!existsSync(out)) {
      console.error(
        `Electronegativity produced no report (exit ${run.status}):\n${run.stderr || run.stdout}`,
      );
      process.exit(1);
    }
    return parseCsv(readFileSync(out, 'utf8'));
  };
  let all = scan();
  if (!all.some(isCanary)) all = scan();
  if (!all.some(isCanary)) {
    console.error(
      'Electronegativity did not report its canary file, so the scan is not trustworthy; failing.',
    );
    process.exit(1);
  }

  const findings = all.filter((f) => !isCanary(f));
  const failing = [];
  const used = new Set();
  for (const f of findings) {
    const rule = SUPPRESSIONS.find((s) => s.check === f.issue && s.file.test(f.filename));
    const where = `${f.filename}:${f.location}`;
    if (rule) {
      used.add(rule);
      console.log(`suppressed ${f.issue} (${f.severity}) at ${where}: ${rule.reason}`);
    } else if (FAILING.has(f.severity)) {
      failing.push(f);
      console.error(`FINDING ${f.issue} (${f.severity}, ${f.confidence}) at ${where}: ${f.description}`);
    } else {
      console.log(`note ${f.issue} (${f.severity}) at ${where}: ${f.description}`);
    }
  }
  for (const rule of SUPPRESSIONS.filter((s) => !used.has(s))) {
    console.log(`unused suppression ${rule.check} ${rule.file} (remove it if the code changed)`);
  }
  if (failing.length > 0) {
    console.error(`Electronegativity: ${failing.length} unsuppressed finding(s) of medium severity or more.`);
    process.exit(1);
  }
  console.log(
    `Electronegativity: ${findings.length} finding(s), none unsuppressed at medium severity or more.`,
  );
} finally {
  rmSync(stage, { recursive: true, force: true });
}
