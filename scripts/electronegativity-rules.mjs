// What scripts/electronegativity.mjs accepts, and why. Each suppression names one check, the files it
// applies to, and the reason the finding is reviewed and safe. A suppression without a reason is a bug
// (tests/unit/electron/electronegativity-rules.test.ts enforces it).

export const SUPPRESSIONS = [
  {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    file: /(^|\/)(electron\/security\.ts|dist\/electron\/main\.js)$/,
    reason:
      'shell.openExternal only receives the output of allowedExternalUrl(): https, default port, no ' +
      'credentials, exact host allowlist (electron/external-links.ts, unit-tested).',
  },
  {
    check: 'PRELOAD_JS_CHECK',
    file: /(^|\/)electron\/window\.ts$/,
    reason:
      'The preload exposes exactly API_KEYS as named functions through contextBridge, never ipcRenderer ' +
      'or the IPC event; tests/electron/security.spec.ts pins the key list, and main validates every call.',
  },
];

/** Staged next to the real files on every run; its findings prove the scan looked at files at all. */
export const CANARY_SOURCE = `const { BrowserWindow } = require('electron');
new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });
`;

export function isCanary(finding) {
  return /(^|\/)canary\/canary\.js$/.test(finding.filename ?? '');
}

/** Electronegativity's CSV: a header line, then quoted or bare fields (RFC 4180 quoting). */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else field += c;
  }
  if (field !== '' || row.length > 0) endRow();
  const [header = [], ...body] = rows.filter((r) => r.some((v) => v.trim() !== ''));
  const keys = header.map((h) => h.trim());
  return body.map((r) => Object.fromEntries(keys.map((k, i) => [k, (r[i] ?? '').trim()])));
}
