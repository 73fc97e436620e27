import { strict as assert } from 'node:assert';

import { describe, expect, it } from 'vitest';

import { exportToStrings } from '../../../../renderer/src/core/formats/export';
import {
  EXPORT_FORMATS,
  type ExportDataset,
  type ExportFormat,
} from '../../../../renderer/src/core/formats/export-types';
import { makeDocument } from './corpus';

// A: done without spans (a real negative). B: never started. C: in progress with a span.
// D: in progress, its spans all deleted. E: nobody has a set.
const docs = ['Alpha text here.', 'Bravo text here.', 'Charlie text here.', 'Delta text here.', 'Echo.'].map(
  (t, i) => makeDocument(t, i, t.split(' ')[0]),
);
const [A, B, C, D] = docs.map((d) => d.id) as [string, string, string, string];
const data: ExportDataset = {
  documents: docs,
  sets: [
    { docId: A, annotator: 'alice', status: 'done', spans: [] },
    { docId: B, annotator: 'alice', status: 'todo', spans: [] },
    {
      docId: C,
      annotator: 'alice',
      status: 'in_progress',
      spans: [{ id: 's1', start: 0, end: 7, label: 'claim', note: '' }],
    },
    { docId: D, annotator: 'alice', status: 'in_progress', spans: [] },
  ],
};

function files(format: ExportFormat, includeUnannotated: boolean) {
  const out = exportToStrings(data, { format, includeUnannotated });
  assert(out.ok);
  return out.value;
}
const jsonl = (text: string) =>
  text
    .trim()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('export of documents not started, and of real negatives', () => {
  it('by default writes only documents with spans or marked done, in every format', () => {
    for (const format of EXPORT_FORMATS) {
      const out = files(format, false);
      expect(out.summary.documents, format).toBe(2);
      const all = out.files.map((f) => f.text).join('\n');
      for (const absent of ['Bravo', 'Delta', 'Echo'])
        expect(all.includes(absent), `${format} ${absent}`).toBe(false);
      if (format !== 'w3c') expect(all.includes('Alpha'), `${format} keeps the done negative`).toBe(true);
    }
  });

  it('writes a done document without spans as a confirmed negative', () => {
    const native = jsonl(files('native', false).files[0]!.text);
    expect(native.map((r) => [r.title, r.status, (r.spans as unknown[]).length])).toEqual([
      ['Alpha', 'done', 0],
      ['Charlie', 'in_progress', 1],
    ]);
    const spacy = jsonl(files('spacy', false).files[0]!.text);
    expect(spacy.map((r) => [r.title, r.answer, (r.spans as unknown[]).length])).toEqual([
      ['Alpha', 'accept', 0],
      ['Charlie', 'accept', 1],
    ]);
    const ls = JSON.parse(files('labelstudio', false).files[0]!.text) as {
      data: { title: string };
      annotations: { result: unknown[] }[];
    }[];
    expect(ls.map((t) => [t.data.title, t.annotations.map((a) => a.result.length)])).toEqual([
      ['Alpha', [0]],
      ['Charlie', [1]],
    ]);
  });

  it('never writes work not started as "accept" or as an annotation, when asked to include it', () => {
    const spacy = jsonl(files('spacy', true).files[0]!.text);
    expect(spacy.map((r) => [r.title, r.answer])).toEqual([
      ['Alpha', 'accept'],
      ['Bravo', 'ignore'],
      ['Charlie', 'accept'],
      ['Delta', 'ignore'],
      ['Echo.', 'ignore'],
    ]);
    const ls = JSON.parse(files('labelstudio', true).files[0]!.text) as {
      data: { title: string };
      annotations: unknown[];
    }[];
    expect(ls.map((t) => [t.data.title, t.annotations.length])).toEqual([
      ['Alpha', 1],
      ['Bravo', 0],
      ['Charlie', 1],
      ['Delta', 0],
      ['Echo.', 0],
    ]);
    // Native says what they are: records with their status, never "done".
    const native = jsonl(files('native', true).files[0]!.text);
    expect(native.map((r) => [r.title, r.status])).toEqual([
      ['Alpha', 'done'],
      ['Bravo', 'todo'],
      ['Charlie', 'in_progress'],
      ['Delta', 'in_progress'],
    ]);
    // doccano, brat and BIO cannot mark a document unlabelled: no annotator is named for it, and
    // the summary says they are not negatives.
    const doccano = jsonl(files('doccano', true).files[0]!.text);
    expect(doccano.map((r) => [r.title, r.annotator ?? null])).toEqual([
      ['Alpha', 'alice'],
      ['Bravo', null],
      ['Charlie', 'alice'],
      ['Delta', null],
      ['Echo.', null],
    ]);
    const bio = files('bio', true);
    expect(bio.files[0]!.text.match(/# annotator = alice/g)).toHaveLength(2);
    expect(bio.summary.notStarted).toContain('3 document(s) nobody has labelled or marked done');
    expect(files('native', true).summary.notStarted).toContain('2 record(s) not started');
    const brat = files('brat', true).files.map((f) => f.name);
    expect(brat.filter((n) => n.endsWith('.alice.ann'))).toHaveLength(2);
  });
});
