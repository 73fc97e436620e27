import 'fake-indexeddb/auto';

import { describe, expect, it } from 'vitest';

import { onDatabaseChanged } from '../../../renderer/src/db/observe-changes';
import { setStatus } from '../../../renderer/src/db/repositories/progress';
import { setSetting } from '../../../renderer/src/db/repositories/settings';
import { freshDb } from './fresh-db';

describe('onDatabaseChanged', () => {
  it('reports the tables each committed write touched, for this database only', async () => {
    const db = await freshDb('observe');
    const other = await freshDb('observe-other');
    const seen: string[][] = [];
    const off = onDatabaseChanged(db.name, (tables) => seen.push([...tables].sort()));
    await setSetting(db, 'sidebarOpen', false);
    await setStatus(db, 'doc-1', 'ana', 'done');
    await setSetting(other, 'sidebarOpen', false);
    await new Promise((r) => setTimeout(r, 50));
    off();
    await setSetting(db, 'sidebarOpen', true);
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).toEqual([['settings'], ['progress']]);
  });
});
