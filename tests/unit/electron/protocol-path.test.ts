import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { resolveAppPath } from '../../../electron/protocol-path';

const root = path.resolve('/opt/marginalia/dist/renderer');

describe('resolveAppPath', () => {
  it.each([
    ['app://marginalia/', 'index.html', 'text/html; charset=utf-8'],
    ['app://marginalia/index.html', 'index.html', 'text/html; charset=utf-8'],
    ['app://marginalia/assets/index-abc.js', 'assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['app://marginalia/assets/app.CSS?v=1#x', 'assets/app.CSS', 'text/css; charset=utf-8'],
    ['app://marginalia/assets/a%20b.woff2', 'assets/a b.woff2', 'font/woff2'],
    ['app://marginalia/assets/worker.mjs', 'assets/worker.mjs', 'text/javascript; charset=utf-8'],
  ])('serves %s from the renderer folder', (url, relative, mimeType) => {
    expect(resolveAppPath(url, root)).toEqual({ ok: true, file: path.join(root, relative), mimeType });
  });

  it.each([
    'app://marginalia/..%2f..%2fpackage.json',
    'app://marginalia/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd.txt',
  ])('refuses the encoded traversal %s', (url) =>
    expect(resolveAppPath(url, root)).toEqual({ ok: false, status: 403 }),
  );

  it.each([
    // The URL parser folds %2e%2e segments itself, so these land inside the root.
    ['app://marginalia/%2e%2e/%2e%2e/package.json', 'package.json'],
    ['app://marginalia/%2fetc%2fpasswd.txt', 'etc/passwd.txt'],
  ])('keeps %s inside the root', (url, relative) => {
    expect(resolveAppPath(url, root)).toMatchObject({ ok: true, file: path.join(root, relative) });
  });

  it.each([
    ['app://marginalia/%5c..%5c..%5csecret.txt', 400],
    ['app://marginalia/a%00.html', 400],
    ['app://marginalia/%E0%A4%A', 400],
    ['app://other/index.html', 403],
    ['https://marginalia/index.html', 403],
    ['app://marginalia/secret.pem', 404],
    ['app://marginalia/no-extension', 404],
  ] as const)('answers %s with %i', (url, status) => {
    expect(resolveAppPath(url, root)).toEqual({ ok: false, status });
  });

  it('never resolves outside the root, whatever the encoding', () => {
    const parts = ['..', '%2e%2e', '%2E%2e', '.%2e', '%2f', '/', 'a', 'index.html'];
    for (const a of parts) {
      for (const b of parts) {
        for (const c of parts) {
          const result = resolveAppPath(`app://marginalia/${a}/${b}/${c}`, root);
          if (result.ok) expect(path.relative(root, result.file).startsWith('..')).toBe(false);
        }
      }
    }
  });
});
