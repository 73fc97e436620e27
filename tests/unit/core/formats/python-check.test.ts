import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportToStrings } from '../../../../renderer/src/core/formats/export';
import type { ExportDataset } from '../../../../renderer/src/core/formats/export-types';
import { arbDataset } from './corpus';

const hasPython = spawnSync('python3', ['--version']).status === 0;

// The consumer's own rule: Python slices code points. Checks every span of the native and
// spaCy/Prodigy exports (and Label Studio in its default unit), tokens included, and that spaCy's
// Doc(words, spaces) rebuilds each text from the tokens, with spans on token edges.
const CHECK = String.raw`
import json, sys
n = 0
for path, kind in zip(sys.argv[1::2], sys.argv[2::2]):
    with open(path, encoding='utf-8') as f:
        data = json.load(f) if kind == 'labelstudio' else [json.loads(l) for l in f if l.strip()]
    for rec in data:
        if kind == 'labelstudio':
            text = rec['data']['text']
            for a in rec['annotations']:
                for r in a['result']:
                    if r['type'] == 'labels':
                        v = r['value']; assert text[v['start']:v['end']] == v['text'], (path, v); n += 1
            continue
        text = rec['text']
        if kind == 'doccano':
            continue
        for s in rec['spans']:
            assert text[s['start']:s['end']] == s['text'], (path, s); n += 1
        for t in rec.get('tokens', []):
            assert text[t['start']:t['end']] == t['text'], (path, t)
        if 'tokens' in rec:
            # spaCy's Doc(words, spaces) joins each word and, when its flag is set, one space.
            assert ''.join(t['text'] + (' ' if t['ws'] else '') for t in rec['tokens']) == text, path
            for s in rec['spans']:
                assert rec['tokens'][s['token_start']]['start'] == s['start'], (path, s)
                assert rec['tokens'][s['token_end']]['end'] == s['end'], (path, s)
print(n)
`;

describe.skipIf(!hasPython)('python3 checks exported offsets', () => {
  it('text[start:end] == span text for native, spaCy/Prodigy and Label Studio exports', () => {
    const datasets = fc.sample(arbDataset, { numRuns: 40, seed: 42 });
    const merged: ExportDataset = {
      documents: datasets
        .flatMap((d) => d.documents)
        .filter((d, i, all) => all.findIndex((x) => x.id === d.id) === i),
      sets: datasets
        .flatMap((d) => d.sets)
        .filter(
          (s, i, all) => all.findIndex((x) => x.docId === s.docId && x.annotator === s.annotator) === i,
        ),
    };
    const dir = mkdtempSync(join(tmpdir(), 'marginalia-py-'));
    const args: string[] = [];
    let expected = 0;
    for (const format of ['native', 'spacy', 'labelstudio'] as const) {
      const out = exportToStrings(merged, { format });
      if (!out.ok) throw new Error(out.error.message);
      const file = join(dir, out.value.files[0]?.name ?? format);
      writeFileSync(file, out.value.files[0]?.text ?? '');
      args.push(file, format);
      expected += out.value.summary.spans;
    }
    const script = join(dir, 'check.py');
    writeFileSync(script, CHECK);
    const r = spawnSync('python3', [script, ...args], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(Number(r.stdout.trim())).toBe(expected);
    expect(expected).toBeGreaterThan(100);
  });
});
