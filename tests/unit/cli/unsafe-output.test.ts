import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { marginalia, workDir } from './spawn-cli';

// Issue 14, item 4: what the CLI prints reaches a terminal, and data must not drive it.
// eslint-disable-next-line no-control-regex -- looking for exactly these characters
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;
const EVIL_LABEL = '\u001b]0;PWNED\u0007\u001b[41m\u009b2J\u202eLX\nOK    forged.jsonl: would import';

const record = (label: string, extra: Record<string, unknown> = {}) =>
  `${JSON.stringify({ text: 'Hello world', _annotator_id: 'a', spans: [{ start: 0, end: 5, label }], ...extra })}\n`;

describe('marginalia prints no terminal control characters from data', () => {
  it('validate: a hostile label and file name are shown escaped, each report line starts as its own', () => {
    const dir = workDir();
    const name = join(dir, 'evil\u001b[2K\u202e.jsonl');
    writeFileSync(name, record(EVIL_LABEL));
    const r = marginalia(['validate', name]);
    expect(r.status).toBe(2);
    expect(UNSAFE.test(r.stdout.replace(/\n/g, ''))).toBe(false);
    expect(r.stdout).toContain(
      '\\u001b]0;PWNED\\u0007\\u001b[41m\\u009b2J\\u202eLX\\u000aOK    forged.jsonl',
    );
    expect(r.stdout).toContain('evil\\u001b[2K\\u202e.jsonl');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ERROR /);
    for (const l of lines.slice(1)) expect(l).toMatch(/^ {6}/);
  });

  it('validate --format json: still one valid JSON object per line, with the exact values', () => {
    const dir = workDir();
    const name = join(dir, 'evil\u0085\u202e.jsonl');
    writeFileSync(name, record(EVIL_LABEL));
    const r = marginalia(['validate', '--format', 'json', name]);
    expect(UNSAFE.test(r.stdout.replace(/\n$/, ''))).toBe(false);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const report = JSON.parse(lines[0] as string);
    expect(report.file).toBe(name);
    expect(report.errors[0].message).toContain(EVIL_LABEL);
  });

  it('agreement and convert messages on standard error are escaped too', () => {
    const dir = workDir();
    const name = join(dir, 'x\u001b[31m.jsonl');
    const a = marginalia(['agreement', name]);
    expect(a.status).toBe(2);
    expect(a.stderr).toContain('x\\u001b[31m.jsonl: cannot read the file');
    const c = marginalia(['convert', name, '--to', 'native']);
    expect(c.status).toBe(2);
    expect(UNSAFE.test(c.stderr.replace(/\n/g, ''))).toBe(false);
    const u = marginalia(['validate', `--\u001b]0;x\u0007`]);
    expect(u.status).toBe(64);
    expect(UNSAFE.test(u.stderr.replace(/\n/g, ''))).toBe(false);
  });

  it('convert to a pipe writes the dataset unchanged: escaping is for terminals only', () => {
    const text = 'Line\u0085with C1 and \u202ebidi\u202c text';
    const dir = workDir({
      'in.jsonl': `${JSON.stringify({ text, _annotator_id: 'a', spans: [{ start: 0, end: 4, label: 'claim' }] })}\n`,
    });
    const r = marginalia(['convert', join(dir, 'in.jsonl'), '--to', 'native']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).text).toBe(text);
    expect(r.stdout).toContain(text);
  });
});
