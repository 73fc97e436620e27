import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBratPair, parseImportFile } from '../../../../renderer/src/core/formats/import';
import type { ImportOptions, ImportResult } from '../../../../renderer/src/core/formats/import-types';
import { CodePointIndex } from '../../../../renderer/src/core/text/code-points';

// Files written for this project in each tool's own export shape (tests/fixtures/tools/README.md).
const DIR = join(__dirname, '../../../fixtures/tools');
const file = (path: string) => ({ name: path, bytes: new Uint8Array(readFileSync(join(DIR, path))) });
const load = (path: string, options: ImportOptions = {}) => parseImportFile({ ...file(path), options });

/** Every stored span as `label "text"`, sliced in code points from the stored text. */
function spanTexts(r: ImportResult): string[] {
  const texts = new Map(r.documents.map((d) => [d.id, new CodePointIndex(d.text)]));
  return r.annotations.flatMap((a) =>
    a.spans.map(
      (s) => `${a.annotator ?? '?'} ${s.label} ${JSON.stringify(texts.get(a.docId)?.slice(s.start, s.end))}`,
    ),
  );
}

describe('doccano', () => {
  const map: ImportOptions = {
    annotator: 'ana',
    labelMap: { CLAIM: 'claim', QUOTE: 'quote', PERCENT: 'figure', PER: 'skip' },
    caseInsensitiveLabels: true,
  };

  it('sequence labelling: UTF-16 offsets by default land on the right text after emoji', () => {
    const r = load('doccano/sequence-labeling.jsonl', map);
    expect(r.errors).toEqual([]);
    expect(r.format).toBe('doccano');
    expect(spanTexts(r)).toEqual([
      'ana claim "the council will cut 12% of the fire budget"',
      'ana figure "12%"',
      'ana quote "We will not close a single station."',
      'ana speculation "Analysts doubt it."',
    ]);
    expect(r.labels).toEqual([
      { name: 'PER', count: 1, target: 'skip' },
      { name: 'PERCENT', count: 1, target: 'figure' },
      { name: 'CLAIM', count: 1, target: 'claim' },
      { name: 'QUOTE', count: 1, target: 'quote' },
      { name: 'Speculation', count: 1, target: 'speculation' },
    ]);
    // doccano spreads metadata over the record: kept, with the numeric id and the comments.
    expect(r.documents[0]?.meta).toEqual({
      id: 101,
      source: 'wire',
      published: '2024-03-01',
      doccano_comments: ['check the figure'],
    });
    expect(r.summary.slice(1)).toEqual([
      '1 span was left out because its label is mapped to skip: PER (1).',
      '2 records have a number as their id (doccano numbers its examples); they are kept as written in meta.',
    ]);
  });

  it('read as code points, the same file is refused or lands elsewhere — and the report says which unit it assumed', () => {
    const asCodePoints = load('doccano/sequence-labeling.jsonl', { ...map, doccanoUnit: 'codepoint' });
    // "firemen" at UTF-16 8–15 is code points 8–15 "emen sa": every span after the emoji shifts.
    expect(spanTexts(asCodePoints)[0]).toBe('ana claim " council will cut 12% of the fire budget 🔥,"');
    const r = load('doccano/sequence-labeling.jsonl', map);
    expect(r.offers).toEqual([{ kind: 'unit', format: 'doccano', assumed: 'utf16', other: 'codepoint' }]);
    expect(r.summary[0]).toBe(
      'Offsets were read as UTF-16 code units, the unit doccano\'s editor counts. This file has characters outside the Basic Multilingual Plane (such as emoji) and its spans carry no text to confirm the unit: read as code points, the span at line 1, label[0] would be "emen sa" instead of "firemen".',
    );
  });

  it('unknown labels: one error per distinct label, with its count', () => {
    const r = load('doccano/sequence-labeling.jsonl', { annotator: 'ana' });
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => [e.line, e.field, e.message.split(' is not')[0]])).toEqual([
      [1, 'label[0].label', 'The label "PER" (1 span)'],
      [1, 'label[1].label', 'The label "PERCENT" (1 span)'],
      [1, 'label[2].label', 'The label "CLAIM" (1 span)'],
      [2, 'label[0].label', 'The label "QUOTE" (1 span)'],
      [2, 'label[1].label', 'The label "Speculation" (1 span)'],
    ]);
    const rest = load('doccano/sequence-labeling.jsonl', { annotator: 'ana', unmapped: 'skip' });
    expect(rest.ok).toBe(true);
    expect(rest.annotations.flatMap((a) => a.spans)).toEqual([]);
  });

  it('relation mode: entities as objects, relations kept aside and counted', () => {
    const r = load('doccano/relation-extraction.jsonl', {
      annotator: 'ana',
      labelMap: { QUOTE: 'quote' },
      unmapped: 'skip',
    });
    expect(r.errors).toEqual([]);
    expect(spanTexts(r)).toEqual(['ana quote "the company said"']);
    expect(r.relations.map((x) => [x.type, x.args.map((a) => a.ref)])).toEqual([
      ['foundedAt', ['10', '11']],
      ['foundedBy', ['10', '12']],
    ]);
    expect(r.errors).toEqual([]);
    expect(r.summary).toContain(
      '2 relations were left out: Marginalia does not store links between spans yet; they are kept in the parse result for then.',
    );
  });

  it('a pretty-printed file saved as .jsonl gets one message and an offer, then reads as JSON', () => {
    const r = load('doccano/relation-extraction-pretty.jsonl', { annotator: 'ana', unmapped: 'skip' });
    expect(r.errorCount).toBe(1);
    expect(r.errors[0]?.message).toMatch(
      /^This file is one JSON value spread over 45 lines \(pretty-printed JSON\)/,
    );
    expect(r.offers).toEqual([{ kind: 'read-as-json' }]);
    const again = load('doccano/relation-extraction-pretty.jsonl', {
      annotator: 'ana',
      labelMap: { QUOTE: 'quote' },
      unmapped: 'skip',
      readAs: 'json',
    });
    expect(again.errors).toEqual([]);
    expect(spanTexts(again)).toEqual(['ana quote "the company said"']);
  });

  it('intent detection: entities as [start, end, label] lists; categories left out and counted', () => {
    const r = load('doccano/intent-detection.jsonl', { annotator: 'ana', labelMap: { City: 'figure' } });
    expect(spanTexts(r)).toEqual(['ana figure "Memphis"', 'ana figure "Tacoma"']);
    expect(r.summary).toEqual(['1 document category was left out: Marginalia imports spans only.']);
  });
});

describe('Label Studio', () => {
  const map: ImportOptions = {
    labelMap: { Claim: 'claim', NUMBER: 'figure', CARDINAL: 'figure', Quotation: 'quote', DATE: 'skip' },
    caseInsensitiveLabels: true,
  };

  it('a project export: spans, per-region notes, LS 1.4 text without its line break, cancelled and predictions counted', () => {
    const r = load('labelstudio/project-export.json', map);
    expect(r.errors).toEqual([]);
    expect(spanTexts(r)).toEqual([
      'label-studio-user-4 claim "Rates rose 0.25 points"',
      'label-studio-user-4 figure "0.25 points"',
      'label-studio-user-4 quote "Inflation is\\nstill too high."',
      'label-studio-user-4 speculation "Markets may fall."',
    ]);
    expect(r.annotations[0]?.spans[1]?.note).toBe('source: central bank');
    expect(r.warnings.map((w) => w.field)).toEqual(['[0].annotations[0].result[2].value.text']);
    expect(r.summary).toEqual([
      '1 record has a number as its id; it is kept as written in meta.',
      '1 relation was left out: Marginalia does not store links between spans yet; they are kept in the parse result for then.',
      '1 annotation was cancelled (skipped) in Label Studio and not imported.',
      '1 set of model predictions was left out; they can be imported under the annotator "predictions".',
    ]);
    expect(r.offers).toEqual([{ kind: 'predictions', count: 1 }]);
    expect(r.relations[0]?.args.map((a) => a.spanId)).toEqual([
      r.annotations[0]?.spans[2]?.id,
      r.annotations[0]?.spans[0]?.id,
    ]);
  });

  it('predictions imported under the annotator "predictions" on request', () => {
    const r = load('labelstudio/project-export.json', {
      ...map,
      labelMap: { ...map.labelMap, DATE: 'figure' },
      predictions: 'import',
    });
    expect(spanTexts(r).filter((s) => s.startsWith('predictions'))).toEqual(['predictions figure "Tuesday"']);
  });

  it('a single task object; offsets without value.text are code points, and the report says so', () => {
    const r = load('labelstudio/single-task.json', map);
    expect(r.errors).toEqual([]);
    expect(spanTexts(r)).toEqual([
      'ana@example.org claim "the shelter says 40 cats need homes"',
      'ana@example.org figure "40 cats"',
    ]);
    expect(r.offers).toEqual([{ kind: 'unit', format: 'labelstudio', assumed: 'codepoint', other: 'utf16' }]);
    expect(r.summary[0]).toMatch(
      /^Offsets were read as code points, the unit Label Studio 1\.5 and later writes\. .* read as UTF-16 code units, the span at annotations\[0\]\.result\[0\]\.value would be " 40 cat" instead of "40 cats"\.$/,
    );
  });
});

describe('Prodigy', () => {
  it('ner_manual: accepted spans by token; rejected and ignored answers skipped and counted', () => {
    const r = load('prodigy/ner-manual.jsonl', {
      labelMap: { CARDINAL: 'figure', SPECULATION: 'speculation' },
    });
    expect(r.errors).toEqual([]);
    expect(r.format).toBe('spacy');
    expect(spanTexts(r)).toEqual([
      'news-ana figure "3,000"',
      'news-ana speculation "3,000 jobs could go by 2025"',
    ]);
    expect(r.summary).toEqual(['2 Prodigy tasks were answered "reject" or "ignore" and skipped.']);
  });
});

describe('brat', () => {
  it('fragments split at a line break are one span; relations, events, attributes, normalisations kept aside', () => {
    const r = parseBratPair(file('brat/fares.txt'), file('brat/fares.ann'), {
      annotator: 'ana',
      labelMap: { Percent: 'figure', Organization: 'skip' },
      caseInsensitiveLabels: true,
    });
    expect(r.errors).toEqual([]);
    expect(spanTexts(r)).toEqual([
      'ana claim "fares would rise 4% from May"',
      'ana figure "4%"',
      'ana speculation "the rise\\nwould hurt commuters"',
    ]);
    expect(r.annotations[0]?.spans[1]?.note).toBe('same figure as the headline');
    expect(
      r.relations.map((x) => [x.kind, x.type, x.args.map((a) => `${a.role}:${a.ref}`).join(' ')]),
    ).toEqual([
      ['relation', 'Said', 'Arg1:T4 Arg2:T1'],
      ['event', 'Rise', 'trigger:T2 Theme:T1'],
      ['attribute', 'Negation', ':T3'],
      ['normalization', 'Reference', ':T4'],
    ]);
    expect(r.summary).toEqual([
      '1 span was left out because its label is mapped to skip: Organization (1).',
      '1 span was written in fragments split at line breaks (as brat does) and read as one span.',
      '1 relation was left out: Marginalia does not store links between spans yet; they are kept in the parse result for then.',
      '1 event was left out: Marginalia does not store links between spans yet; they are kept in the parse result for then.',
      '2 attributes or normalisations were left out: Marginalia does not store links between spans yet; they are kept in the parse result for then.',
    ]);
  });

  it('fragments with words between them are still refused as discontinuous', () => {
    const r = parseBratPair(
      { name: 'a.txt', bytes: new TextEncoder().encode('one two three') },
      { name: 'a.ann', bytes: new TextEncoder().encode('T1\tclaim 0 3;8 13\tone three\n') },
      { annotator: 'ana' },
    );
    expect(r.errors[0]?.message).toMatch(/discontinuous/);
  });
});
