import { useLiveQuery } from 'dexie-react-hooks';

import { userDb } from '../../core/sync/project-layout';
import type { SpanContent, Version } from '../../core/sync/span-set';
import { syncedSpanSet } from '../../db/repositories/sync';
import { useServices } from '../providers';
import { useTeamSync } from './TeamSyncProvider';

export type SpanVersion = Version<SpanContent>;

const NONE: ReadonlyMap<string, readonly SpanVersion[]> = new Map();

/**
 * The versions of each of the user's spans on a document that lost a merge (the same span changed
 * on two machines: the newest won), from the synced copy, by span id; followed live. Empty without
 * a team.
 */
export function useSpanHistory(docId: string): ReadonlyMap<string, readonly SpanVersion[]> {
  const { db } = useServices();
  const { config } = useTeamSync();
  const own = config ? userDb(config.project, config.user) : null;
  return (
    useLiveQuery(async () => {
      if (!own) return NONE;
      const set = await syncedSpanSet(db, own, docId);
      const out = new Map<string, readonly SpanVersion[]>();
      for (const [id, e] of Object.entries(set?.spans ?? {})) if (e.history?.length) out.set(id, e.history);
      return out;
    }, [db, own, docId]) ?? NONE
  );
}
