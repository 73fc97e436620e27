import { describe, expect, it } from 'vitest';

import {
  addMetaField,
  applyDetailsEdit,
  checkDetailsEdit,
  describeDetailsEdit,
  invertDetailsEdit,
  mergeDetailsEdits,
  metaValueFromText,
  metaValueText,
  rebaseDetailsEdit,
  sameDetails,
  setMeta,
  setText,
  type DetailsEdit,
  type DocumentDetails,
} from '../../../../renderer/src/core/model/document-details';

const doc: DocumentDetails = {
  title: 'Council approves budget',
  source: 'https://example.org/a',
  meta: { author: 'Ann', year: 1998, source_ids: ['a', 'b'] },
};

const refusal = (edit: DetailsEdit) => {
  const r = checkDetailsEdit(edit);
  return r.ok ? null : r.error;
};

describe('checking a document details edit (errors as values naming the field)', () => {
  it('titles: 1–300 characters (code points), not blank, one line without control characters', () => {
    expect(refusal(setText(doc, 'title', 'A'))).toBeNull();
    expect(refusal(setText(doc, 'title', '👨‍👩‍👧'.repeat(60)))).toBeNull(); // 300 code points
    expect(refusal(setText(doc, 'title', 'x'.repeat(301)))).toEqual({
      field: 'title',
      message: 'The title is 301 characters long; at most 300.',
    });
    expect(refusal(setText(doc, 'title', '   '))).toEqual({
      field: 'title',
      message: 'The title cannot be empty.',
    });
    expect(refusal(setText(doc, 'title', 'a\nb'))?.message).toMatch(
      /^The title contains a control character/,
    );
    expect(refusal(setText(doc, 'title', 'a\u0085b'))?.field).toBe('title');
    expect(refusal(setText(doc, 'title', 'a\u0000b'))?.field).toBe('title');
    expect(refusal(setText(doc, 'title', 'a\ud800b'))?.message).toMatch(/lone surrogate/);
  });

  it('sources: at most 2,000 characters, one line; empty is allowed', () => {
    expect(refusal(setText(doc, 'source', ''))).toBeNull();
    expect(refusal(setText(doc, 'source', 'x'.repeat(2001)))?.field).toBe('source');
    expect(refusal(setText(doc, 'source', 'a\tb'))?.field).toBe('source');
  });

  it('keys: non-empty, at most 64 characters, never __proto__ (constructor and prototype are plain data)', () => {
    expect(refusal(setMeta(doc, '', 'v'))?.message).toBe('A metadata field needs a name.');
    expect(refusal(setMeta(doc, 'k'.repeat(65), 'v'))?.message).toBe(
      'The field name is 65 characters long; at most 64.',
    );
    expect(refusal(setMeta(doc, '__proto__', 'v'))).toEqual({
      field: 'meta.__proto__',
      message: 'A metadata field cannot be named “__proto__”.',
    });
    expect(refusal(setMeta(doc, 'constructor', 'v'))).toBeNull();
    expect(refusal(setMeta(doc, 'prototype', 'v'))).toBeNull();
    expect(refusal(setMeta(doc, 'a\nb', 'v'))?.field).toBe('meta.a\nb');
  });

  it('values: JSON scalars, strings of at most 2,000 characters; removing is always allowed', () => {
    for (const v of ['', 'x'.repeat(2000), 0, -1.5, true, false, null])
      expect(refusal(setMeta(doc, 'k', v))).toBeNull();
    expect(refusal(setMeta(doc, 'k', 'x'.repeat(2001)))).toEqual({
      field: 'meta.k',
      message: '“k” is 2001 characters long; at most 2000.',
    });
    expect(refusal(setMeta(doc, 'k', ['a']))?.field).toBe('meta.k');
    expect(refusal(setMeta(doc, 'k', { a: 1 }))?.field).toBe('meta.k');
    expect(refusal(setMeta(doc, 'k', Number.NaN))?.field).toBe('meta.k');
    expect(refusal(setMeta(doc, 'k', 'a\u0000'))?.field).toBe('meta.k');
    // An imported list may be removed (it is one undo step away).
    expect(refusal(setMeta(doc, 'source_ids', undefined))).toBeNull();
  });

  it('adding a field refuses a name already taken, and trims the name', () => {
    expect(addMetaField(doc, 'author', 'Bob')).toEqual({
      ok: false,
      error: {
        field: 'meta.author',
        message: 'A field named “author” exists already: change its value above.',
      },
    });
    expect(addMetaField(doc, ' date ', '2024-05-01')).toEqual({
      ok: true,
      value: { field: 'meta', key: 'date', before: undefined, after: '2024-05-01' },
    });
  });
});

describe('applying, inverting and folding edits', () => {
  it('sets one field; undo (the inverse) gives the details back exactly', () => {
    const edits: DetailsEdit[] = [
      setText(doc, 'title', 'New'),
      setText(doc, 'source', 'paper'),
      setMeta(doc, 'author', 'Bob'),
      setMeta(doc, 'date', '2024'),
      setMeta(doc, 'source_ids', undefined),
    ];
    for (const e of edits) {
      const after = applyDetailsEdit(doc, e);
      expect(sameDetails(after, doc)).toBe(false);
      expect(applyDetailsEdit(after, invertDetailsEdit(e))).toEqual(doc);
    }
    expect(Object.keys(applyDetailsEdit(doc, setMeta(doc, 'date', '2024')).meta)).toEqual([
      'author',
      'year',
      'source_ids',
      'date',
    ]);
  });

  it('keys named constructor or prototype are plain data: no prototype is touched', () => {
    const d = applyDetailsEdit(
      applyDetailsEdit(doc, setMeta(doc, 'constructor', 'x')),
      setMeta(doc, 'prototype', 'y'),
    );
    expect(d.meta['constructor']).toBe('x');
    expect(Object.getPrototypeOf(d.meta)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['constructor']).toBe(Object);
    expect(Object.prototype).not.toHaveProperty('prototype');
  });

  it('folds the saves of one field into one step, never two fields or two keys', () => {
    const a = setText(doc, 'title', 'Co');
    const b: DetailsEdit = { field: 'title', before: 'Co', after: 'Cou' };
    expect(mergeDetailsEdits(a, b)).toEqual({ field: 'title', before: doc.title, after: 'Cou' });
    expect(mergeDetailsEdits(a, setText(doc, 'source', 'x'))).toBeNull();
    expect(mergeDetailsEdits(setMeta(doc, 'author', 'B'), setMeta(doc, 'year', 2))).toBeNull();
  });

  it('describes each edit for the status line', () => {
    expect(describeDetailsEdit(setText(doc, 'title', 'x'))).toBe('edited the title');
    expect(describeDetailsEdit(setMeta(doc, 'date', 'x'))).toBe('added the field date');
    expect(describeDetailsEdit(setMeta(doc, 'author', undefined))).toBe('removed the field author');
    expect(describeDetailsEdit(setMeta(doc, 'author', 'B'))).toBe('edited the field author');
  });
});

describe('an edit replayed onto the document as stored now (another window changed it)', () => {
  it('writes only its field: another window’s change to another field survives', () => {
    const stored = { ...doc, source: 'changed elsewhere', meta: { ...doc.meta, year: 2001 } };
    expect(rebaseDetailsEdit(stored, setText(doc, 'title', 'Mine'))).toEqual({
      ok: true,
      value: { ...stored, title: 'Mine' },
    });
    expect(rebaseDetailsEdit(stored, setMeta(doc, 'author', 'Bob'))).toEqual({
      ok: true,
      value: { ...stored, meta: { ...stored.meta, author: 'Bob' } },
    });
  });

  it('refuses its field changed elsewhere to another value, naming it; the same value is no clash', () => {
    const stored = { ...doc, title: 'Theirs', meta: { ...doc.meta, author: 'Carol' } };
    expect(rebaseDetailsEdit(stored, setText(doc, 'title', 'Mine'))).toEqual({
      ok: false,
      error: "This document's title was changed in another window meanwhile; it shows as it is stored now.",
    });
    expect(rebaseDetailsEdit(stored, setMeta(doc, 'author', 'Bob'))).toMatchObject({
      ok: false,
      error: expect.stringContaining('metadata field “author”'),
    });
    // Both windows added the same field with different values.
    const added = { ...doc, meta: { ...doc.meta, date: '2020' } };
    expect(rebaseDetailsEdit(added, setMeta(doc, 'date', '2024')).ok).toBe(false);
    expect(rebaseDetailsEdit(stored, setText(doc, 'title', 'Theirs'))).toEqual({ ok: true, value: stored });
    // Lists compare as JSON.
    const list = { ...doc, meta: { ...doc.meta, source_ids: ['a', 'b'] } };
    expect(rebaseDetailsEdit(list, setMeta(doc, 'source_ids', undefined)).ok).toBe(true);
  });
});

describe('metadata values in text boxes', () => {
  it('a number, true/false or null keeps its type while the text still reads as one', () => {
    expect(metaValueFromText(1998, '1999')).toBe(1999);
    expect(metaValueFromText(1998, '19a')).toBe('19a');
    expect(metaValueFromText(true, 'false')).toBe(false);
    expect(metaValueFromText(null, '')).toBeNull();
    expect(metaValueFromText('Ann', '12')).toBe('12');
    expect(metaValueFromText(undefined, 'x')).toBe('x');
    expect(metaValueText(['a'])).toBe('["a"]');
    expect(metaValueText(null)).toBe('null');
    expect(metaValueText(3)).toBe('3');
  });
});
