import { describe, expect, it } from 'vitest';

import { classifyStorageError, isFatalWriteError } from '../../../renderer/src/db/storage-errors';

const named = (name: string, message = '', extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(message), { name }, extra);

describe('classifyStorageError', () => {
  it('recognises a quota error directly, as the inner of an AbortError, and as a cause', () => {
    for (const e of [
      named('QuotaExceededError', 'The quota has been exceeded.'),
      named('AbortError', 'Transaction aborted', { inner: named('QuotaExceededError', 'q') }),
      named('Error', 'wrapped', { cause: named('AbortError', 'a', { inner: named('QuotaExceededError') }) }),
    ]) {
      const p = classifyStorageError(e);
      expect(p.kind).toBe('quota');
      expect(p.message).toMatch(/disk is full/);
      expect(p.message).toMatch(/Nothing already saved was changed/);
      expect(isFatalWriteError(p)).toBe(true);
    }
    expect(
      classifyStorageError(named('AbortError', 'x', { inner: named('QuotaExceededError', 'q') })).detail,
    ).toBe('QuotaExceededError: q');
  });

  it('reports I/O failures (Chromium UnknownError) in plain words and as fatal', () => {
    const p = classifyStorageError(
      named('AbortError', '', { inner: named('UnknownError', 'Internal error') }),
    );
    expect(p).toMatchObject({ kind: 'io', detail: 'UnknownError: Internal error' });
    expect(p.message).toMatch(/disk could not be written/);
  });

  it('tells newer-version and closed databases apart from other errors', () => {
    expect(classifyStorageError(named('VersionError')).kind).toBe('newer-version');
    expect(classifyStorageError(named('DatabaseClosedError')).kind).toBe('closed');
    const other = classifyStorageError(named('ConstraintError', 'Key already exists'));
    expect(other).toMatchObject({ kind: 'other' });
    expect(isFatalWriteError(other)).toBe(false);
    expect(classifyStorageError('a string').kind).toBe('other');
    expect(classifyStorageError(null).kind).toBe('other');
  });

  it('survives a cyclic wrapper', () => {
    const a: Record<string, unknown> = { name: 'AbortError' };
    a['inner'] = a;
    expect(classifyStorageError(a).kind).toBe('other');
  });
});
