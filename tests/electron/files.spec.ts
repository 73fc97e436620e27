import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { projectRoot } from '../../scripts/electron-binary.mjs';
import { binary, type BridgedWindow, expect, launchMarginalia, test as electronTest } from './fixtures';

/**
 * Files through the real main process: only the OS dialogs are replaced, inside main, so the preload,
 * the IPC wrapper, validation and the atomic writes all run for real.
 */

const ARTICLE = '𝔘nicode 😀 test\r\nSecond line with “quotes”.\n';

/** A folder outside userData, standing for wherever the user picks files in the dialogs. */
const test = electronTest.extend<{ outside: string }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
  outside: async ({}, use) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'marginalia-files-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
});

test('import reads the files chosen in the open dialog', async ({ electronApp, appPage, outside }) => {
  const article = path.join(outside, 'article.txt');
  await writeFile(article, ARTICLE);
  await electronApp.evaluate(
    ({ dialog }, chosen) => {
      dialog.showOpenDialog = (async () => ({
        canceled: false,
        filePaths: chosen,
      })) as typeof dialog.showOpenDialog;
    },
    [article],
  );
  const result = await appPage.evaluate(async () => {
    const r = await (window as unknown as BridgedWindow).marginalia.openImportFiles();
    return r.ok ? r.value.map((f) => ({ name: f.name, text: new TextDecoder().decode(f.bytes) })) : r;
  });
  expect(result).toEqual([{ name: 'article.txt', text: ARTICLE }]);
  expect(JSON.stringify(result)).not.toContain(outside);
});

// Issue 19 review: restoring from a file showed the import dialog ("Import articles or annotations").
test('restore from a file opens a dialog titled for a restore, one backup file', async ({
  electronApp,
  appPage,
}) => {
  await electronApp.evaluate(({ dialog }) => {
    const seen: unknown[] = [];
    (globalThis as unknown as { seenDialogs: unknown[] }).seenDialogs = seen;
    dialog.showOpenDialog = (async (...args: unknown[]) => {
      seen.push(args.at(-1));
      return { canceled: true, filePaths: [] };
    }) as typeof dialog.showOpenDialog;
  });
  const result = await appPage.evaluate(() =>
    (window as unknown as BridgedWindow).marginalia.openImportFiles('restore'),
  );
  expect(result).toEqual({ ok: true, value: [] });
  const seen = await electronApp.evaluate(
    () => (globalThis as unknown as { seenDialogs: { title: string; properties: string[] }[] }).seenDialogs,
  );
  expect(seen).toHaveLength(1);
  expect(seen[0]?.title).toBe('Restore from a backup file (replaces your library)');
  expect(seen[0]?.properties).toEqual(['openFile']);
});

test('a cancelled open dialog imports nothing', async ({ electronApp, appPage }) => {
  await electronApp.evaluate(({ dialog }) => {
    dialog.showOpenDialog = (async () => ({ canceled: true, filePaths: [] })) as typeof dialog.showOpenDialog;
  });
  const result = await appPage.evaluate(() =>
    (window as unknown as BridgedWindow).marginalia.openImportFiles(),
  );
  expect(result).toEqual({ ok: true, value: [] });
});

test('export writes exactly the given bytes where the save dialog said', async ({
  electronApp,
  appPage,
  outside,
}) => {
  const target = path.join(outside, 'marginalia-alice.jsonl');
  await electronApp.evaluate(({ dialog }, filePath) => {
    dialog.showSaveDialog = (async () => ({ canceled: false, filePath })) as typeof dialog.showSaveDialog;
  }, target);
  const content = `${JSON.stringify({ schema_version: 1, text: ARTICLE })}\n`;
  const result = await appPage.evaluate(
    (c) =>
      (window as unknown as BridgedWindow).marginalia.saveExport({
        suggestedName: 'marginalia-alice.jsonl',
        content: c,
      }),
    content,
  );
  // Only the name goes back to the page, never the folder (issue 14).
  expect(result).toEqual({ ok: true, value: { saved: true, fileName: 'marginalia-alice.jsonl' } });
  expect(await readFile(target, 'utf8')).toBe(content);
  expect(await readdir(outside)).toEqual(['marginalia-alice.jsonl']);
});

test('the Export… button of the app saves through the native dialog', async ({
  electronApp,
  appPage,
  outside,
}) => {
  const target = path.join(outside, 'from-ui.jsonl');
  await electronApp.evaluate(({ dialog }, filePath) => {
    dialog.showSaveDialog = (async () => ({ canceled: false, filePath })) as typeof dialog.showSaveDialog;
  }, target);
  const welcome = appPage.getByRole('dialog', { name: 'Welcome to Marginalia' });
  await welcome.getByLabel('Annotator name').fill('alice');
  await welcome.getByRole('button', { name: 'Start annotating' }).click();
  await appPage.getByRole('button', { name: 'Export…' }).click();
  await expect.poll(() => existsSync(target), { timeout: 15_000 }).toBe(true);
  const lines = (await readFile(target, 'utf8')).split('\n').filter(Boolean);
  for (const line of lines) expect(JSON.parse(line)).toMatchObject({ schema_version: 1, annotator: 'alice' });
});

test('a dropped file is read by the page through the File the user gave; main takes no path', async ({
  appPage,
  outside,
}) => {
  const article = path.join(outside, 'dropped.md');
  await writeFile(article, ARTICLE);
  const welcome = appPage.getByRole('dialog', { name: 'Welcome to Marginalia' });
  await welcome.getByLabel('Annotator name').fill('alice');
  await welcome.getByRole('button', { name: 'Start annotating' }).click();
  // The bridge has no function that reads a path: main reads only what its own dialog returned.
  expect(
    await appPage.evaluate(() => 'readDroppedFiles' in (window as unknown as BridgedWindow).marginalia),
  ).toBe(false);
  await appPage.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'drop-probe';
    document.body.append(input);
  });
  // A real file chooser gives real File objects, backed by the file on disk, as a drop does.
  await appPage.setInputFiles('#drop-probe', article);
  const dt = await appPage.evaluateHandle(() => {
    const transfer = new DataTransfer();
    for (const f of (document.getElementById('drop-probe') as HTMLInputElement).files ?? [])
      transfer.items.add(f);
    return transfer;
  });
  await appPage.dispatchEvent('main', 'dragover', { dataTransfer: dt });
  await appPage.dispatchEvent('main', 'drop', { dataTransfer: dt });
  await expect(appPage.getByRole('list', { name: 'Import report' })).toContainText('dropped.md — imported');
});

test('backups are written atomically into userData, rotated and read back', async ({
  appPage,
  userDataDir,
}) => {
  const listed = await appPage.evaluate(async () => {
    const api = (window as unknown as BridgedWindow).marginalia;
    for (let i = 0; i < 4; i++) {
      const r = await api.writeBackup({ content: `snapshot ${i}\n`, keep: 2, reason: 'manual' });
      if (!r.ok) return r;
    }
    const list = await api.listBackups();
    if (!list.ok) return list;
    const newest = list.value[0];
    return { names: list.value.map((b) => b.name), newest: newest && (await api.readBackup(newest.name)) };
  });
  expect(listed).toMatchObject({ newest: { ok: true, value: 'snapshot 3\n' } });
  const onDisk = (await readdir(path.join(userDataDir, 'backups'))).sort();
  expect(onDisk).toHaveLength(2);
  expect(onDisk).toEqual([...(listed as { names: string[] }).names].sort());
});

test('window size is remembered across a clean quit', async ({ electronApp, appPage, userDataDir }) => {
  await appPage.waitForLoadState('load');
  await electronApp.evaluate(({ BrowserWindow }) => {
    BrowserWindow.getAllWindows()[0]?.setBounds({ width: 900, height: 700 });
  });
  await electronApp.close();
  const saved = JSON.parse(await readFile(path.join(userDataDir, 'window-state.json'), 'utf8')) as unknown;
  expect(saved).toMatchObject({ width: 900, height: 700 });
  const again = await launchMarginalia(userDataDir);
  try {
    await again.firstWindow();
    const size = await again.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getSize());
    expect(size).toEqual([900, 700]);
  } finally {
    await again.close();
  }
});

test('a second launch hands over to the first instance and exits', async ({
  electronApp,
  appPage,
  userDataDir,
}) => {
  await appPage.waitForLoadState('load');
  if (!binary.ok) return;
  const second = spawn(binary.executablePath, ['.'], {
    cwd: projectRoot,
    env: { ...process.env, MARGINALIA_USER_DATA_DIR: userDataDir },
    stdio: 'ignore',
  });
  const code = await new Promise<number | null>((resolve) => second.on('exit', resolve));
  expect(code).toBe(0);
  expect(electronApp.windows()).toHaveLength(1);
});
