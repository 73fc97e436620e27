import { describe, expect, it } from 'vitest';

import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  isTrustedSender,
  isTrustedSenderUrl,
} from '../../../electron/trusted-origin';

describe('isTrustedSenderUrl', () => {
  it('pins the origin forever (IndexedDB is keyed by it)', () => {
    expect(APP_ORIGIN).toBe('app://marginalia');
    expect(APP_ENTRY_URL).toBe('app://marginalia/index.html');
  });

  it.each(['app://marginalia/index.html', 'app://marginalia/', 'app://marginalia/index.html?x=1#y'])(
    'accepts %s',
    (url) => expect(isTrustedSenderUrl(url)).toBe(true),
  );

  it.each([
    'https://marginalia/index.html',
    'file:///app/dist/renderer/index.html',
    'http://127.0.0.1:4173/',
    'app://evil/index.html',
    'app://marginalia.evil.com/',
    'app://marginalia:8080/',
    'app://user:pw@marginalia/',
    'app://user@marginalia/',
    'app://MARGINALIA/',
    'apps://marginalia/',
    'about:blank',
    'data:text/html,<script>1</script>',
    'javascript:alert(1)',
    'devtools://devtools/bundled/inspector.html',
    '',
    'not a url',
    `app://marginalia/${'a'.repeat(10 * 1024 * 1024)}`,
  ])('refuses %s', (url) => expect(isTrustedSenderUrl(url)).toBe(false));

  it.each([null, undefined, 42, {}, ['app://marginalia/'], { toString: () => 'app://marginalia/' }])(
    'refuses non-strings (%j)',
    (url) => expect(isTrustedSenderUrl(url)).toBe(false),
  );
});

describe('isTrustedSender', () => {
  it('accepts only our main frame', () => {
    expect(isTrustedSender({ url: APP_ENTRY_URL, isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: APP_ENTRY_URL, isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ url: 'https://example.com/', isMainFrame: true })).toBe(false);
  });

  it('refuses a destroyed frame', () => {
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});
