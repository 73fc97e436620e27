import { describe, expect, it } from 'vitest';

import {
  CANARY_SOURCE,
  isCanary,
  parseCsv,
  SUPPRESSIONS,
} from '../../../scripts/electronegativity-rules.mjs';

describe('Electronegativity suppressions', () => {
  it('each has a check, a file pattern and a written reason', () => {
    for (const s of SUPPRESSIONS) {
      expect(s.check).toMatch(/^[A-Z_]+_CHECK$/);
      expect(s.file).toBeInstanceOf(RegExp);
      expect(s.reason.length, s.check).toBeGreaterThan(40);
    }
  });

  it('never blanket-suppresses the checks that guard the hardening itself', () => {
    const never = [
      'CONTEXT_ISOLATION_JS_CHECK',
      'NODE_INTEGRATION_JS_CHECK',
      'SANDBOX_JS_CHECK',
      'WEB_SECURITY_JS_CHECK',
      'LIMIT_NAVIGATION_GLOBAL_CHECK',
      'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
      'CSP_GLOBAL_CHECK',
    ];
    for (const s of SUPPRESSIONS) expect(never).not.toContain(s.check);
  });
});

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and bare N/A', () => {
    const text =
      'issue, severity, filename, sample\n' +
      'A_CHECK,"MEDIUM","x.ts","f(a, ""b"")"\n' +
      'B_CHECK,"LOW",N/A,N/A\r\n';
    expect(parseCsv(text)).toEqual([
      { issue: 'A_CHECK', severity: 'MEDIUM', filename: 'x.ts', sample: 'f(a, "b")' },
      { issue: 'B_CHECK', severity: 'LOW', filename: 'N/A', sample: 'N/A' },
    ]);
  });
});

describe('canary', () => {
  it('is insecure on purpose and recognised only by its staged path', () => {
    expect(CANARY_SOURCE).toContain('nodeIntegration: true');
    expect(isCanary({ filename: 'canary/canary.js' })).toBe(true);
    expect(isCanary({ filename: 'electron/canary.js' })).toBe(false);
    expect(isCanary({})).toBe(false);
  });
});
