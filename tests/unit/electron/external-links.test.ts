import { describe, expect, it } from 'vitest';

import { allowedExternalUrl, EXTERNAL_LINK_HOSTS } from '../../../electron/external-links';

describe('allowedExternalUrl', () => {
  it('has a small, exact allowlist', () => {
    expect(EXTERNAL_LINK_HOSTS.length).toBeLessThanOrEqual(5);
    for (const host of EXTERNAL_LINK_HOSTS) expect(host).toMatch(/^[a-z0-9.-]+$/);
  });

  it.each([
    ['https://github.com/', 'https://github.com/'],
    ['https://github.com/some/repo#readme', 'https://github.com/some/repo#readme'],
    ['HTTPS://GITHUB.COM/a', 'https://github.com/a'],
    ['https://jsonlines.org/', 'https://jsonlines.org/'],
    ['https://github.com:443/x', 'https://github.com/x'],
  ])('opens %s as %s', (raw, expected) => expect(allowedExternalUrl(raw)).toBe(expected));

  it.each([
    'http://github.com/',
    'https://github.com.evil.com/',
    'https://evilgithub.com/',
    'https://gist.github.com/',
    'https://github.com./',
    'https://user:pass@github.com/',
    'https://user@github.com/',
    'https://github.com:8443/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,hi',
    'smb://github.com/share',
    'ms-msdt:/id PCWDiagnostic',
    'app://marginalia/index.html',
    '//github.com/',
    'github.com',
    '',
    `https://github.com/${'a'.repeat(10 * 1024 * 1024)}`,
  ])('refuses %s', (raw) => expect(allowedExternalUrl(raw)).toBeNull());

  it.each([null, undefined, 1, {}, ['https://github.com/']])('refuses non-strings (%j)', (raw) =>
    expect(allowedExternalUrl(raw)).toBeNull(),
  );

  it('matches punycode hosts exactly, so look-alike Unicode hosts do not pass', () => {
    expect(allowedExternalUrl('https://gіthub.com/')).toBeNull(); // Cyrillic і
  });
});
