import { describe, expect, it } from 'vitest';

import {
  checkTeamForm,
  roleInProject,
  syncErrorMessage,
  syncStateText,
} from '../../../../renderer/src/core/sync/team-config';

describe('Settings → Team form', () => {
  const form = { serverUrl: 'http://127.0.0.1:5984/', project: 'demo', user: 'alice', password: 'pw' };
  it('accepts a server, project and user as the team CLI names them', () => {
    expect(checkTeamForm(form)).toEqual({
      ok: true,
      value: { serverUrl: 'http://127.0.0.1:5984', project: 'demo', user: 'alice' },
    });
    expect(checkTeamForm({ ...form, serverUrl: 'https://couch.example.org/db-root' }).ok).toBe(true);
  });
  it('names the field of each problem', () => {
    const bad = (f: Partial<typeof form>) => {
      const r = checkTeamForm({ ...form, ...f });
      return r.ok ? '' : r.error;
    };
    expect(bad({ serverUrl: 'couch.example.org' })).toMatch(/^Server URL:/);
    expect(bad({ serverUrl: 'ftp://x' })).toMatch(/^Server URL:/);
    expect(bad({ project: 'Demo_1' })).toMatch(/^Project:/);
    expect(bad({ user: 'Alice Smith' })).toMatch(/^User name:/);
    expect(bad({ password: '' })).toMatch(/^Password:/);
  });
});

describe('role and state words', () => {
  it('reads the role from the session roles', () => {
    expect(roleInProject('demo', ['marginalia_demo_annotator'])).toBe('annotator');
    expect(roleInProject('demo', ['marginalia_demo_annotator', 'marginalia_demo_lead'])).toBe('lead');
    expect(roleInProject('demo', ['marginalia_other_lead'])).toBeNull();
  });
  it('says the header states in words', () => {
    expect(syncStateText({ kind: 'off' })).toBeNull();
    expect(syncStateText({ kind: 'synced' })).toBe('Synced');
    expect(syncStateText({ kind: 'syncing', progress: null })).toBe('Syncing…');
    expect(syncStateText({ kind: 'offline', waiting: 3 })).toBe('Offline — 3 changes waiting');
    expect(syncStateText({ kind: 'offline', waiting: 1 })).toBe('Offline — 1 change waiting');
    expect(syncStateText({ kind: 'error', message: 'x.' })).toBe('Sync error: x.');
  });
  it('says what to do for each failure', () => {
    const at = { serverUrl: 'http://s' };
    expect(syncErrorMessage({ kind: 'unauthorized', status: 401, reason: '' }, at)).toContain(
      'Sign in again in Settings → Team',
    );
    expect(syncErrorMessage({ kind: 'forbidden', status: 403, reason: 'no' }, at)).toContain(
      'may not write this project',
    );
    expect(
      syncErrorMessage(
        { kind: 'too_large', status: 413, reason: 'document_too_large' },
        { ...at, article: 'Prices' },
      ),
    ).toContain('"Prices"');
  });
});
