import { describe, expect, it } from 'vitest';

import { quoted } from '../../../../renderer/src/core/text/quoted';

describe('quoted', () => {
  it('puts an excerpt between quotation marks once', () => {
    expect(quoted('Scale AI')).toBe('“Scale AI”');
    expect(quoted('“remains committed to the company.”')).toBe('“remains committed to the company.”');
    expect(quoted('“remains committed…')).toBe('“remains committed…');
    expect(quoted('said the company.”')).toBe('said the company.”');
    expect(quoted('"straight"')).toBe('"straight"');
    expect(quoted('« guillemets »')).toBe('« guillemets »');
  });
});
