import { API_KEYS } from '../../electron/ipc-contract';
import { contentSecurityPolicy } from '../../electron/csp';
import { APP_ENTRY_URL, APP_ORIGIN } from '../../electron/trusted-origin';
import { type BridgedWindow, expect, test } from './fixtures';

/** Issue #5's security checklist, checked against the real binary, main process and preload. */

test('the page sees exactly the contract API and nothing of Node', async ({ appPage }) => {
  const surface = await appPage.evaluate(() => {
    const api = (window as unknown as BridgedWindow).marginalia;
    return {
      keys: Object.keys(api).sort(),
      allFunctions: Object.values(api).every((v) => typeof v === 'function'),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      module: typeof (window as unknown as { module?: unknown }).module,
      buffer: typeof (window as unknown as { Buffer?: unknown }).Buffer,
      ipcRenderer: typeof (window as unknown as { ipcRenderer?: unknown }).ipcRenderer,
    };
  });
  expect(surface).toEqual({
    keys: [...API_KEYS].sort(),
    allFunctions: true,
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
    buffer: 'undefined',
    ipcRenderer: 'undefined',
  });
});

test('the window runs with locked web preferences', async ({ electronApp, appPage }) => {
  await appPage.waitForLoadState('load');
  // getLastWebPreferences is real but undocumented (absent from electron.d.ts), hence the cast; the
  // behaviour checks below hold either way.
  const prefs = await electronApp.evaluate(({ BrowserWindow }) => {
    type Prefs = Record<string, unknown>;
    const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as {
      getLastWebPreferences?: () => Prefs | null;
    };
    const p = contents.getLastWebPreferences?.() ?? null;
    return (
      p && {
        contextIsolation: p.contextIsolation,
        sandbox: p.sandbox,
        nodeIntegration: p.nodeIntegration,
        nodeIntegrationInWorker: p.nodeIntegrationInWorker,
        webviewTag: p.webviewTag,
        webSecurity: p.webSecurity,
      }
    );
  });
  if (prefs) {
    expect(prefs).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
    });
  }
  const behaviour = await appPage.evaluate(async () => {
    // A worker must see no Node either (nodeIntegrationInWorker off).
    const source = 'postMessage([typeof require, typeof process].join(","))';
    const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
    const inWorker = await new Promise<string>((resolve) => {
      worker.onmessage = (e: MessageEvent<string>) => resolve(e.data);
      worker.onerror = () => resolve('worker refused');
    });
    worker.terminate();
    return { inWorker, webview: customElements.get('webview') === undefined ? 'absent' : 'present' };
  });
  expect(behaviour).toEqual({ inWorker: 'undefined,undefined', webview: 'absent' });
});

test('the origin is pinned to app://marginalia (IndexedDB lives there)', async ({ appPage }) => {
  expect(appPage.url()).toBe(APP_ENTRY_URL);
  expect(await appPage.evaluate(() => location.origin)).toBe(APP_ORIGIN);
  expect(await appPage.evaluate(() => isSecureContext)).toBe(true);
});

test('every document carries the CSP header, and it is enforced', async ({ appPage }) => {
  const result = await appPage.evaluate(async () => {
    const response = await fetch(location.href);
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.head.append(script);
    // A string timer is eval in disguise, and runs from the page itself: DevTools-protocol evaluation
    // (page.evaluate) is exempt from the eval ban, so a direct eval here would prove nothing.
    setTimeout('window.__evalRan = true', 0);
    await new Promise((r) => setTimeout(r, 100));
    return {
      csp: response.headers.get('content-security-policy'),
      nosniff: response.headers.get('x-content-type-options'),
      inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true,
      evalRan: (window as unknown as { __evalRan?: boolean }).__evalRan === true,
    };
  });
  expect(result).toEqual({
    csp: contentSecurityPolicy({ meta: false }),
    nosniff: 'nosniff',
    inlineRan: false,
    evalRan: false,
  });
});

test('the protocol handler refuses path traversal', async ({ appPage }) => {
  const statuses = await appPage.evaluate(async () =>
    Promise.all(
      [
        '..%2f..%2fpackage.json',
        '%5c..%5c..%5cpackage.json',
        'assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fpackage.json',
      ].map(async (p) => (await fetch(`app://marginalia/${p}`)).status),
    ),
  );
  for (const status of statuses) expect([400, 403, 404]).toContain(status);
});

test('navigation away is refused', async ({ appPage }) => {
  await appPage.evaluate(() => {
    location.href = 'https://example.com/';
  });
  await appPage.waitForTimeout(500);
  await appPage.evaluate(() => {
    const a = document.createElement('a');
    a.href = 'file:///etc/passwd';
    document.body.append(a);
    a.click();
  });
  await appPage.waitForTimeout(500);
  expect(appPage.url()).toBe(APP_ENTRY_URL);
});

test('window.open is refused; allowlisted https links go to the system browser only', async ({
  electronApp,
  appPage,
}) => {
  await electronApp.evaluate(({ shell }) => {
    const opened: string[] = [];
    (globalThis as unknown as { opened: string[] }).opened = opened;
    shell.openExternal = async (url: string) => {
      opened.push(url);
    };
  });
  const handles = await appPage.evaluate(() => [
    window.open('https://example.com/') === null,
    window.open('https://github.com/marginalia') === null,
    window.open('file:///etc/passwd') === null,
    window.open('app://marginalia/index.html') === null,
  ]);
  expect(handles).toEqual([true, true, true, true]);
  await expect.poll(() => electronApp.windows().length).toBe(1);
  const opened = await electronApp.evaluate(() => (globalThis as unknown as { opened: string[] }).opened);
  expect(opened).toEqual(['https://github.com/marginalia']);
});

test('permission requests are denied', async ({ appPage }) => {
  const answers = await appPage.evaluate(async () => ({
    notifications: await Notification.requestPermission(),
    geolocation: (await navigator.permissions.query({ name: 'geolocation' })).state,
    camera: await navigator.mediaDevices.getUserMedia({ video: true }).then(
      () => 'granted',
      (e: Error) => e.name,
    ),
    clipboardRead: await navigator.clipboard.readText().then(
      () => 'granted',
      (e: Error) => e.name,
    ),
  }));
  expect(answers.notifications).toBe('denied');
  expect(answers.geolocation).toBe('denied');
  expect(answers.camera).not.toBe('granted');
  expect(answers.clipboardRead).not.toBe('granted');
});

test('the network is unreachable from the page', async ({ appPage }) => {
  const outcome = await appPage.evaluate(() =>
    fetch('https://example.com/').then(
      () => 'reached',
      () => 'blocked',
    ),
  );
  expect(outcome).toBe('blocked');
});

test('bad IPC calls get typed errors and main keeps serving', async ({ appPage, userDataDir }) => {
  const results = await appPage.evaluate(async () => {
    const api = (window as unknown as BridgedWindow).marginalia;
    const huge = 'x'.repeat(10 * 1024 * 1024);
    return {
      traversal: await api.readBackup('../../../etc/passwd'),
      hugeName: await api.saveExport({ suggestedName: huge, content: '' }),
      wrongType: await api.writeBackup({ content: 1, keep: 'all', reason: 'x' } as never),
      proto: await api.writeBackup(
        JSON.parse('{"content":"","keep":1,"reason":"manual","__proto__":{"a":1}}'),
      ),
      // No function of the bridge takes a path or a File for main to read.
      dropChannel: typeof (api as unknown as Record<string, unknown>).readDroppedFiles,
      info: await api.getAppInfo(),
    };
  });
  expect(results.traversal).toMatchObject({ ok: false });
  expect(results.hugeName).toMatchObject({ ok: false });
  expect(JSON.stringify(results.hugeName).length).toBeLessThan(1000);
  expect(results.wrongType).toMatchObject({ ok: false });
  expect(results.proto).toMatchObject({ ok: false });
  expect(results.dropChannel).toBe('undefined');
  expect(results.info).toMatchObject({ ok: true, value: { shell: 'electron', dataFolder: userDataDir } });
});

test('menu commands reach the page as bare commands, and unsubscribing works', async ({
  electronApp,
  appPage,
}) => {
  await appPage.evaluate(() => {
    const seen: unknown[][] = [];
    (window as unknown as { seen: unknown[][] }).seen = seen;
    const off = (window as unknown as BridgedWindow).marginalia.onMenuCommand((...args: unknown[]) => {
      seen.push(args);
      off();
    });
  });
  const click = (label: string) =>
    electronApp.evaluate(({ Menu }, wanted) => {
      const find = (items: Electron.MenuItem[]): Electron.MenuItem | undefined =>
        items.map((i) => (i.label === wanted ? i : find(i.submenu?.items ?? []))).find(Boolean);
      find(Menu.getApplicationMenu()?.items ?? [])?.click();
    }, label);
  await click('Export…');
  await click('Toggle Sidebar');
  await expect
    .poll(() => appPage.evaluate(() => (window as unknown as { seen: unknown[][] }).seen))
    .toEqual([['export']]);
});
