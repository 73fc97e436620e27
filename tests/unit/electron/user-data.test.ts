import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { USER_DATA_ENV, userDataOverride } from '../../../electron/user-data';

describe('userDataOverride', () => {
  it('an unpackaged run (tests, npm start) uses the folder the variable names, made absolute', () => {
    expect(userDataOverride({ [USER_DATA_ENV]: '/tmp/m-test' }, false)).toBe(path.resolve('/tmp/m-test'));
    expect(userDataOverride({ [USER_DATA_ENV]: 'rel/dir' }, false)).toBe(path.resolve('rel/dir'));
  });

  it('a packaged app ignores it: the user’s data stays in the default folder (issue 14)', () => {
    expect(userDataOverride({ [USER_DATA_ENV]: '/tmp/attacker-prepared' }, true)).toBeNull();
  });

  it('unset or empty keeps the default', () => {
    expect(userDataOverride({}, false)).toBeNull();
    expect(userDataOverride({ [USER_DATA_ENV]: '' }, false)).toBeNull();
  });
});
