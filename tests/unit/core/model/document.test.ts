import { describe, expect, it } from 'vitest';

import { deriveTitle, normalizePlainText } from '../../../../renderer/src/core/model/document';
import { navigate, navigateRead } from '../../../../renderer/src/core/model/library-navigation';
import { documentIdForText } from '../../../../renderer/src/core/text/text-hash';

describe('documents', () => {
  it('uses a short first line as the title, and shortens a paragraph at a word boundary', () => {
    expect(deriveTitle('OpenAI to continue working with Scale AI after Meta deal\nBody')).toBe(
      'OpenAI to continue working with Scale AI after Meta deal',
    );
    const long =
      'AI firm OpenAI has begun winding down its contracts with U.S.-based data labeling firm Scale AI after the company was acquired.';
    const t = deriveTitle(`${long}\nMore`);
    expect(t.endsWith('…')).toBe(true);
    expect(Array.from(t).length).toBeLessThanOrEqual(81);
    expect(long.startsWith(t.slice(0, -1))).toBe(true);
    expect(long.charAt(t.length - 1)).toBe(' ');
    expect(deriveTitle('\n\n  Title after blanks  \nx')).toBe('Title after blanks');
    expect(deriveTitle('   ')).toBe('Untitled');
  });

  it('normalises only BOM and line endings', () => {
    expect(normalizePlainText('\ufeffa\r\nb\rc\n\u00a0 ')).toBe('a\nb\nc\n\u00a0 ');
    expect(normalizePlainText('e\u0301')).toBe('e\u0301');
  });

  // Expected values from Python: hashlib.sha256(text.encode()).hexdigest()
  it('ids are the sha256 of the UTF-8 text', () => {
    expect(documentIdForText('')).toBe(
      'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(documentIdForText('😀')).toBe(
      'sha256:f0443a342c5ef54783a111b51ba56c938e474c32324d90c3a60c9c8e3a37e2d9',
    );
  });
});

describe('library navigation', () => {
  const ids = ['a', 'b', 'c', 'd'];
  const status = (id: string) => (id === 'b' || id === 'c' ? 'done' : 'todo');
  it('moves next and previous, stopping at the ends', () => {
    expect(navigate(ids, status, 'a', 'next')).toBe('b');
    expect(navigate(ids, status, 'd', 'next')).toBeNull();
    expect(navigate(ids, status, 'a', 'previous')).toBeNull();
    expect(navigate(ids, status, 'c', 'previous')).toBe('b');
  });
  it('finds the next document not done, wrapping around', () => {
    expect(navigate(ids, status, 'a', 'next-not-done')).toBe('d');
    expect(navigate(ids, status, 'd', 'next-not-done')).toBe('a');
    expect(navigate(['b', 'c'], status, 'b', 'next-not-done')).toBeNull();
  });
  it('over the first entries only (the rest still read), never goes past them nor wraps round', () => {
    const first = ['a', 'b', 'c'];
    expect(navigateRead(first, status, 'a', 'next', false)).toBe('b');
    expect(navigateRead(first, status, 'c', 'next', false)).toBeNull();
    expect(navigateRead(first, status, 'c', 'previous', false)).toBe('b');
    expect(navigateRead(first, status, 'b', 'next-not-done', false)).toBeNull(); // would wrap to 'a'
    expect(navigateRead(first, status, 'x', 'next', false)).toBeNull(); // the open one is further on
    expect(navigateRead(first, status, null, 'next', false)).toBeNull();
    expect(navigateRead(ids, status, 'd', 'next-not-done', true)).toBe('a');
  });
});
