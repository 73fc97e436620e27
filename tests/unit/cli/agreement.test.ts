import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { computeAgreement } from '../../../renderer/src/core/agreement/report';
import { loadSeeds, nativeExport, twoAnnotators } from '../../shared/agreement-data';

const ROOT = join(__dirname, '../../..');
const BIN = join(ROOT, 'bin', 'marginalia.mjs');

function marginalia(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, 'agreement', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const seeds = loadSeeds(ROOT);
const { alice, ben } = twoAnnotators(seeds);
const dir = mkdtempSync(join(tmpdir(), 'marginalia-agreement-'));
const files = { alice: join(dir, 'alice.jsonl'), ben: join(dir, 'ben.jsonl'), both: join(dir, 'both.jsonl') };
writeFileSync(files.alice, nativeExport(seeds, 'alice', alice));
writeFileSync(files.ben, nativeExport(seeds, 'ben', ben));
writeFileSync(files.both, nativeExport(seeds, 'alice', alice) + nativeExport(seeds, 'ben', ben));

/** The same study, computed in process by the core (what the app's worker computes). */
function expected(labels?: string[]) {
  const spans = [
    ...[...alice].flatMap(([doc, list]) => list.map((s) => ({ ...s, doc, annotator: 'alice' }))),
    ...[...ben].flatMap(([doc, list]) => list.map((s) => ({ ...s, doc, annotator: 'ben' }))),
  ];
  return computeAgreement(
    { documents: seeds.map((d) => ({ id: d.id, text: d.text })), annotators: ['alice', 'ben'], spans },
    labels ? { labels } : {},
  );
}

describe('marginalia agreement', () => {
  it('--format json prints the fixture structure, equal to computeAgreement over the same data', () => {
    const r = marginalia(['--format', 'json', files.alice, files.ben]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(out).sort()).toEqual(
      [
        'annotators',
        'documents',
        'n_spans',
        'n_tokens',
        'span',
        'token',
        'token_extra',
        'unitizing',
        'links',
        'warnings',
      ].sort(),
    );
    const want = expected();
    expect(out['span']).toEqual(want.span);
    expect(out['token']).toEqual(want.token);
    expect(out['token_extra']).toEqual(want.token_extra);
    expect(out['unitizing']).toEqual(want.unitizing);
    expect(out['n_tokens']).toBe(want.n_tokens);
    expect(out['n_spans']).toEqual(want.n_spans);
    expect(out['annotators']).toEqual(['alice', 'ben']);
    expect(out['documents']).toEqual(seeds.map((d) => d.id));
    expect(out['warnings']).toEqual([]);
    expect(Object.keys((out['span'] as { exact: { pairs: object } }).exact.pairs)).toEqual(['alice|ben']);
  });

  it('one file with both annotators gives the same figures; --labels restricts the study', () => {
    const one = JSON.parse(marginalia(['--format=json', files.both]).stdout) as Record<string, unknown>;
    const two = JSON.parse(marginalia(['--format=json', files.alice, files.ben]).stdout) as Record<
      string,
      unknown
    >;
    expect(one).toEqual(two);
    const some = JSON.parse(marginalia(['--format', 'json', '--labels', 'claim,quote', files.both]).stdout);
    expect(some.token).toEqual(expected(['claim', 'quote']).token);
    expect(Object.keys(some.span.exact.per_label)).toEqual(['claim', 'quote']);
  });

  it('a document counts when its line exists even without spans; a missing line is left out and warned', () => {
    const empty = join(dir, 'carol.jsonl');
    writeFileSync(empty, nativeExport(seeds.slice(0, 2), 'carol', new Map()));
    const r = marginalia(['--format', 'json', files.alice, files.ben, empty]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.documents).toEqual(seeds.slice(0, 2).map((d) => d.id));
    expect(out.n_spans.carol).toBe(0);
    expect(out.warnings).toHaveLength(3);
    expect(out.warnings[0]).toMatch(/left out: no annotation by carol/);
  });

  it('the table names every figure, n/a with its reason', () => {
    const r = marginalia([files.alice, files.ben]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Krippendorff's α \(tokens\) +-?\d\.\d{3}/);
    expect(r.stdout).toMatch(/alice\|ben/);
  });

  it('bad input: exit 2 with a clear message', () => {
    const missing = marginalia([join(dir, 'nope.jsonl'), files.ben]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/nope\.jsonl: cannot read the file/);
    const one = marginalia([files.alice]);
    expect(one.status).toBe(2);
    expect(one.stderr).toMatch(/at least two annotators; the files name only "alice"/);
    const tampered = join(dir, 'tampered.jsonl');
    const line = JSON.parse(nativeExport(seeds.slice(0, 1), 'ben', ben).trim());
    writeFileSync(tampered, `${JSON.stringify({ ...line, text: `${line.text} edited` })}\n`);
    const mismatch = marginalia([files.alice, tampered]);
    expect(mismatch.status).toBe(2);
    expect(mismatch.stderr).toMatch(/doc_id does not match the text/);
    const label = marginalia(['--labels', 'claim,rumour', files.alice, files.ben]);
    expect(label.status).toBe(2);
    expect(label.stderr).toMatch(/Unknown label\(s\) in --labels: rumour/);
  });
});
