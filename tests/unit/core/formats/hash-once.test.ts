import { describe, expect, it, vi } from 'vitest';

import { serializeNativeRecord } from '../../../../renderer/src/core/formats/native';
import { parseImportFile } from '../../../../renderer/src/core/formats/import';
import * as hash from '../../../../renderer/src/core/text/text-hash';

vi.mock('../../../../renderer/src/core/text/text-hash', async (importOriginal) => {
  const real = await importOriginal<typeof hash>();
  return { ...real, documentIdForText: vi.fn(real.documentIdForText) };
});

// Issue 20: a native record's text was hashed twice (checking doc_id, then as the document's id),
// a tenth of a 100,000-line import.
describe('native import hashes each text once', () => {
  it('one documentIdForText per record', () => {
    const lines = Array.from({ length: 50 }, (_, i) => {
      const text = `Article ${i} 😀 says “${i}”.`;
      return serializeNativeRecord({
        document: { id: hash.documentIdForText(text), title: `T${i}`, text, meta: {} },
        annotator: 'a',
        status: 'todo',
        spans: [{ id: `s${i}`, start: 0, end: 7, label: 'claim', note: '' }],
      });
    });
    const calls = vi.mocked(hash.documentIdForText);
    calls.mockClear();
    const r = parseImportFile({ name: 'x.jsonl', bytes: new TextEncoder().encode(`${lines.join('\n')}\n`) });
    expect(r.ok).toBe(true);
    expect(r.ok && r.documents).toHaveLength(50);
    expect(calls).toHaveBeenCalledTimes(50);
  });
});
