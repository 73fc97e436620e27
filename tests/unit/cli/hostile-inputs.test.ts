import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { MAX_IMPORT_FILE_BYTES as DESKTOP_LIMIT } from '../../../electron/ipc/handlers/read-files';
import { MAX_IMPORT_FILE_BYTES } from '../../../renderer/src/core/formats/import-limits';
import { marginalia, workDir } from './spawn-cli';

// Issue 14, item 5: every input gets one sentence and exit status 2, never a stack trace or a hang.
const GOOD = `${JSON.stringify({ text: 'Hello world', _annotator_id: 'a', spans: [{ start: 0, end: 5, label: 'claim' }] })}\n`;

/** Exactly one line on standard error, and no stack trace anywhere. */
function oneSentence(stderr: string): string {
  expect(stderr).not.toMatch(/\n\s+at |Error:|node:internal/);
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0] as string;
}

/** Every command, with the same unreadable input. */
function everyCommand(path: string) {
  return {
    validate: marginalia(['validate', path]),
    convert: marginalia(['convert', path, '--to', 'native']),
    agreement: marginalia(['agreement', path]),
  };
}

function expectRefused(path: string, why: RegExp): void {
  const { validate, convert, agreement } = everyCommand(path);
  expect(validate.status).toBe(2);
  expect(validate.stderr).toBe('');
  expect(validate.stdout.trimEnd()).toMatch(new RegExp(`^ERROR .*: cannot read the file: ${why.source}\\.$`));
  expect(convert.status).toBe(2);
  expect(oneSentence(convert.stderr)).toMatch(why);
  expect(agreement.status).toBe(2);
  expect(agreement.stderr).toMatch(why);
  expect(agreement.stderr).not.toMatch(/\n\s+at /);
}

describe('inputs that are not readable files', () => {
  it('a folder', () => {
    expectRefused(workDir(), /it is a folder/);
  });

  it('a missing file', () => {
    expectRefused(join(workDir(), 'nope.jsonl'), /it does not exist/);
  });

  it('a file over the import limit is refused by its size, before reading (sparse files)', () => {
    // One limit for every way in: the desktop shell keeps its own copy (it cannot import core).
    expect(MAX_IMPORT_FILE_BYTES).toBe(DESKTOP_LIMIT);
    const dir = workDir();
    const huge = join(dir, 'huge.jsonl');
    writeFileSync(huge, '');
    truncateSync(huge, 3 * 1024 ** 3);
    const started = Date.now();
    expectRefused(huge, /it is 3 GiB, over the import limit of 256 MiB/);
    const just = join(dir, 'just-over.jsonl');
    writeFileSync(just, '');
    truncateSync(just, MAX_IMPORT_FILE_BYTES + 1);
    const r = marginalia(['validate', '--format', 'json', just]);
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout).errors[0].message).toBe(
      'cannot read the file: it is 256.0 MiB, over the import limit of 256 MiB.',
    );
    // Reading 3 GiB (even of zeros) would take far longer than spawning the CLI four times.
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it('a FIFO is refused at once instead of hanging; /dev/zero is not read to exhaustion', () => {
    const dir = workDir();
    const fifo = join(dir, 'pipe.jsonl');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expectRefused(fifo, /it is not a regular file \(a pipe, device or socket\)/);
    expectRefused('/dev/zero', /it is not a regular file \(a pipe, device or socket\)/);
  });

  it('a brat .ann whose .txt beside it is a folder', () => {
    const dir = workDir({ 'a.ann': 'T1\tclaim 0 5\tHello\n' });
    mkdirSync(join(dir, 'a.txt'));
    const r = marginalia(['validate', join(dir, 'a.ann')]);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain(`ERROR ${join(dir, 'a.txt')}: cannot read the file: it is a folder.`);
  });
});

describe('convert --out', () => {
  it('an existing folder is refused in one sentence, and nothing is left in it', () => {
    const dir = workDir({ 'in.jsonl': GOOD });
    const out = join(dir, 'out');
    mkdirSync(out);
    const r = marginalia(['convert', join(dir, 'in.jsonl'), '--to', 'native', '--out', out]);
    expect(r.status).toBe(2);
    expect(oneSentence(r.stderr)).toBe(`--out ${out} is a folder: name the file to write.`);
    expect(readdirSync(out)).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['in.jsonl', 'out']);
  });

  it('brat: a file where the folder should be is refused; a folder in the way of one output leaves no temporary file and no output', () => {
    const dir = workDir({ 'in.jsonl': GOOD, 'file-not-folder': 'x' });
    const asFile = marginalia([
      'convert',
      join(dir, 'in.jsonl'),
      '--to',
      'brat',
      '--out',
      join(dir, 'file-not-folder'),
    ]);
    expect(asFile.status).toBe(2);
    expect(oneSentence(asFile.stderr)).toBe(
      `--out ${join(dir, 'file-not-folder')} exists and is not a folder.`,
    );
    const out = join(dir, 'brat');
    expect(marginalia(['convert', join(dir, 'in.jsonl'), '--to', 'brat', '--out', out]).status).toBe(0);
    const names = readdirSync(out).sort();
    // annotation.conf (brat's label configuration), the .ann and the .txt.
    expect(names).toHaveLength(3);
    expect(names[0]).toBe('annotation.conf');
    const ann = names.find((n) => n.endsWith('.ann')) as string;
    const txt = names.find((n) => n.endsWith('.txt')) as string;
    const before = readFileSync(join(out, txt), 'utf8');
    // The .ann's name is now taken by a folder: its rename would fail after the .txt was replaced.
    const ann2 = join(out, ann);
    rmSync(ann2);
    mkdirSync(ann2);
    writeFileSync(join(out, txt), 'old text');
    const r = marginalia(['convert', join(dir, 'in.jsonl'), '--to', 'brat', '--out', out]);
    expect(r.status).toBe(2);
    expect(oneSentence(r.stderr)).toBe(`Cannot write ${ann2}: a folder is in the way; nothing was written.`);
    expect(readdirSync(out).sort()).toEqual(names);
    expect(readFileSync(join(out, txt), 'utf8')).toBe('old text');
    expect(before).toBe('Hello world');
  });

  it('a path under a file cannot be created: one sentence', () => {
    const dir = workDir({ 'in.jsonl': GOOD, plain: 'x' });
    const r = marginalia([
      'convert',
      join(dir, 'in.jsonl'),
      '--to',
      'native',
      '--out',
      join(dir, 'plain', 'x.jsonl'),
    ]);
    expect(r.status).toBe(2);
    expect(oneSentence(r.stderr)).toMatch(
      /^Cannot write .*: (a folder in its path is a file|a file is in the way); nothing was written\.$/,
    );
    expect(readdirSync(dir).sort()).toEqual(['in.jsonl', 'plain']);
  });
});

describe('options', () => {
  it('unknown options are errors (exit 64) in every command, with the usage', () => {
    const dir = workDir({ 'in.jsonl': GOOD });
    const input = join(dir, 'in.jsonl');
    for (const args of [
      ['validate', input, '--bogus'],
      ['validate', '--formt', 'json', input],
      ['convert', input, '--to', 'native', '--ouput', join(dir, 'o.jsonl')],
      ['convert', input, '--to', 'native', '-o', join(dir, 'o.jsonl')],
      ['agreement', input, input, '--label', 'claim'],
    ]) {
      const r = marginalia(args);
      expect(r.status, args.join(' ')).toBe(64);
      expect(r.stderr.split('\n')[0], args.join(' ')).toMatch(
        /^Unknown option -{1,2}\w+( \(did you mean --[\w-]+\?\))?\.$/,
      );
      expect(r.stdout).toBe('');
    }
    expect(readdirSync(dir)).toEqual(['in.jsonl']);
    expect(marginalia(['validate', '--formt', 'json', input]).stderr).toMatch(/did you mean --format\?/);
  });
});
