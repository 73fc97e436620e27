import { describe, expect, it } from 'vitest';
import { articleDoc, checkPulledArticle } from '../../../../renderer/src/core/sync/article-doc';
import { emptySpanSet, type SpanSetDoc } from '../../../../renderer/src/core/sync/span-set';
import { validateSpanSet } from '../../../../renderer/src/core/sync/validate';
import { documentIdForText } from '../../../../renderer/src/core/text/text-hash';

const TEXT = 'The minister said 42 per cent 😀.';
const DOC = documentIdForText(TEXT);
const set = (extra: Partial<SpanSetDoc> = {}): SpanSetDoc => ({
  ...emptySpanSet(DOC, 'alice', { updated_at: 1, by: 'dev1' }),
  ...extra,
});

describe('span set validation', () => {
  it('accepts a well-formed set with spans, tombstones, history and links', () => {
    const doc = set({
      spans: {
        s1: { start: 0, end: 3, label: 'claim', note: '', updated_at: 5, by: 'dev1' },
        s2: {
          deleted: true,
          updated_at: 6,
          by: 'dev2',
          history: [{ start: 4, end: 9, label: 'quote', note: 'n', unsure: true, updated_at: 4, by: 'dev1' }],
        },
      },
      links: {
        l1: {
          relation: 'supports',
          from: { start: 0, end: 3 },
          to: { doc_id: DOC, start: 4, end: 9 },
          note: '',
          updated_at: 7,
          by: 'dev1',
        },
      },
    });
    expect(validateSpanSet(JSON.parse(JSON.stringify(doc)))).toEqual({ ok: true, value: doc });
  });

  it('names each problem and never throws', () => {
    const bad = {
      ...set(),
      _id: 'spans:other',
      schema: 2,
      spans: {
        s1: { start: 5, end: 5, label: 'opinion', note: 3, updated_at: -1, by: '' },
        s2: { deleted: 'yes', updated_at: 1, by: 'd' },
      },
      links: [],
    };
    const r = validateSpanSet(bad);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toEqual([
        `_id must be "spans:${DOC}".`,
        'schema 2 is not supported (this version reads 1).',
        'spans["s1"].updated_at must be a time in milliseconds.',
        'spans["s1"].by must name the replica that wrote it.',
        'spans["s1"] must have whole-number offsets with start < end (code points).',
        'spans["s1"].label "opinion" is not a label.',
        'spans["s1"].note must be text.',
        'spans["s2"].deleted must be true or absent.',
        'links must be an object keyed by id.',
      ]);
    for (const v of [null, 3, 'x', [], { spans: null }]) expect(validateSpanSet(v).ok).toBe(false);
  });

  it('names each problem of a link: relation, ends, article id, note, self-link', () => {
    const stamp = { updated_at: 2, by: 'dev1' };
    const links = {
      l1: {
        relation: 'refutes',
        from: { start: 0, end: 3 },
        to: { doc_id: DOC, start: 4, end: 9 },
        note: '',
      },
      l2: {
        relation: 'supports',
        from: { start: 3, end: 3 },
        to: { doc_id: 'a.txt', start: 1, end: 2 },
        note: 1,
      },
      l3: {
        relation: 'same_claim',
        from: { start: 0, end: 3 },
        to: { doc_id: DOC, start: 0, end: 3 },
        note: '',
      },
      l4: { deleted: true, ...stamp },
    };
    const r = validateSpanSet(
      JSON.parse(
        JSON.stringify({
          ...set(),
          links: Object.fromEntries(Object.entries(links).map(([k, v]) => [k, { ...v, ...stamp }])),
        }),
      ),
    );
    expect(r).toEqual({
      ok: false,
      error: [
        'links["l1"].relation "refutes" is not one of same_claim, supports, contradicts.',
        'links["l2"].from must have whole-number offsets with start < end (code points).',
        'links["l2"].to.doc_id must be an article id.',
        'links["l2"].note must be text.',
        'links["l3"] links a span to itself.',
      ],
    });
  });
});

describe('pulled articles', () => {
  const doc = articleDoc({ id: DOC, title: 'Minister', text: TEXT, source: 'a.txt', meta: { k: 1 } });

  it('are accepted when the text hashes to the id', () => {
    const r = checkPulledArticle(JSON.parse(JSON.stringify({ ...doc, _rev: '1-x' })));
    expect(r).toEqual({
      ok: true,
      value: { id: DOC, title: 'Minister', text: TEXT, length: 32, source: 'a.txt', meta: { k: 1 } },
    });
  });

  it('are refused with a message when the text was changed', () => {
    const r = checkPulledArticle({ ...doc, text: `${TEXT} ` });
    expect(r).toEqual({
      ok: false,
      error: `The article "Minister" was refused: its text does not hash to its id ${DOC}, so it was changed after it was added.`,
    });
    expect(checkPulledArticle({ ...doc, _id: 'x' }).ok).toBe(false);
    expect(checkPulledArticle({ ...doc, text: 3 }).ok).toBe(false);
    expect(checkPulledArticle(null).ok).toBe(false);
  });
});
