import { describe, expect, it } from 'vitest';
import { exportToStrings } from '../../../../renderer/src/core/formats/export';
import type { ExportDataset, ExportOptions } from '../../../../renderer/src/core/formats/export-types';
import { parseBratPair, parseImportFile } from '../../../../renderer/src/core/formats/import';
import { CodePointIndex } from '../../../../renderer/src/core/text/code-points';
import { bytes, makeDocument } from './corpus';

const TEXT = 'Rates rise\n\nFirst paragraph 😀 of the story.\nThe minister  said: 42 per cent.\n';
const doc = makeDocument(TEXT);
const index = new CodePointIndex(TEXT);
const at = (s: string) => {
  const u = TEXT.indexOf(s);
  return { start: index.toCodePoint(u), end: index.toCodePoint(u + s.length) };
};
const spans = [
  { id: 'a1', ...at('Rates rise\n\nFirst paragraph'), label: 'claim' as const, note: '' },
  { id: 'a2', ...at('42 per cent'), label: 'figure' as const, note: 'check' },
  { id: 'a3', ...at('ister  sa'), label: 'quote' as const, note: '' },
];
const data: ExportDataset = {
  documents: [doc],
  sets: [
    { docId: doc.id, annotator: 'alice', status: 'done', spans },
    { docId: doc.id, annotator: 'bob', status: 'done', spans: spans.slice(0, 2) },
  ],
};

function run(options: ExportOptions) {
  const out = exportToStrings(data, options);
  if (!out.ok) throw new Error(out.error.message);
  return out.value;
}

describe('brat: what brat itself accepts', () => {
  it("a span across line breaks is written as fragments, as brat's annotator does, and read back as one span", () => {
    const { files, summary } = run({ format: 'brat' });
    expect(files[0]).toMatchObject({ name: 'annotation.conf' });
    const ann = files.find((f) => f.name.endsWith('.alice.ann'));
    const txt = files.find((f) => f.name.endsWith('.alice.txt'));
    expect(ann?.text.split('\n')[0]).toBe('T1\tclaim 0 10;12 27\tRates rise First paragraph');
    // brat's reader: each line's text equals the fragments' text joined by one space.
    for (const line of (ann?.text ?? '').split('\n').filter((l) => l.startsWith('T'))) {
      const [, head = '', text] = line.split('\t');
      const frags = head
        .split(' ')
        .slice(1)
        .join(' ')
        .split(';')
        .map((f) => f.split(' ').map(Number));
      expect(frags.map(([s, e]) => index.slice(s ?? 0, e ?? 0)).join(' ')).toBe(text);
    }
    expect(summary.spans).toBe(5);
    const back = parseBratPair(
      { name: txt?.name ?? '', bytes: bytes(txt?.text ?? '') },
      { name: ann?.name ?? '', bytes: bytes(ann?.text ?? '') },
      { annotator: 'alice' },
    );
    expect(back.errors).toEqual([]);
    expect(back.annotations[0]?.spans.map((s) => [s.start, s.end, s.label])).toEqual(
      spans.map((s) => [s.start, s.end, s.label]).sort((a, b) => Number(a[0]) - Number(b[0])),
    );
  });
});

describe('spaCy/Prodigy: tokens and ws rebuild the text', () => {
  it('Doc(words, spaces) gives the text back exactly, with "\\n\\n" as a token', () => {
    const lines =
      run({ format: 'spacy' })
        .files[0]?.text.trim()
        .split('\n')
        .map((l) => JSON.parse(l)) ?? [];
    for (const rec of lines) {
      const rebuilt = rec.tokens
        .map((t: { text: string; ws: boolean }) => t.text + (t.ws ? ' ' : ''))
        .join('');
      expect(rebuilt).toBe(TEXT);
      expect(rec.tokens.map((t: { text: string }) => t.text)).toContain('\n\n');
      // spaCy keeps the second of two spaces as a token; the first is the previous token's `ws`.
      expect(rec.tokens.map((t: { text: string }) => t.text)).toContain(' ');
      for (const s of rec.spans) {
        expect(rec.tokens[s.token_start].start).toBe(s.start);
        expect(rec.tokens[s.token_end].end).toBe(s.end);
      }
    }
    const alice = lines.find((r) => r._annotator_id === 'alice');
    const quote = alice.spans.find((s: { label: string }) => s.label === 'quote');
    expect(
      alice.tokens.slice(quote.token_start, quote.token_end + 1).map((t: { text: string }) => t.text),
    ).toEqual(['ister', ' ', 'sa']);
  });
});

describe('W3C Web Annotation', () => {
  it('ids are unique across the export even when two annotators share span ids; UTF-16 positions on request', () => {
    const doc1 = JSON.parse(run({ format: 'w3c' }).files[0]?.text ?? '{}');
    const ids = doc1.first.items.map((a: { id: string }) => a.id);
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
    expect(ids).toContain('urn:marginalia:span:alice/a1');
    expect(ids).toContain('urn:marginalia:span:bob/a1');
    const utf16 = JSON.parse(run({ format: 'w3c', w3cUnit: 'utf16' }).files[0]?.text ?? '{}');
    expect(utf16['mg:positionUnit']).toBe('utf16');
    const fig = utf16.first.items.find((a: { body: { value: string }[] }) => a.body[0]?.value === 'figure');
    const pos = fig.target.selector[0];
    expect(TEXT.slice(pos.start, pos.end)).toBe('42 per cent');
    expect(fig.target.selector[1].exact).toBe('42 per cent');
    const back = parseImportFile({
      name: 'x.jsonld',
      bytes: bytes(run({ format: 'w3c', w3cUnit: 'utf16' }).files[0]?.text ?? ''),
    });
    expect(back.errors).toEqual([]);
    expect(back.annotations.flatMap((a) => a.spans.map((s) => s.id)).sort()).toEqual([
      'a1',
      'a1',
      'a2',
      'a2',
      'a3',
    ]);
  });
});

describe('BIO: counts add up', () => {
  it('spans left out are not counted as written', () => {
    const overlapping = { id: 'a4', ...at('First paragraph'), label: 'figure' as const, note: '' };
    const set = data.sets[0];
    if (!set) throw new Error('no set');
    const out = exportToStrings(
      { documents: [doc], sets: [{ ...set, spans: [...spans, overlapping] }] },
      { format: 'bio' },
    );
    if (!out.ok) throw new Error(out.error.message);
    expect(out.value.summary.leftOut?.count).toBe(1);
    expect(out.value.summary.spans).toBe(3);
  });
});
