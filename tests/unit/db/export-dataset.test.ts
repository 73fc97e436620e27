import { afterEach, describe, expect, it } from 'vitest';

import { exportToStrings } from '../../../renderer/src/core/formats/export';
import { MarginaliaDb } from '../../../renderer/src/db/database';
import { addDocuments } from '../../../renderer/src/db/repositories/documents';
import { listAnnotators, loadExportDataset } from '../../../renderer/src/db/repositories/export-dataset';

const dbs: MarginaliaDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

describe('loadExportDataset', () => {
  it('exports gold with its provenance in the record meta, and only touched documents unless asked', async () => {
    const db = new MarginaliaDb(`export-${process.pid}`);
    await db.open();
    dbs.push(db);
    const { ids } = await addDocuments(db, [
      { text: 'Gold 😀 text', source: 't', title: 'A' },
      { text: 'Untouched', source: 't', title: 'B' },
    ]);
    const provenance = {
      proposedBy: ['alice', 'bob'],
      decidedBy: 'lead',
      decidedAt: '2026-11-23T12:00:00.000Z',
      action: 'accepted',
      decision: 'd1',
    };
    await db.transaction('rw', db.goldSpans, () =>
      db.goldSpans.put({
        id: 'g1',
        docId: ids[0]!,
        start: 5,
        end: 6,
        label: 'figure',
        note: '',
        updatedAt: 1,
        provenance,
      } as never),
    );
    expect(await listAnnotators(db)).toEqual(['gold']);
    const data = await loadExportDataset(db, null, ['gold']);
    expect(data.sets).toHaveLength(1);
    expect(data.sets[0]?.recordMeta).toMatchObject({
      gold: { g1: expect.objectContaining({ proposed_by: ['alice', 'bob'], decided_by: 'lead' }) },
    });
    const out = exportToStrings(data, { format: 'native', includeUnannotated: false });
    expect(out.ok && JSON.parse(out.value.files[0]!.text.trim()).meta.gold.g1.decided_by).toBe('lead');
    expect((await loadExportDataset(db, null, ['alice'], true)).sets).toHaveLength(2);
    expect((await loadExportDataset(db, null, ['alice'], false)).sets).toHaveLength(0);
  });
});
