import { liveQuery } from 'dexie';
import { useObservable } from 'dexie-react-hooks';

import { userDb } from '../../core/sync/project-layout';
import type { SpanContent, Version } from '../../core/sync/span-set';
import { syncedSpanSet } from '../../db/repositories/sync';
import { useServices } from '../providers';
import { useTeamSync } from './TeamSyncProvider';

export type SpanVersion = Version<SpanContent>;

const NONE: ReadonlyMap<string, readonly SpanVersion[]> = new Map();

/** No history to follow: its value at once, and nothing to subscribe to (no timer, no read). */
const NOTHING = {
  getValue: () => NONE,
  subscribe: () => ({ unsubscribe: () => {} }),
};

/**
 * The versions of each of the user's spans on a document that lost a merge (the same span changed
 * on two machines: the newest won), from the synced copy, by span id; followed live once `wanted`
 * (the annotate view asks after its first frame, which shows no span's history). Empty without a
 * team, with no query at all: a live query started at every open ran its timer, and the view's
 * render of its empty answer, before the open's painted frame.
 */
export function useSpanHistory(docId: string, wanted: boolean): ReadonlyMap<string, readonly SpanVersion[]> {
  const { db } = useServices();
  const { config } = useTeamSync();
  const own = config ? userDb(config.project, config.user) : null;
  return useObservable(
    () =>
      own && wanted
        ? liveQuery(async () => {
            const set = await syncedSpanSet(db, own, docId);
            const out = new Map<string, readonly SpanVersion[]>();
            for (const [id, e] of Object.entries(set?.spans ?? {}))
              if (e.history?.length) out.set(id, e.history);
            return out;
          })
        : NOTHING,
    [db, own, docId, wanted],
    NONE,
  );
}
