import { describe, expect, it } from 'vitest';

import { contentSecurityPolicy } from '../../../electron/csp';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe.each([true, false])('contentSecurityPolicy({ meta: %s })', (meta) => {
  const policy = contentSecurityPolicy({ meta });
  const parsed = directives(policy);

  it('allows scripts only from the app itself', () => {
    expect(parsed.get('script-src')).toEqual(["'self'"]);
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toContain('unsafe-hashes');
    expect(policy).not.toContain('strict-dynamic');
  });

  it('names nothing remote but a team server (HTTPS, or plain HTTP on this machine)', () => {
    for (const [name, values] of parsed) {
      if (name === 'connect-src') continue;
      expect(values.join(' '), name).not.toMatch(/https?:|wss?:|\*/);
      for (const v of values) expect(["'self'", "'none'", 'data:', 'blob:']).toContain(v);
    }
    expect(parsed.get('connect-src')).toEqual([
      "'self'",
      'https:',
      'http://127.0.0.1:*',
      'http://localhost:*',
    ]);
    expect(policy).not.toMatch(/wss?:/);
  });

  it('locks the rest down', () => {
    expect(parsed.get('default-src')).toEqual(["'self'"]);
    expect(parsed.get('object-src')).toEqual(["'none'"]);
    expect(parsed.get('base-uri')).toEqual(["'none'"]);
    expect(parsed.get('form-action')).toEqual(["'none'"]);
  });

  it('has no quotes or newlines that could break out of the meta attribute or header', () => {
    expect(policy).not.toMatch(/["\n\r<>]/);
  });
});

describe('header-only directives', () => {
  it('sends frame-ancestors only as a header (browsers ignore it in <meta>)', () => {
    expect(contentSecurityPolicy({ meta: false })).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy({ meta: true })).not.toContain('frame-ancestors');
  });
});
