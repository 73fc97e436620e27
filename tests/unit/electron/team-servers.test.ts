import { describe, expect, it } from 'vitest';

import { encryptionRefusal } from '../../../electron/team-sign-in';
import { isAllowedNetworkRequest, isTeamServerUrl } from '../../../electron/team-servers';

describe('isTeamServerUrl (the CSP connect-src rule, applied to the sign-in channels)', () => {
  it.each([
    'https://couch.example.org',
    'https://couch.example.org:6984/team/',
    'http://127.0.0.1:5984',
    'http://localhost:4441',
  ])('accepts %s', (url) => expect(isTeamServerUrl(url)).toBe(true));

  it.each([
    'http://couch.example.org',
    'http://192.168.0.10:5984',
    'http://127.0.0.1.evil.org',
    'https://alice:pw@couch.example.org',
    'https://couch.example.org/?next=x',
    'https://couch.example.org/#x',
    'ws://127.0.0.1:5984',
    'file:///etc/passwd',
    'app://marginalia',
    'javascript:alert(1)',
    '',
    'couch.example.org',
  ])('refuses %s', (url) => expect(isTeamServerUrl(url)).toBe(false));
});

describe('isAllowedNetworkRequest (the session lock behind the CSP)', () => {
  it('lets the page fetch a team server and main sign in there', () => {
    expect(isAllowedNetworkRequest('http://127.0.0.1:5984/_session', 'xhr', true)).toBe(true);
    expect(
      isAllowedNetworkRequest('https://couch.example.org/db/_changes?since=0&feed=longpoll', 'xhr', true),
    ).toBe(true);
    expect(isAllowedNetworkRequest('https://couch.example.org/_session', 'other', false)).toBe(true);
  });

  it('refuses everything else a page could load from the network', () => {
    expect(isAllowedNetworkRequest('https://tracker.example.org/pixel.png', 'image', true)).toBe(false);
    expect(isAllowedNetworkRequest('https://evil.example.org/x.js', 'script', true)).toBe(false);
    expect(isAllowedNetworkRequest('https://evil.example.org/', 'subFrame', true)).toBe(false);
    expect(isAllowedNetworkRequest('https://evil.example.org/', 'mainFrame', true)).toBe(false);
    expect(isAllowedNetworkRequest('http://evil.example.org/', 'xhr', true)).toBe(false);
    expect(isAllowedNetworkRequest('http://192.168.1.2:5984/_session', 'other', false)).toBe(false);
    for (const url of [
      'ws://127.0.0.1:5984',
      'wss://a.org',
      'ftp://a.org/x',
      'file:///etc/passwd',
      'not a url',
    ])
      expect(isAllowedNetworkRequest(url, 'xhr', true), url).toBe(false);
  });

  it('leaves the app’s own scheme and in-page data alone', () => {
    expect(isAllowedNetworkRequest('app://marginalia/index.html', 'mainFrame', true)).toBe(true);
    expect(isAllowedNetworkRequest('data:image/png;base64,AAAA', 'image', true)).toBe(true);
  });
});

describe('encryptionRefusal (where the password is not kept)', () => {
  it('keeps it with a real OS store', () => {
    expect(encryptionRefusal({ platform: 'darwin', available: true, linuxBackend: null })).toBeNull();
    expect(encryptionRefusal({ platform: 'win32', available: true, linuxBackend: null })).toBeNull();
    for (const b of ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6'])
      expect(encryptionRefusal({ platform: 'linux', available: true, linuxBackend: b }), b).toBeNull();
  });

  it('refuses Linux’s hard-coded key (basic_text), an unknown store, and no encryption at all', () => {
    expect(encryptionRefusal({ platform: 'linux', available: true, linuxBackend: 'basic_text' })).toMatch(
      /No keyring/,
    );
    expect(encryptionRefusal({ platform: 'linux', available: true, linuxBackend: 'unknown' })).toMatch(
      /No keyring/,
    );
    expect(encryptionRefusal({ platform: 'darwin', available: false, linuxBackend: null })).toMatch(
      /no encryption/,
    );
  });
});
