import { describe, expect, it } from 'vitest';

import {
  applyLinkCommand,
  createLink,
  invertLinkCommand,
} from '../../../../renderer/src/core/links/commands';
import {
  compareLinks,
  isRelation,
  linkKey,
  relationForDigit,
  RELATIONS,
} from '../../../../renderer/src/core/links/link';
import {
  spanLookup,
  validateLink,
  type LinkContext,
  type RawLink,
} from '../../../../renderer/src/core/links/validate';
import { DOC_A, DOC_B, DOC_C, end, link } from './link-fixtures';

const sets = [
  {
    docId: DOC_A,
    annotator: 'alice',
    spans: [
      { start: 0, end: 10 },
      { start: 20, end: 30 },
    ],
  },
  { docId: DOC_B, annotator: 'alice', spans: [{ start: 5, end: 15 }] },
  { docId: DOC_B, annotator: 'bob', spans: [{ start: 5, end: 16 }] },
];
const ctx: LinkContext = {
  docLength: (id) => (id === DOC_A ? 100 : id === DOC_B ? 50 : undefined),
  hasSpan: spanLookup(sets),
  docName: (id) => (id === DOC_A ? 'Article A' : 'Article B'),
  scope: 'this file',
};
const raw = (over: Partial<RawLink> = {}): RawLink => ({
  id: 'x1',
  annotator: 'alice',
  relation: 'contradicts',
  from: end(DOC_A, 0, 10),
  to: end(DOC_B, 5, 15),
  note: '',
  ...over,
});

describe('link keys', () => {
  it('ignores direction for same_claim and contradicts, not for supports', () => {
    for (const r of RELATIONS) {
      const ab = link('a', r, [DOC_A, 0, 10], [DOC_B, 5, 15]);
      const ba = link('b', r, [DOC_B, 5, 15], [DOC_A, 0, 10]);
      expect(linkKey(ab) === linkKey(ba)).toBe(r !== 'supports');
    }
  });

  it('tells endpoints one character apart', () => {
    const a = link('a', 'same_claim', [DOC_A, 0, 10], [DOC_B, 5, 15]);
    const b = link('b', 'same_claim', [DOC_A, 0, 10], [DOC_B, 5, 16]);
    expect(linkKey(a)).not.toBe(linkKey(b));
  });

  it('orders links deterministically and reads relations from digits 1–3', () => {
    const x = link('bob', 'supports', [DOC_A, 0, 10], [DOC_B, 5, 15]);
    const y = link('alice', 'supports', [DOC_B, 0, 1], [DOC_A, 5, 15]);
    const z = link('alice', 'same_claim', [DOC_A, 0, 10], [DOC_B, 5, 15]);
    expect([x, y, z].sort(compareLinks)).toEqual([z, y, x]);
    expect([1, 2, 3, 4].map((d) => relationForDigit(String(d)))).toEqual([
      'same_claim',
      'supports',
      'contradicts',
      undefined,
    ]);
    expect(isRelation('refutes')).toBe(false);
  });
});

describe('validateLink', () => {
  it('accepts a link between two spans of its annotator, across articles', () => {
    const r = validateLink(raw(), ctx);
    expect(r).toEqual({ ok: true, value: raw() });
  });

  it('refuses an unknown relation, naming the known ones', () => {
    const r = validateLink(raw({ relation: 'refutes' }), ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toEqual([
        {
          kind: 'unknown_relation',
          field: 'relation',
          message: 'The relation "refutes" is not known (links are same_claim, supports, contradicts).',
        },
      ]);
    }
  });

  it('refuses a self-link', () => {
    const r = validateLink(raw({ to: end(DOC_A, 0, 10) }), ctx);
    expect(r.ok ? [] : r.error.map((p) => p.kind)).toEqual(['self_link']);
  });

  it('refuses an endpoint that is not a span of the annotator (one character off, or someone else’s)', () => {
    const off = validateLink(raw({ to: end(DOC_B, 5, 16) }), ctx);
    expect(off.ok ? null : off.error).toEqual([
      { kind: 'unknown_endpoint', field: 'to', message: 'to: alice has no span at 5–16 in "Article B".' },
    ]);
    const bobs = validateLink(raw({ annotator: 'bob', from: end(DOC_B, 5, 16) }), ctx);
    expect(bobs.ok ? [] : bobs.error.map((p) => `${p.kind}:${p.field}`)).toEqual(['unknown_endpoint:to']);
  });

  it('refuses offsets outside the text and unknown documents', () => {
    const out = validateLink(raw({ to: end(DOC_B, 40, 60) }), ctx);
    expect(out.ok ? null : out.error[0]?.message).toBe(
      'to: 40–60 is not a span of "Article B" (0 ≤ start < end ≤ 50 code points).',
    );
    const gone = validateLink(raw({ from: end(DOC_C, 0, 1) }), ctx);
    expect(gone.ok ? null : gone.error[0]).toMatchObject({ kind: 'unknown_document', field: 'from' });
  });

  it('reports every problem at once', () => {
    const r = validateLink(raw({ relation: 'x', from: end(DOC_C, 0, 1), to: end(DOC_C, 0, 1) }), ctx);
    expect(r.ok ? [] : r.error.map((p) => p.kind)).toEqual([
      'unknown_relation',
      'self_link',
      'unknown_document',
      'unknown_document',
    ]);
  });
});

describe('link commands', () => {
  it('creates, refuses a duplicate (either direction of a symmetric link), undoes and redoes', () => {
    const made = createLink([], raw(), ctx);
    if (!made.ok || made.value.kind !== 'create_link') throw new Error('not created');
    const after = applyLinkCommand([], made.value);
    expect(after).toHaveLength(1);
    const reversed = createLink(after, raw({ id: 'x2', from: raw().to, to: raw().from }), ctx);
    expect(reversed.ok ? null : reversed.error[0]?.message).toBe('This contradicts link already exists.');
    const supports = createLink(after, raw({ id: 'x3', relation: 'supports' }), ctx);
    expect(supports.ok).toBe(true);
    expect(applyLinkCommand(after, invertLinkCommand(made.value))).toEqual([]);
    const original = made.value.link;
    const edited = { ...original, note: 'see paragraph 2' };
    const update = { kind: 'update_link', before: original, after: edited } as const;
    expect(applyLinkCommand(after, update)).toEqual([edited]);
    expect(applyLinkCommand([edited], invertLinkCommand(update))).toEqual([original]);
  });
});
