import { describe, expect, it } from 'vitest';

import { CHANNELS } from '../../../electron/ipc-contract';
import { ARG_SCHEMAS, type Channel, describeIssues, LIMITS } from '../../../electron/ipc/schemas';

const TEN_MB = 'x'.repeat(10 * 1024 * 1024);
const abs = process.platform === 'win32' ? 'C:\\Users\\a\\' : '/home/a/';
const STREAM = '0123456789abcdef01234567';
const backup = 'marginalia-backup-2025-01-02T03-04-05-678Z-interval.jsonl';
const SIGN_IN = { serverUrl: 'https://couch.example.org/team', user: 'alice', password: 'pw 1 ü' };

/** A valid argument list per channel: each bad case below is one mutation of it. */
const VALID: Record<Channel, unknown[]> = {
  [CHANNELS.saveExport]: [{ suggestedName: 'marginalia-alice.jsonl', content: '{"a":1}\n' }],
  [CHANNELS.openImportFiles]: [],
  [CHANNELS.getAppInfo]: [],
  [CHANNELS.writeBackup]: [{ content: '', keep: 10, reason: 'interval' }],
  [CHANNELS.listBackups]: [],
  [CHANNELS.readBackup]: [backup],
  [CHANNELS.openExportStream]: ['marginalia-alice.jsonl'],
  [CHANNELS.writeExportStream]: [STREAM, '{"a":1}\n'],
  [CHANNELS.finishExportStream]: [STREAM],
  [CHANNELS.abortExportStream]: [STREAM],
  [CHANNELS.rememberTeamSignIn]: [SIGN_IN],
  [CHANNELS.signInAgain]: [],
  [CHANNELS.forgetTeamSignIn]: [],
};

const protoPayload = (json: string): unknown => JSON.parse(json);

const BAD: Record<Channel, unknown[][]> = {
  [CHANNELS.saveExport]: [
    [],
    [null],
    ['a string'],
    [{ suggestedName: 'a.jsonl' }],
    [{ suggestedName: 1, content: '' }],
    [{ suggestedName: 'a.jsonl', content: 42 }],
    [{ suggestedName: 'a.jsonl', content: new Uint16Array(3) }],
    [{ suggestedName: TEN_MB, content: '' }],
    [{ suggestedName: '', content: '' }],
    [{ suggestedName: '../../.bashrc', content: '' }],
    [{ suggestedName: 'a/b.jsonl', content: '' }],
    [{ suggestedName: 'a\\b.jsonl', content: '' }],
    [{ suggestedName: 'a\u0000.jsonl', content: '' }],
    [{ suggestedName: '..', content: '' }],
    [{ suggestedName: 'con:', content: '' }],
    [{ suggestedName: 'a.jsonl', content: '', extra: true }],
    [protoPayload('{"suggestedName":"a.jsonl","content":"","__proto__":{"polluted":true}}')],
    [protoPayload('{"suggestedName":"a.jsonl","content":"","constructor":{"prototype":{"p":1}}}')],
    [{ suggestedName: 'a.jsonl', content: '' }, 'extra argument'],
    [['a.jsonl', '']],
  ],
  [CHANNELS.openImportFiles]: [[undefined], ['/etc/passwd'], [{}], ['export'], ['restore', 'extra']],
  [CHANNELS.getAppInfo]: [[1], [TEN_MB]],
  [CHANNELS.writeBackup]: [
    [],
    [{ content: '', keep: 10 }],
    [{ content: '', keep: 10, reason: 'whenever' }],
    [{ content: '', keep: 0, reason: 'manual' }],
    [{ content: '', keep: 1.5, reason: 'manual' }],
    [{ content: '', keep: LIMITS.keepBackups + 1, reason: 'manual' }],
    [{ content: '', keep: '10', reason: 'manual' }],
    [{ content: '', keep: Number.NaN, reason: 'manual' }],
    [{ content: null, keep: 10, reason: 'manual' }],
    [{ content: '', keep: 10, reason: TEN_MB }],
    [protoPayload('{"content":"","keep":10,"reason":"manual","__proto__":{"isAdmin":true}}')],
  ],
  [CHANNELS.listBackups]: [[null], ['x']],
  // A streamed export names its file only through the dialog, and its stream only by main's id.
  [CHANNELS.openExportStream]: [
    [],
    ['../../.bashrc'],
    [abs + 'x.jsonl'],
    [TEN_MB],
    [{ suggestedName: 'a.jsonl' }],
  ],
  [CHANNELS.writeExportStream]: [
    [STREAM],
    ['../x', 'text'],
    [STREAM.toUpperCase(), 'text'],
    [STREAM, 42],
    [STREAM, new Uint8Array(3)],
    [STREAM, 'x'.repeat(LIMITS.streamPieceChars + 1)],
    [STREAM, 'text', 'extra'],
  ],
  [CHANNELS.finishExportStream]: [[], [abs], [`${STREAM}0`], [1]],
  [CHANNELS.abortExportStream]: [[], [abs], [null]],
  // The password goes only where plain text never crosses the network, and main alone picks the
  // server it is sent to again (signInAgain takes no argument).
  [CHANNELS.rememberTeamSignIn]: [
    [],
    [null],
    [{ ...SIGN_IN, serverUrl: 'http://couch.example.org' }],
    [{ ...SIGN_IN, serverUrl: 'http://192.168.1.5:5984' }],
    [{ ...SIGN_IN, serverUrl: 'https://bob:pw@couch.example.org' }],
    [{ ...SIGN_IN, serverUrl: 'https://couch.example.org/?x=1' }],
    [{ ...SIGN_IN, serverUrl: 'file:///etc/passwd' }],
    [{ ...SIGN_IN, serverUrl: 'javascript:alert(1)' }],
    [{ ...SIGN_IN, serverUrl: `https://a.org/${'x'.repeat(3000)}` }],
    [{ ...SIGN_IN, serverUrl: 'not a url' }],
    [{ ...SIGN_IN, user: '' }],
    [{ ...SIGN_IN, user: 'al\nice' }],
    [{ ...SIGN_IN, user: TEN_MB }],
    [{ ...SIGN_IN, password: '' }],
    [{ ...SIGN_IN, password: TEN_MB }],
    [{ ...SIGN_IN, password: 42 }],
    [{ ...SIGN_IN, role: 'lead' }],
    [protoPayload('{"serverUrl":"https://a.org","user":"a","password":"p","__proto__":{"x":1}}')],
    [SIGN_IN, 'extra'],
  ],
  [CHANNELS.signInAgain]: [['https://evil.example.org'], [SIGN_IN], [null]],
  [CHANNELS.forgetTeamSignIn]: [['alice'], [{}]],
  [CHANNELS.readBackup]: [
    [],
    [42],
    [null],
    ['../../../etc/passwd'],
    [`../backups/${backup}`],
    [`${backup}/../../x`],
    ['marginalia-backup-2025-01-02T03-04-05-678Z-interval.jsonl.exe'],
    ['marginalia-backup-.jsonl'],
    [`${backup}\u0000`],
    [TEN_MB],
    [{ name: backup }],
    [backup, backup],
  ],
};

describe.each(Object.keys(ARG_SCHEMAS) as Channel[])('%s', (channel) => {
  const schema = ARG_SCHEMAS[channel];

  it('accepts a well-formed call', () => {
    expect(schema.safeParse(VALID[channel]).success).toBe(true);
    if (channel === CHANNELS.openImportFiles) {
      // The dialog's purpose (issue 19 review: the restore dialog said "Import").
      expect(schema.safeParse(['import']).success).toBe(true);
      expect(schema.safeParse(['restore']).success).toBe(true);
    }
  });

  it.each(BAD[channel].map((args, i) => [i, args] as const))('refuses malformed call #%i', (_i, args) => {
    const result = schema.safeParse(args);
    expect(result.success).toBe(false);
    if (!result.success) expect(describeIssues(result.error).length).toBeLessThanOrEqual(301);
  });

  it('refuses arguments that are not an argument list', () => {
    for (const args of [undefined, null, 'x', 1, {}, TEN_MB])
      expect(schema.safeParse(args).success).toBe(false);
  });
});

describe('no channel reads a path the page names (issue 14)', () => {
  // Main reads only what its own open dialog returned; the page reads dropped files itself.
  const paths = [`${abs}article.txt`, '/etc/passwd.txt', `${abs}.ssh/id_rsa.jsonl`];
  const shapes = (p: string): unknown[][] => [[p], [[p]], [{ path: p }], [{ paths: [p] }], [[p], p]];

  it('every channel refuses a path in any shape of argument', () => {
    for (const channel of Object.keys(ARG_SCHEMAS) as Channel[])
      for (const p of paths)
        for (const args of shapes(p))
          expect(ARG_SCHEMAS[channel].safeParse(args).success, `${channel} ${JSON.stringify(args)}`).toBe(
            false,
          );
  });

  it('the channels are exactly these (a new one needs a look at what it reads)', () => {
    expect(Object.values(CHANNELS).sort()).toEqual([
      'marginalia:export-stream-abort',
      'marginalia:export-stream-finish',
      'marginalia:export-stream-open',
      'marginalia:export-stream-write',
      'marginalia:get-app-info',
      'marginalia:list-backups',
      'marginalia:open-import-files',
      'marginalia:read-backup',
      'marginalia:save-export',
      'marginalia:team-forget-sign-in',
      'marginalia:team-remember-sign-in',
      'marginalia:team-sign-in-again',
      'marginalia:write-backup',
    ]);
  });
});

describe('prototype safety', () => {
  it('never pollutes Object.prototype while validating', () => {
    ARG_SCHEMAS[CHANNELS.writeBackup].safeParse([
      protoPayload('{"content":"","keep":1,"reason":"manual","__proto__":{"polluted":true}}'),
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('returns fresh objects with only the known keys', () => {
    const parsed = ARG_SCHEMAS[CHANNELS.saveExport].parse(VALID[CHANNELS.saveExport]);
    expect(Object.keys(parsed[0]).sort()).toEqual(['content', 'suggestedName']);
  });
});

describe('describeIssues', () => {
  it('does not echo a 10 MB key back to the renderer', () => {
    const result = ARG_SCHEMAS[CHANNELS.saveExport].safeParse([
      { suggestedName: 'a.jsonl', content: '', [TEN_MB]: 1 },
    ]);
    expect(result.success).toBe(false);
    if (!result.success) expect(describeIssues(result.error).length).toBeLessThanOrEqual(301);
  });
});

describe('rememberTeamSignIn', () => {
  it('accepts plain HTTP on this machine only (the embedded server), and any HTTPS server', () => {
    const schema = ARG_SCHEMAS[CHANNELS.rememberTeamSignIn];
    for (const serverUrl of ['http://127.0.0.1:4441', 'http://localhost:5984', 'https://10.0.0.2:6984/couch'])
      expect(schema.safeParse([{ ...SIGN_IN, serverUrl }]).success, serverUrl).toBe(true);
  });
});

describe('limits', () => {
  it('allows whole-corpus exports but stays far below V8’s maximum string length', () => {
    expect(LIMITS.contentChars).toBeGreaterThanOrEqual(64 * 1024 * 1024);
    expect(LIMITS.contentChars).toBeLessThan(2 ** 29 - 24);
  });
});

describe('saveExport content', () => {
  it('accepts bytes (a zipped multi-file export) as well as text, and refuses other objects', () => {
    const schema = ARG_SCHEMAS[CHANNELS.saveExport];
    expect(
      schema.safeParse([{ suggestedName: 'brat.zip', content: new Uint8Array([80, 75, 3, 4]) }]).success,
    ).toBe(true);
    expect(schema.safeParse([{ suggestedName: 'brat.zip', content: [80, 75] }]).success).toBe(false);
    expect(schema.safeParse([{ suggestedName: 'brat.zip', content: { length: 2 } }]).success).toBe(false);
  });
});
