import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';

import { SnapshotStore } from '../../../renderer/src/db/backup-store';

let n = 0;
const opened: { store: SnapshotStore; name: string }[] = [];
function store(name = `snapshots-${process.pid}-${n++}`): SnapshotStore {
  const s = new SnapshotStore(name);
  opened.push({ store: s, name });
  return s;
}
afterEach(async () => {
  for (const { store: s, name } of opened.splice(0)) {
    s.close();
    await Dexie.delete(name);
  }
});

const snap = (content: string, reason = 'interval') => ({
  content,
  digest: `d-${content}`,
  reason,
  writtenAt: '2026-01-02T03:04:05.678Z',
  bytes: content.length,
});

describe('browser snapshots (issue 19 item 4)', () => {
  it('keeps the last N, newest first, each readable by name, even within one millisecond', async () => {
    const s = store();
    for (const c of ['a', 'b', 'c', 'd']) await s.save(snap(c), 3);
    const list = await s.list();
    expect(list.map((e) => e.digest)).toEqual(['d-d', 'd-c', 'd-b']);
    expect(new Set(list.map((e) => e.name)).size).toBe(3);
    expect(list[0]?.name).toMatch(/^marginalia-backup-2026-01-02T03-04-05-678Z-interval-3\.jsonl$/);
    expect(await s.read(list[2]?.name ?? '')).toBe('b');
    expect(await s.read('marginalia-backup-2026-01-02T03-04-05-678Z-interval.jsonl')).toBeNull();
  });

  it('a copy made before a restore is a new snapshot: the one being restored stays', async () => {
    const s = store();
    const first = await s.save(snap('A', 'manual'), 20);
    await s.save(snap('B', 'before-restore'), 20);
    expect(await s.read(first.name)).toBe('A');
    expect((await s.list()).map((e) => e.reason)).toEqual(['before-restore', 'manual']);
  });

  it('upgrades the single snapshot of version 1 into the list', async () => {
    const name = `snapshots-v1-${process.pid}-${n++}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ snapshots: 'id' });
    await v1.table('snapshots').put({ id: 'latest', ...snap('old', 'quit') });
    v1.close();
    const s = store(name);
    const list = await s.list();
    expect(list).toEqual([
      {
        name: 'marginalia-backup-2026-01-02T03-04-05-678Z-quit.jsonl',
        digest: 'd-old',
        reason: 'quit',
        writtenAt: '2026-01-02T03:04:05.678Z',
        bytes: 3,
      },
    ]);
    expect(await s.read(list[0]?.name ?? '')).toBe('old');
  });
});
