import { describe, expect, it, vi } from 'vitest';

import { loadAgreementSource } from '../../../renderer/src/db/repositories/agreement';
import { applyAnnotationCommand } from '../../../renderer/src/db/repositories/annotations';
import { addDocuments } from '../../../renderer/src/db/repositories/documents';
import { freshDb } from './fresh-db';

// A lead with 10,000 articles recomputes the Agreement view after every pulled label; the source
// must read the documents its sets name, not the whole table (~0.6 s a refresh at 10,000).
describe('loadAgreementSource', () => {
  it('reads only the documents some set names, and keeps them in library order', async () => {
    const db = await freshDb();
    const texts = Array.from({ length: 300 }, (_, i) => ({
      text: `Article number ${i} says something.`,
      source: 't',
      title: `T${i}`,
    }));
    const { ids } = await addDocuments(db, texts);
    const chosen = [ids[250], ids[7], ids[120]] as string[];
    for (const [i, docId] of chosen.entries())
      for (const who of ['alice', 'bob'])
        await applyAnnotationCommand(db, docId, who, {
          kind: 'create',
          span: { id: `${who}-${i}`, start: 0, end: 7, label: 'claim', note: '' },
        });
    const whole = vi.spyOn(db.documents, 'orderBy');
    const source = await loadAgreementSource(db, null, ['alice', 'bob']);
    expect(whole).not.toHaveBeenCalled();
    expect(source.documents.map((d) => d.title)).toEqual(['T7', 'T120', 'T250']);
    expect(source.documents[0]?.text).toBe('Article number 7 says something.');
    expect(source.sets).toHaveLength(6);
  });
});
