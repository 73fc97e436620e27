import { describe, expect, it } from 'vitest';
import { parseImportFile } from '../../../../renderer/src/core/formats/import';
import type { ImportOptions } from '../../../../renderer/src/core/formats/import-types';
import { bytes } from './corpus';

const jsonl = (records: unknown[]) => bytes(`${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
const parse = (name: string, data: Uint8Array, options: ImportOptions = {}) =>
  parseImportFile({ name, bytes: data, options });

describe('issue 19: the held-out corpus of tricky imports', () => {
  it('records repeating a text under other ids are one document keeping every source id, counted', () => {
    const r = parse(
      'a.jsonl',
      jsonl([
        { id: 'wire-1', text: 'Same article.' },
        { id: 'other', text: 'Another article.' },
        { id: 'wire-2', text: 'Same article.' },
        { id: 'wire-3', text: 'Same article.' },
      ]),
    );
    expect(r.errors).toEqual([]);
    expect(r.documents).toHaveLength(2);
    expect(r.documents[0]?.meta).toEqual({ id: 'wire-1', source_ids: ['wire-1', 'wire-2', 'wire-3'] });
    expect(r.summary).toEqual([
      '2 records repeated a text already in this file under another id and were merged into one document; every record id is kept in meta.source_ids.',
    ]);
    expect(r.warnings.map((w) => w.line)).toEqual([3, 4]);
  });

  it('one id on two lines with different texts is warned about, naming both lines', () => {
    const r = parse(
      'a.jsonl',
      jsonl([
        { id: 'dup-1', text: 'One.' },
        { id: 'dup-2', text: 'Two.' },
        { id: 'x', text: 'Three.' },
        { id: 'dup-2', text: 'Four.' },
      ]),
    );
    expect(r.ok).toBe(true);
    expect(r.documents).toHaveLength(4);
    expect(r.warnings).toEqual([
      {
        line: 4,
        field: 'id',
        message:
          'The id "dup-2" is also the id of line 2, which has a different text; both were imported as separate documents.',
      },
    ]);
  });

  it('a key twice in one object is refused with its line and key (JSON.parse would keep the last)', () => {
    const r = parse('a.jsonl', bytes('{"text":"Fine."}\n{"id":"a","text":"Hello","id":"b"}\n'));
    expect(r.errors).toEqual([
      {
        line: 2,
        field: 'id',
        message:
          'The key "id" appears twice in the same object; JSON readers keep only the last value, so one would be lost silently.',
      },
    ]);
    const nested = parse(
      'a.jsonl',
      bytes('{"text":"Hi","spans":[{"start":0,"end":1,"label":"claim","label":"quote"}]}\n'),
    );
    expect(nested.errors[0]?.field).toBe('spans[0].label');
    // An escaped spelling of the same key is the same key.
    expect(parse('a.jsonl', bytes('{"text":"Hi","\\u0074ext":"Ho"}\n')).errors[0]?.field).toBe('text');
    // In a multi-line JSON file the line is the key's own line.
    const json = parse('a.json', bytes('[\n  {"data": {"text": "Hi"},\n   "data": {"text": "Ho"}}\n]\n'));
    expect(json.errors[0]).toMatchObject({ line: 3, field: '[0].data' });
  });

  it('a Latin-1 .txt names the line and byte, offers Windows-1252, and reads with it', () => {
    const latin1 = new Uint8Array([
      ...bytes('Caf'),
      0xe9,
      ...bytes(' au lait.\nNa'),
      0xef,
      ...bytes('ve '),
      0x93,
      ...bytes('quote'),
      0x94,
    ]);
    const r = parse('latin.txt', latin1);
    expect(r.errors).toEqual([
      {
        line: 1,
        field: null,
        message:
          'The file is not valid UTF-8: byte 3 (0xE9, on line 1) is not part of a valid character. Save the file as UTF-8, or read it as Windows-1252 (Western European) if that is what it was written in.',
      },
    ]);
    expect(r.offers).toEqual([{ kind: 'encoding', encoding: 'windows-1252' }]);
    const ok = parse('latin.txt', latin1, { encoding: 'windows-1252' });
    expect(ok.documents[0]?.text).toBe('Café au lait.\nNaïve “quote”');
  });

  it('meta keys "constructor" and "prototype" are kept as inert data; no prototype is touched', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const r = parse(
      'a.jsonl',
      jsonl([
        { text: 'Hello', meta: { constructor: { name: 'x' }, prototype: { polluted: true } }, prototype: 1 },
      ]),
    );
    expect(r.errors).toEqual([]);
    expect(r.warnings[0]?.message).toBe(
      '"prototype" is both a key of this record and of its meta; the meta value was kept, this one dropped.',
    );
    const meta = r.documents[0]?.meta as Record<string, unknown>;
    expect(Object.getOwnPropertyDescriptor(meta, 'constructor')?.value).toEqual({ name: 'x' });
    expect(Object.getOwnPropertyDescriptor(meta, 'prototype')?.value).toEqual({ polluted: true });
    expect(Object.getPrototypeOf(meta)).toBe(Object.prototype);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    // __proto__ stays refused, wherever it is.
    expect(
      parse('a.jsonl', bytes('{"text":"Hi","meta":{"a":[{"__proto__":{"x":1}}]}}\n')).errors[0],
    ).toMatchObject({
      field: 'meta.a[0].__proto__',
    });
  });

  it('a span boundary inside a grapheme cluster keeps its offsets and warns; a lone ZWJ span too (issue 14)', () => {
    const text = 'Family 👨‍👩‍👧 here.';
    // Code points: F0…y5 space6 👨7 ZWJ8 👩9 ZWJ10 👧11 space12
    const r = parse(
      'a.jsonl',
      jsonl([
        {
          text,
          annotator: 'a',
          spans: [
            { start: 8, end: 9, label: 'claim' },
            { start: 7, end: 9, label: 'quote' },
            { start: 7, end: 12, label: 'figure' },
          ],
        },
      ]),
    );
    expect(r.ok).toBe(true);
    expect(r.annotations[0]?.spans.map((s) => [s.start, s.end])).toEqual([
      [7, 9],
      [7, 12],
      [8, 9],
    ]);
    expect(r.warnings.map((w) => w.field)).toEqual(['spans[0].start', 'spans[1].end']);
    expect(r.warnings[0]?.message).toBe(
      'The span "\u200d" starts inside one visible character (an emoji sequence or a letter with marks); its offsets were kept as they are.',
    );
  });

  it('a numeric id is accepted and the report says so', () => {
    const r = parse('a.jsonl', jsonl([{ id: 7, text: 'Seven.' }]));
    expect(r.documents[0]?.meta).toEqual({ id: 7 });
    expect(r.summary).toEqual(['1 record has a number as its id; it is kept as written in meta.']);
  });
});

describe('issue 18: shapes and sniffing', () => {
  it('a W3C export under an unusual extension is read by its content', () => {
    const w3c = JSON.stringify({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      'mg:documents': [{ id: 'urn:d', 'mg:text': 'Hello world' }],
      first: { items: [] },
    });
    const multi = `${w3c.slice(0, w3c.indexOf('"first"'))}\n"first":{"items":[\n]}}\n`;
    for (const name of ['export.anno', 'export.jsonl', 'export.json']) {
      const r = parse(name, bytes(multi));
      expect(r.errors, name).toEqual([]);
      expect(r.format, name).toBe('w3c');
    }
  });

  it('Label Studio value.text differing only by line breaks is a warning; a real mismatch an error', () => {
    const task = (t: string) => ({
      data: { text: 'Line one\nline two' },
      annotations: [
        { result: [{ id: 'a', type: 'labels', value: { start: 0, end: 17, text: t, labels: ['claim'] } }] },
      ],
    });
    const loose = parse('ls.json', bytes(JSON.stringify([task('Line oneline two')])), { annotator: 'x' });
    expect(loose.ok).toBe(true);
    expect(loose.warningCount).toBe(1);
    const wrong = parse('ls.json', bytes(JSON.stringify([task('Line one line too')])), { annotator: 'x' });
    expect(wrong.ok).toBe(false);
  });

  it('UTF-16 Label Studio offsets read as code points: the mismatch says which unit fits', () => {
    const text = '😀 claim here';
    const ls = [
      {
        data: { text },
        annotations: [
          {
            result: [
              { id: 'a', type: 'labels', value: { start: 3, end: 8, text: 'claim', labels: ['claim'] } },
            ],
          },
        ],
      },
    ];
    const r = parse('ls.json', bytes(JSON.stringify(ls)), { annotator: 'x' });
    expect(r.errors[0]?.message).toMatch(
      /Counted in UTF-16 units the offsets give exactly that text: the file uses that unit\.$/,
    );
    expect(parse('ls.json', bytes(JSON.stringify(ls)), { annotator: 'x', labelStudioUnit: 'utf16' }).ok).toBe(
      true,
    );
  });
});
