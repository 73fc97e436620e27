import { execFileSync } from 'node:child_process';

import { describe, expect, it } from 'vitest';

import type { ArticleDocument } from '../../../../renderer/src/core/model/document';
import { joinJsonl, serializeNativeRecord } from '../../../../renderer/src/core/formats/native';
import { documentIdForText } from '../../../../renderer/src/core/text/text-hash';

const text = '𝔘nicode 😀 test\n“Quoted” claim: 42 % 👩‍👩‍👧 end';
const doc: ArticleDocument = {
  id: documentIdForText(text),
  title: '𝔘nicode 😀 test',
  text,
  length: Array.from(text).length,
  source: 'test',
  meta: { zeta: 1, alpha: { b: 2, a: 1 } },
  order: 0,
};

describe('native JSONL serialisation', () => {
  const line = serializeNativeRecord({
    document: doc,
    annotator: 'alice',
    status: 'done',
    spans: [
      { id: 'b', start: 10, end: 14, label: 'quote', note: '' },
      { id: 'a', start: 8, end: 9, label: 'claim', note: 'emoji' },
      { id: 'c', start: 0, end: 14, label: 'claim', note: '', unsure: true },
    ],
    withUtf16: true,
  });
  const parsed = JSON.parse(line);

  it('writes fields in the documented order, spans sorted', () => {
    expect(Object.keys(parsed)).toEqual([
      'schema_version',
      'doc_id',
      'title',
      'text',
      'annotator',
      'status',
      'spans',
      'meta',
    ]);
    expect(parsed.spans.map((s: { id: string }) => s.id)).toEqual(['c', 'a', 'b']);
    expect(Object.keys(parsed.meta)).toEqual(['alpha', 'zeta']);
    expect(Object.keys(parsed.meta.alpha)).toEqual(['a', 'b']);
  });

  it('gives code point offsets with the UTF-16 ones on request', () => {
    const a = parsed.spans[1];
    expect(a).toEqual({
      id: 'a',
      start: 8,
      end: 9,
      start_utf16: 9,
      end_utf16: 11,
      label: 'claim',
      text: '😀',
      note: 'emoji',
    });
    expect(parsed.spans[0].unsure).toBe(true);
  });

  it('is deterministic byte for byte', () => {
    const again = serializeNativeRecord({
      document: doc,
      annotator: 'alice',
      status: 'done',
      spans: [
        { id: 'c', start: 0, end: 14, label: 'claim', note: '', unsure: true },
        { id: 'b', start: 10, end: 14, label: 'quote', note: '' },
        { id: 'a', start: 8, end: 9, label: 'claim', note: 'emoji' },
      ],
      withUtf16: true,
    });
    expect(again).toBe(line);
    expect(joinJsonl([line, line])).toBe(`${line}\n${line}\n`);
    expect(joinJsonl([])).toBe('');
  });

  it('refuses a span outside the text', () => {
    expect(() =>
      serializeNativeRecord({
        document: doc,
        annotator: 'a',
        status: 'todo',
        spans: [{ id: 'x', start: 5, end: 999, label: 'claim', note: '' }],
      }),
    ).toThrow(/outside the text/);
  });

  it("matches Python's text[start:end] for every span", () => {
    let python = true;
    try {
      execFileSync('python3', ['--version']);
    } catch {
      python = false;
    }
    if (!python) return; // reported by the formats suite, which owns the skip message
    const script =
      'import json,sys\nr=json.loads(sys.stdin.read())\nprint(all(r["text"][s["start"]:s["end"]]==s["text"] for s in r["spans"]))';
    expect(execFileSync('python3', ['-c', script], { input: line }).toString().trim()).toBe('True');
  });
});
