import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../../..');
const BIN = join(ROOT, 'bin', 'marginalia.mjs');
const BAD = join(ROOT, 'tests', 'fixtures', 'import', 'bad');

function marginalia(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function workDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-cli-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const ARTICLE = '𝔘nicode 😀 test: the minister said 42 per cent.';
const PRODIGY = `${JSON.stringify({
  text: ARTICLE,
  _annotator_id: 'alice',
  spans: [
    { start: 0, end: 7, label: 'claim', text: '𝔘nicode' },
    { start: 10, end: 14, label: 'quote', note: 'check' },
  ],
})}\n`;

describe('marginalia validate', () => {
  it('exit 0 when every file would import; text report names the file', () => {
    const dir = workDir({ 'ok.jsonl': PRODIGY });
    const r = marginalia(['validate', join(dir, 'ok.jsonl')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/OK +.*ok\.jsonl \(spacy\): would import 1 document\(s\) and 2 span\(s\)\./);
  });

  it('exit 2 and one JSON object per file with --format json', () => {
    const dir = workDir({ 'ok.jsonl': PRODIGY });
    const r = marginalia([
      'validate',
      '--format',
      'json',
      join(dir, 'ok.jsonl'),
      join(BAD, 'bad-offsets.jsonl'),
      join(BAD, 'png-renamed.txt'),
    ]);
    expect(r.status).toBe(2);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toEqual({
      file: join(dir, 'ok.jsonl'),
      format: 'spacy',
      ok: true,
      documents: 1,
      spans: 2,
      errorCount: 0,
      warningCount: 0,
      errors: [],
      warnings: [],
      summary: [],
      labels: [],
      offers: [],
      relations: 0,
      links: 0,
    });
    expect(lines[1]).toMatchObject({ ok: false, documents: 0, spans: 0, format: 'articles', errorCount: 3 });
    expect(lines[1].errors[1]).toEqual({
      line: 1,
      field: 'spans[1].start',
      message: 'The start offset -3 is negative.',
    });
    expect(lines[2].errors).toEqual([
      {
        line: null,
        field: null,
        message: 'This file looks like a PNG image, not a text file, so it cannot be imported.',
      },
    ]);
  });

  it('brat .ann is read with its .txt; misuse exits 64', () => {
    const dir = workDir({
      'a.txt': 'Hello world\n',
      'a.ann': 'T1\tclaim 0 5\tHello\n#1\tAnnotatorNotes T1\tgreeting\n',
    });
    const r = marginalia(['validate', '--format', 'json', join(dir, 'a.ann')]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, documents: 1, spans: 1 });
    expect(marginalia(['validate']).status).toBe(64);
    expect(marginalia(['frobnicate']).status).toBe(64);
  });
});

describe('marginalia convert', () => {
  it('spaCy → native on stdout, offsets in code points', () => {
    const dir = workDir({ 'in.jsonl': PRODIGY });
    const r = marginalia(['convert', join(dir, 'in.jsonl'), '--to', 'native']);
    expect(r.status).toBe(0);
    const rec = JSON.parse(r.stdout);
    expect(rec).toMatchObject({ schema_version: 1, annotator: 'alice', text: ARTICLE });
    expect(rec.spans.map((s: { text: string }) => s.text)).toEqual(['𝔘nicode', 'test']);
  });

  it('native → native is byte-identical, through --out', () => {
    const dir = workDir({ 'in.jsonl': PRODIGY });
    const first = marginalia([
      'convert',
      join(dir, 'in.jsonl'),
      '--to',
      'native',
      '--out',
      join(dir, 'a.jsonl'),
    ]);
    expect(first.status).toBe(0);
    const second = marginalia([
      'convert',
      join(dir, 'a.jsonl'),
      '--to',
      'native',
      '--out',
      join(dir, 'b.jsonl'),
    ]);
    expect(second.status).toBe(0);
    expect(readFileSync(join(dir, 'b.jsonl'), 'utf8')).toBe(readFileSync(join(dir, 'a.jsonl'), 'utf8'));
  });

  it('every format; brat needs a directory, and a file without annotator needs --annotator', () => {
    const dir = workDir({
      'in.jsonl': PRODIGY,
      'plain.jsonl': `${JSON.stringify({ text: 'Hi there', label: [[0, 2, 'claim']] })}\n`,
    });
    for (const to of ['spacy', 'doccano', 'labelstudio', 'w3c', 'bio']) {
      const r = marginalia(['convert', join(dir, 'in.jsonl'), '--to', to]);
      expect(r.status, to).toBe(0);
      expect(r.stdout.length, to).toBeGreaterThan(0);
    }
    expect(marginalia(['convert', join(dir, 'in.jsonl'), '--to', 'brat']).status).toBe(64);
    const brat = marginalia(['convert', join(dir, 'in.jsonl'), '--to', 'brat', '--out', join(dir, 'brat')]);
    expect(brat.status).toBe(0);
    expect(readdirSync(join(dir, 'brat')).sort()).toHaveLength(3);
    expect(readFileSync(join(dir, 'brat', 'annotation.conf'), 'utf8')).toMatch(
      /\[entities\]\nclaim\nquote\nfigure\nspeculation\n/,
    );
    const missing = marginalia(['convert', join(dir, 'plain.jsonl'), '--to', 'native']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/--annotator NAME/);
    const named = marginalia(['convert', join(dir, 'plain.jsonl'), '--to', 'native', '--annotator', 'carol']);
    expect(JSON.parse(named.stdout).annotator).toBe('carol');
  });

  it('BIO: the counts of spans written and left out add up (issue 19 item 11)', () => {
    const line = JSON.stringify({
      text: 'The minister said 42 per cent.',
      annotator: 'alice',
      spans: [
        { start: 0, end: 30, label: 'claim' },
        { start: 18, end: 29, label: 'figure' },
        { start: 4, end: 12, label: 'quote' },
      ],
    });
    const dir = workDir({ 'in.jsonl': `${line}\n` });
    const r = marginalia(['convert', join(dir, 'in.jsonl'), '--to', 'bio', '--out', join(dir, 'out.conll')]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^2 span\(s\) could not be written in BIO/m);
    expect(r.stderr).toMatch(
      /^Wrote 1 document\(s\), 1 span\(s\) as bio to .*out\.conll \(2 of 3 could not be written\)\.$/m,
    );
  });

  it('--label-map and --unmapped: unknown labels once each with a hint; mapped, the file converts', () => {
    const line = JSON.stringify({
      text: 'Acme said 42 jobs go.',
      label: [
        [0, 4, 'ORG'],
        [10, 12, 'CARDINAL'],
        [10, 17, 'CARDINAL'],
      ],
    });
    const dir = workDir({ 'in.jsonl': `${line}\n`, 'map.json': '{"CARDINAL": "figure"}' });
    const bad = marginalia(['validate', join(dir, 'in.jsonl'), '--annotator', 'a']);
    expect(bad.status).toBe(2);
    expect(bad.stdout.match(/is not one of Marginalia's labels/g)).toHaveLength(2);
    expect(bad.stdout).toMatch(/"CARDINAL" \(2 spans\)/);
    expect(bad.stdout).toMatch(/--label-map FROM=TO/);
    const ok = marginalia([
      'convert',
      join(dir, 'in.jsonl'),
      '--to',
      'native',
      '--annotator',
      'a',
      '--label-map',
      `@${join(dir, 'map.json')}`,
      '--unmapped',
      'skip',
    ]);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).spans.map((s: { text: string }) => s.text)).toEqual(['42', '42 jobs']);
    expect(ok.stderr).toMatch(/1 span was left out because its label is mapped to skip: ORG \(1\)\./);
    const pairs = marginalia([
      'validate',
      '--format',
      'json',
      join(dir, 'in.jsonl'),
      '--annotator',
      'a',
      '--label-map',
      'CARDINAL=figure,ORG=skip',
    ]);
    expect(JSON.parse(pairs.stdout)).toMatchObject({ ok: true, spans: 2, format: 'doccano' });
    expect(marginalia(['validate', join(dir, 'in.jsonl'), '--label-map', 'ORG=person']).status).toBe(64);
  });

  it('refuses a bad input with its report and writes nothing', () => {
    const dir = workDir({});
    const r = marginalia([
      'convert',
      join(BAD, 'unknown-label.jsonl'),
      '--to',
      'native',
      '--out',
      join(dir, 'out.jsonl'),
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/The label "opinion"/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
