import { describe, expect, it } from 'vitest';

import { parseImportFile } from '../../../../renderer/src/core/formats/import';
import { bytes, makeDocument } from './corpus';

const doc = makeDocument('OpenAI will keep working with Scale AI.', 0, 'Keeps');
const other = makeDocument('OpenAI cut ties with Scale AI.', 1, 'Cut ties');

const docLine = (d: typeof doc, annotator: string, spans: { start: number; end: number }[]) =>
  JSON.stringify({
    schema_version: 1,
    doc_id: d.id,
    title: d.title,
    text: d.text,
    annotator,
    status: 'done',
    spans: spans.map((s, i) => ({ id: `s${i}`, start: s.start, end: s.end, label: 'claim', note: '' })),
    meta: {},
  });

const linkLine = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    schema_version: 1,
    record: 'link',
    id: 'l1',
    annotator: 'alice',
    relation: 'contradicts',
    from: { doc_id: doc.id, start: 0, end: 39 },
    to: { doc_id: other.id, start: 0, end: 30 },
    note: '',
    ...over,
  });

function load(lines: string[]) {
  return parseImportFile({ name: 'links.jsonl', bytes: bytes(`${lines.join('\n')}\n`) });
}

const base = [
  docLine(doc, 'alice', [{ start: 0, end: 39 }]),
  docLine(other, 'alice', [{ start: 0, end: 30 }]),
];

describe('importing native link lines', () => {
  it('reads a valid link, even when it comes before its documents', () => {
    const r = load([linkLine(), ...base]);
    expect(r.errors).toEqual([]);
    expect(r.links).toEqual([
      {
        id: 'l1',
        annotator: 'alice',
        relation: 'contradicts',
        from: { docId: doc.id, start: 0, end: 39 },
        to: { docId: other.id, start: 0, end: 30 },
        note: '',
      },
    ]);
  });

  it('refuses an unknown relation with its line, and imports nothing', () => {
    const r = load([...base, linkLine({ relation: 'refutes' })]);
    expect(r.ok).toBe(false);
    expect(r.documents).toEqual([]);
    expect(r.links).toEqual([]);
    expect(r.errors).toEqual([
      {
        line: 3,
        field: 'relation',
        message: 'The relation "refutes" is not known (links are same_claim, supports, contradicts).',
      },
    ]);
  });

  it('refuses a self-link', () => {
    const r = load([...base, linkLine({ to: { doc_id: doc.id, start: 0, end: 39 } })]);
    expect(r.errors).toEqual([
      {
        line: 3,
        field: null,
        message: 'A link joins two different spans; from and to are both 0–39 of one document.',
      },
    ]);
  });

  it('refuses an endpoint that is not a span of that annotator in the file (one character off, or another annotator’s)', () => {
    const off = load([...base, linkLine({ to: { doc_id: other.id, start: 0, end: 29 } })]);
    expect(off.errors).toEqual([
      { line: 3, field: 'to', message: 'to: alice has no span at 0–29 in "Cut ties".' },
    ]);
    const bobs = load([base[0] as string, docLine(other, 'bob', [{ start: 0, end: 30 }]), linkLine()]);
    expect(bobs.errors).toEqual([
      { line: 3, field: 'to', message: 'to: alice has no span at 0–30 in "Cut ties".' },
    ]);
  });

  it('refuses an endpoint in a document that is not in the file, or outside the text', () => {
    const gone = load([base[0] as string, linkLine()]);
    expect(gone.errors[0]).toMatchObject({ line: 2, field: 'to' });
    expect(gone.errors[0]?.message).toMatch(/^to: the document sha256:[0-9a-f]{12}… is not in this file\.$/);
    const out = load([...base, linkLine({ from: { doc_id: doc.id, start: 30, end: 99 } })]);
    expect(out.errors).toEqual([
      {
        line: 3,
        field: 'from',
        message: 'from: 30–99 is not a span of "Keeps" (0 ≤ start < end ≤ 39 code points).',
      },
    ]);
  });

  it('refuses a link id used twice by one annotator; reads a repeated link once, with a warning', () => {
    const twice = load([...base, linkLine(), linkLine({ relation: 'supports' })]);
    expect(twice.errors).toEqual([
      { line: 4, field: 'id', message: 'alice has another link with the id "l1" on line 3.' },
    ]);
    const repeated = load([
      ...base,
      linkLine(),
      linkLine({
        id: 'l2',
        from: { doc_id: other.id, start: 0, end: 30 },
        to: { doc_id: doc.id, start: 0, end: 39 },
      }),
    ]);
    expect(repeated.errors).toEqual([]);
    expect(repeated.links).toHaveLength(1);
    expect(repeated.warnings).toEqual([
      {
        line: 4,
        field: null,
        message: 'This link repeats the one on line 3 (same relation and spans); it was read once.',
      },
    ]);
  });

  it('refuses a malformed link line, an unknown record type, and drops unknown keys with a warning', () => {
    const bad = load([...base, linkLine({ from: { doc_id: doc.id, start: 'zero', end: 39 } })]);
    expect(bad.errors[0]).toMatchObject({ line: 3, field: 'from.start' });
    const kind = load([...base, linkLine({ record: 'comment' })]);
    expect(kind.errors).toEqual([
      {
        line: 3,
        field: 'record',
        message:
          'The record type "comment" is not known: a line is a document (no "record") or a link ("record":"link").',
      },
    ]);
    const extra = load([...base, linkLine({ weight: 3 })]);
    expect(extra.errors).toEqual([]);
    expect(extra.warnings).toEqual([
      { line: 3, field: 'weight', message: 'The unknown key "weight" was dropped.' },
    ]);
  });
});
