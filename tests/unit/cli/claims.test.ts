import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { exportToStrings } from '../../../renderer/src/core/formats/export';
import type { ExportDataset, ExportLink } from '../../../renderer/src/core/formats/export-types';
import type { Relation } from '../../../renderer/src/core/links/link';
import type { Span } from '../../../renderer/src/core/model/span';
import { CodePointIndex } from '../../../renderer/src/core/text/code-points';
import { loadSeeds } from '../../shared/agreement-data';
import type { ClaimsJson } from '../../shared/claims-json';
import { marginalia, ROOT, workDir } from './spawn-cli';

/**
 * The seed articles' contradiction: one article says OpenAI keeps working with Scale AI, the others
 * that it winds the partnership down. Both annotators mark the same three claims; alice links the
 * two "winding down" claims as the same claim and the "continues" claim as contradicting the first,
 * ben makes the same same_claim link but contradicts the second.
 */
const seeds = loadSeeds(ROOT);
const SENTENCES = {
  keeps: 'OpenAI to continue working with Scale AI after Meta deal',
  endsA: 'OpenAI has ended its partnership with Scale AI following Meta’s acquisition of the data provider.',
  endsB: 'OpenAI is gradually ending its collaboration with Scale AI',
} as const;
type Which = keyof typeof SENTENCES;

function locate(which: Which) {
  const text = SENTENCES[which];
  const doc = seeds.find((d) => d.text.includes(text));
  if (!doc) throw new Error(`no seed holds ${text}`);
  const index = new CodePointIndex(doc.text);
  const start = index.toCodePoint(doc.text.indexOf(text));
  return { docId: doc.id, start, end: start + [...text].length };
}
const at = { keeps: locate('keeps'), endsA: locate('endsA'), endsB: locate('endsB') };

function dataset(annotator: string, links: [Relation, Which, Which][]): ExportDataset {
  const sets = seeds.map((doc) => ({
    docId: doc.id,
    annotator,
    status: 'done' as const,
    spans: (Object.keys(at) as Which[])
      .filter((w) => at[w].docId === doc.id)
      .map((w): Span => ({
        id: `${annotator}-${w}`,
        start: at[w].start,
        end: at[w].end,
        label: 'claim',
        note: '',
      })),
  }));
  const exportLinks = links.map(([relation, from, to], i): ExportLink => ({
    id: `${annotator}-l${i}`,
    annotator,
    relation,
    from: at[from],
    to: at[to],
    note: '',
  }));
  const documents = seeds.map((d, order) => ({
    ...d,
    length: [...d.text].length,
    source: 'seed',
    meta: {},
    order,
  }));
  return { documents, sets, links: exportLinks };
}

function nativeFile(data: ExportDataset): string {
  const out = exportToStrings(data, { format: 'native' });
  if (!out.ok) throw new Error(out.error.message);
  return out.value.files[0]?.text ?? '';
}

const dir = workDir({
  'alice.jsonl': nativeFile(
    dataset('alice', [
      ['same_claim', 'endsA', 'endsB'],
      ['contradicts', 'keeps', 'endsA'],
    ]),
  ),
  'ben.jsonl': nativeFile(
    dataset('ben', [
      ['same_claim', 'endsB', 'endsA'],
      ['contradicts', 'endsB', 'keeps'],
    ]),
  ),
});
const file = (name: string): string => join(dir, name);

type ClaimsOut = ClaimsJson;

describe('marginalia claims', () => {
  it('--format json: the "winding down" claims form one cluster that contradicts the "continues" claim', () => {
    const r = marginalia(['claims', file('alice.jsonl'), '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as ClaimsOut;
    const mention = (w: Which) => ({
      doc_id: at[w].docId,
      start: at[w].start,
      end: at[w].end,
      text: SENTENCES[w],
    });
    const ends = out.clusters.find((c) => c.mentions.length === 2);
    const keeps = out.clusters.find((c) => c.mentions.length === 1);
    expect(out.clusters).toHaveLength(2);
    expect(new Set(ends?.mentions)).toEqual(new Set([mention('endsA'), mention('endsB')]));
    expect(keeps?.mentions).toEqual([mention('keeps')]);
    expect(ends).toMatchObject({
      supports: [],
      contradicts: [keeps?.id],
      articles: 2,
      annotators: ['alice'],
    });
    expect(keeps).toMatchObject({
      supports: [],
      contradicts: [ends?.id],
      articles: 1,
      annotators: ['alice'],
    });
  });

  it('--annotator keeps one annotator’s spans and links; without it every annotator counts', () => {
    const ben = JSON.parse(
      marginalia(['claims', file('alice.jsonl'), file('ben.jsonl'), '--annotator', 'ben', '--format', 'json'])
        .stdout,
    ) as ClaimsOut;
    expect(ben.clusters.flatMap((c) => c.annotators)).toEqual(['ben', 'ben']);
    const both = JSON.parse(
      marginalia(['claims', file('alice.jsonl'), file('ben.jsonl'), '--format', 'json']).stdout,
    ) as ClaimsOut;
    expect(both.clusters.map((c) => [c.mentions.length, c.annotators])).toEqual([
      [2, ['alice', 'ben']],
      [1, ['alice', 'ben']],
    ]);
  });

  it('the table names each cluster’s edges, mentions with their article titles and extents', () => {
    const r = marginalia(['claims', file('alice.jsonl')]);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(
      '2 claim cluster(s) over 3 article(s); 2 linked to another claim or with several mentions.',
    );
    expect(lines.filter((l) => / contradicts c\d$/.test(l))).toHaveLength(2);
    const keepsTitle = seeds.find((d) => d.id === at.keeps.docId)?.title ?? '';
    expect(lines).toContain(`    "${SENTENCES.keeps}" — ${keepsTitle} ${at.keeps.start}–${at.keeps.end}`);
  });

  it('a file with a bad link line imports nothing and names the line (exit 2)', () => {
    const text = readFileSync(file('alice.jsonl'), 'utf8').replace(
      '"relation":"contradicts"',
      '"relation":"refutes"',
    );
    writeFileSync(file('bad.jsonl'), text);
    const r = marginalia(['claims', file('bad.jsonl')]);
    expect(r.status).toBe(2);
    const line = text.split('\n').findIndex((l) => l.includes('refutes')) + 1;
    expect(r.stderr).toContain(
      `line ${line}, field relation: The relation "refutes" is not known (links are same_claim, supports, contradicts).`,
    );
    expect(r.stdout).toBe('');
  });

  it('refuses an unknown option and a bad --format (exit 64)', () => {
    expect(marginalia(['claims', file('alice.jsonl'), '--formt', 'json']).status).toBe(64);
    expect(marginalia(['claims', file('alice.jsonl'), '--format', 'csv']).status).toBe(64);
    expect(marginalia(['claims']).status).toBe(64);
  });
});

describe('marginalia agreement: links', () => {
  it('--format json has a links section per pair and relation, and the overall F1', () => {
    const r = marginalia(['agreement', '--format', 'json', file('alice.jsonl'), file('ben.jsonl')]);
    expect(r.status).toBe(0);
    const links = (JSON.parse(r.stdout) as { links: Record<string, unknown> }).links;
    expect(links).toMatchObject({ annotators: ['alice', 'ben'], n_links: { alice: 2, ben: 2 }, left_out: 0 });
    // same_claim matches although ben wrote it the other way round; contradicts ends differ.
    expect(links['pairs']).toEqual({
      'alice|ben': {
        overall: { precision: 0.5, recall: 0.5, f1: 0.5, matched: 1, a_only: 1, b_only: 1 },
        same_claim: { precision: 1, recall: 1, f1: 1, matched: 1, a_only: 0, b_only: 0 },
        contradicts: { precision: 0, recall: 0, f1: 0, matched: 0, a_only: 1, b_only: 1 },
        supports: { precision: null, recall: null, f1: null, matched: 0, a_only: 0, b_only: 0 },
      },
    });
    expect(links['overall_f1']).toBe(0.5);
  });

  it('the table shows the links per pair and relation', () => {
    const r = marginalia(['agreement', file('alice.jsonl'), file('ben.jsonl')]);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('Links: alice 2, ben 2');
    const header = lines.findIndex((l) =>
      /^Pair\s+Relation\s+P\s+R\s+F1\s+matched\s+a_only\s+b_only$/.test(l),
    );
    expect(lines[header + 1]?.split(/\s+/)).toEqual([
      'alice|ben',
      'overall',
      '0.500',
      '0.500',
      '0.500',
      '1',
      '1',
      '1',
    ]);
    expect(lines.some((l) => /^\s+contradicts\s+0\.000\s+0\.000\s+0\.000\s+0\s+1\s+1$/.test(l))).toBe(true);
    expect(lines).toContain('Link F1 overall (mean over pairs): 0.500');
  });
});

describe('marginalia validate: links', () => {
  it('counts the links a file would bring, in text and JSON', () => {
    const text = marginalia(['validate', file('alice.jsonl')]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain(': would import 5 document(s) and 3 span(s) with 2 link(s) between them.');
    const json = marginalia(['validate', '--format', 'json', file('alice.jsonl')]);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, spans: 3, links: 2 });
  });
});

describe('marginalia convert: links', () => {
  it('a format without links says they were left out; W3C keeps them and reads them back', () => {
    const doccano = marginalia(['convert', file('alice.jsonl'), '--to', 'doccano']);
    expect(doccano.status).toBe(0);
    expect(doccano.stderr).toContain(
      '2 link(s) between spans left out: doccano cannot hold them (export native JSONL or W3C Web Annotation to keep them).',
    );
    const w3c = marginalia([
      'convert',
      file('alice.jsonl'),
      '--to',
      'w3c',
      '--out',
      file('alice.w3c.jsonld'),
    ]);
    expect(w3c.status).toBe(0);
    expect(w3c.stderr).toMatch(/, 2 link\(s\) as w3c to /);
    const fromW3c = marginalia(['claims', file('alice.w3c.jsonld'), '--format', 'json']);
    const fromNative = marginalia(['claims', file('alice.jsonl'), '--format', 'json']);
    expect(fromW3c.status).toBe(0);
    expect(fromW3c.stdout).toBe(fromNative.stdout);
  });
});

const hasPython = spawnSync('python3', ['--version']).status === 0;

describe('docs/format.md: claims JSON to FEVER-style records', () => {
  it.skipIf(!hasPython)('the documented Python turns the contradiction into two REFUTES records', () => {
    const docs = readFileSync(join(ROOT, 'docs', 'format.md'), 'utf8');
    const from = docs.indexOf('**To FEVER-style claim/evidence records.**');
    const code = /```python\n([\s\S]*?)```/.exec(docs.slice(from))?.[1];
    expect(code).toBeDefined();
    const claims = marginalia(['claims', file('alice.jsonl'), '--format', 'json']).stdout;
    const py = spawnSync('python3', ['-c', code ?? ''], { input: claims, encoding: 'utf8' });
    expect(py.stderr).toBe('');
    const records = py.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { claim: string; label: string; evidence: unknown[][][] });
    const refuting = (w: Which) => records.find((r) => r.claim === SENTENCES[w]);
    expect(records.map((r) => r.label)).toEqual(['REFUTES', 'REFUTES']);
    expect(refuting('keeps')?.evidence).toHaveLength(2);
    expect(refuting('keeps')?.evidence[0]?.[0]?.[3]).toBe(SENTENCES.endsA);
    expect(refuting('endsA')?.evidence).toEqual([
      [[at.keeps.docId, at.keeps.start, at.keeps.end, SENTENCES.keeps]],
    ]);
  });
});
