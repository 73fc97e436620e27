import { describe, expect, it } from 'vitest';

import { MarginaliaDb } from '../../../renderer/src/db/database';
import { announceInBulk, onDatabaseChanged } from '../../../renderer/src/db/observe-changes';
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

  it('a bulk writer announces nothing key by key, then every table once', async () => {
    const name = 'observe-bulk';
    // The app has created the database; the import worker opens a second connection to it.
    const app = new MarginaliaDb(name);
    await app.open();
    await new Promise((r) => setTimeout(r, 50));
    const seen: string[][] = [];
    const off = onDatabaseChanged(name, (tables) => seen.push([...tables].sort()));
    const db = new MarginaliaDb(name);
    const changes = announceInBulk(db);
    await db.open();
    await setSetting(db, 'sidebarOpen', false);
    await setStatus(db, 'doc-1', 'ana', 'done');
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).toEqual([]);
    changes.announce();
    await new Promise((r) => setTimeout(r, 50));
    off();
    db.close();
    app.close();
    expect(seen).toEqual([db.tables.map((t) => t.name).sort()]);
    expect(seen[0]).toEqual(expect.arrayContaining(['documents', 'spans', 'progress', 'settings']));
  });
});
