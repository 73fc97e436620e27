import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseImportFile } from '../../../../renderer/src/core/formats/import';
import type { ImportProblem } from '../../../../renderer/src/core/formats/import-types';
import { bytes } from './corpus';

const DIR = join(__dirname, '../../../fixtures/import/bad');
const load = (name: string) =>
  parseImportFile({ name, bytes: new Uint8Array(readFileSync(join(DIR, name))) });

/** Each fixture and its exact outcome (also listed in tests/fixtures/import/bad/README.md). */
const REFUSED: [string, ImportProblem[]][] = [
  ['empty.txt', [{ line: null, field: null, message: 'The file is empty; there is nothing to import.' }]],
  [
    'whitespace-only.txt',
    [
      {
        line: null,
        field: null,
        message: 'The file contains only blank space; there is no article to import.',
      },
    ],
  ],
  [
    'malformed-middle.jsonl',
    [
      {
        line: 2,
        field: null,
        message: 'This is not valid JSON (Expected double-quoted property name in JSON at position 19).',
      },
    ],
  ],
  [
    'truncated-last.jsonl',
    [
      {
        line: 2,
        field: null,
        message:
          'This is not complete JSON; it looks cut off (Unterminated string in JSON at position 19). It is the last line: the file may be truncated.',
      },
    ],
  ],
  [
    'wrong-types.jsonl',
    [
      { line: 1, field: 'text', message: 'This should be text in quotes but is a whole number.' },
      { line: 2, field: 'title', message: 'This should be text in quotes but is a list.' },
    ],
  ],
  [
    'bad-offsets.jsonl',
    [
      { line: 1, field: 'spans[0]', message: 'The start offset 12 comes after the end offset 4 (reversed).' },
      { line: 1, field: 'spans[1].start', message: 'The start offset -3 is negative.' },
      {
        line: 1,
        field: 'spans[2].end',
        message: 'The end offset 99 is past the end of the text, which is 21 characters long.',
      },
    ],
  ],
  [
    'unknown-label.jsonl',
    [
      {
        line: 1,
        field: 'spans[0].label',
        message:
          'The label "opinion" (1 span) is not one of Marginalia\'s labels (claim, quote, figure, speculation); map it to one of them or to skip.',
      },
    ],
  ],
  [
    'text-mismatch.jsonl',
    [
      {
        line: 1,
        field: 'spans[0].text',
        message: 'The span\'s text "minister!" does not match the article text at 4–12, which is "minister".',
      },
    ],
  ],
  [
    'invalid-utf8.txt',
    [
      {
        line: 2,
        field: null,
        message:
          'The file is not valid UTF-8: byte 20 (0xFF, on line 2) is not part of a valid character. Save the file as UTF-8, or read it as Windows-1252 (Western European) if that is what it was written in.',
      },
    ],
  ],
  [
    'utf16-no-bom.txt',
    [
      {
        line: null,
        field: null,
        message:
          'The file contains a NUL byte at byte 1. It may be UTF-16 text without a byte order mark; save it as UTF-8.',
      },
    ],
  ],
  [
    'nul-bytes.txt',
    [
      {
        line: null,
        field: null,
        message: 'The file contains a NUL byte at byte 9. It is probably not a text file.',
      },
    ],
  ],
  [
    'png-renamed.txt',
    [
      {
        line: null,
        field: null,
        message: 'This file looks like a PNG image, not a text file, so it cannot be imported.',
      },
    ],
  ],
  [
    'deep-nesting.jsonl',
    [
      {
        line: 1,
        field: null,
        message: 'The data is nested more than 64 levels deep, which Marginalia refuses as unsafe.',
      },
    ],
  ],
  [
    'huge-number.jsonl',
    [
      {
        line: 1,
        field: 'spans[0].end',
        message: 'This number is too large (offsets must be whole numbers below 9,007,199,254,740,992).',
      },
    ],
  ],
  [
    'proto.jsonl',
    [
      {
        line: 1,
        field: 'meta.__proto__',
        message: 'The key "__proto__" is not allowed (it could be used to tamper with the program).',
      },
    ],
  ],
  [
    'nul-escape.jsonl',
    [{ line: 1, field: 'text', message: 'The text contains a NUL character (U+0000) at position 2.' }],
  ],
  [
    'lone-surrogate.jsonl',
    [
      {
        line: 1,
        field: 'text',
        message: 'The text contains a broken character (half of a surrogate pair) at position 7.',
      },
    ],
  ],
];

describe('bad input: exact report, nothing to store', () => {
  for (const [name, errors] of REFUSED) {
    it(name, () => {
      const r = load(name);
      expect(r.errors).toEqual(errors);
      expect(r.ok).toBe(false);
      // Atomic: a refused file hands the database nothing, so it stays as it was.
      expect(r.documents).toEqual([]);
      expect(r.annotations).toEqual([]);
    });
  }
});

describe('awkward but valid input', () => {
  it('BOM is stripped', () => {
    expect(load('bom.txt').documents[0]?.text).toBe('An article with a byte order mark.\n');
  });
  it('CRLF and lone CR become LF', () => {
    expect(load('crlf.txt').documents[0]?.text).toBe('Line one.\nLine two.\nLine three.\n');
  });
  it('UTF-16 LE and BE with a BOM', () => {
    for (const f of ['utf16le-bom.txt', 'utf16be-bom.txt']) {
      expect(load(f).documents[0]?.text).toBe('Grüße 😀 aus Köln.\n');
    }
  });
  it('hostile HTML: script, style, noscript, template dropped; handlers and javascript: links inert', () => {
    const r = load('hostile.html');
    expect(r.errors).toEqual([]);
    expect(r.documents[0]).toMatchObject({
      title: 'Hostile page',
      text: 'Headline\n\nFirst paragraph & more.\n\nA link here.',
    });
  });
});

describe('limits', () => {
  it('a text over 5,000,000 code points is refused with a clear message', () => {
    const line = JSON.stringify({ text: 'a'.repeat(5_000_001) });
    const r = parseImportFile({ name: 'big.jsonl', bytes: bytes(line) });
    expect(r.errors).toEqual([
      {
        line: 1,
        field: 'text',
        message:
          'The text is 5,000,001 characters long; the limit is 5,000,000. Split the article into smaller files.',
      },
    ]);
  });
  it('lists 100 errors and says how many more', () => {
    const lines = Array.from({ length: 150 }, () => '{"text": 1}').join('\n');
    const r = parseImportFile({ name: 'many.jsonl', bytes: bytes(lines) });
    expect(r.errorCount).toBe(150);
    expect(r.errors).toHaveLength(101);
    expect(r.errors[100]?.message).toBe('…and 50 more problems not listed.');
  });
  it('duplicates are collapsed with a warning; unknown keys kept in meta (articles and doccano, which spreads its metadata over the record)', () => {
    const art = JSON.stringify({
      text: 'Hello world',
      source: 'wire',
      annotator: 'alice',
      spans: [
        { start: 0, end: 5, label: 'claim' },
        { start: 0, end: 5, label: 'claim' },
      ],
    });
    const r = parseImportFile({ name: 'a.jsonl', bytes: bytes(art) });
    expect(r.documents[0]?.meta).toEqual({ source: 'wire' });
    expect(r.annotations[0]?.spans).toHaveLength(1);
    expect(r.warnings).toEqual([
      { line: 1, field: null, message: 'A duplicate claim span at 0–5 was collapsed into one.' },
    ]);
    const doc = JSON.stringify({ text: 'Hello world', label: [[0, 5, 'claim']], extra: 1, annotator: 'a' });
    const d = parseImportFile({ name: 'd.jsonl', bytes: bytes(doc) });
    expect(d.warnings).toEqual([]);
    expect(d.documents[0]?.meta).toEqual({ extra: 1 });
  });
  it('a file without an annotator says so; options.annotator fills it in', () => {
    const line = JSON.stringify({ text: 'Hello world', label: [[0, 5, 'claim']] });
    const r = parseImportFile({ name: 'd.jsonl', bytes: bytes(line) });
    expect(r.needsAnnotator).toBe(true);
    expect(r.annotations[0]?.annotator).toBeNull();
    const named = parseImportFile({ name: 'd.jsonl', bytes: bytes(line), options: { annotator: 'carol' } });
    expect(named.needsAnnotator).toBe(false);
    expect(named.annotations[0]?.annotator).toBe('carol');
  });
  it('label mapping: case-insensitive or an explicit map; unknown stays an error', () => {
    const line = JSON.stringify({
      text: 'Hello world',
      annotator: 'a',
      spans: [
        { start: 0, end: 5, label: 'CLAIM' },
        { start: 6, end: 11, label: 'Q' },
      ],
    });
    const r = parseImportFile({
      name: 'a.jsonl',
      bytes: bytes(line),
      options: { caseInsensitiveLabels: true, labelMap: { Q: 'quote' } },
    });
    expect(r.annotations[0]?.spans.map((s) => s.label)).toEqual(['claim', 'quote']);
    expect(
      parseImportFile({ name: 'a.jsonl', bytes: bytes(line), options: { caseInsensitiveLabels: true } })
        .errors[0]?.field,
    ).toBe('spans[1].label');
  });
});
