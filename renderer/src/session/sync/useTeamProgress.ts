import { useEffect, useState } from 'react';

import { useServices } from '../providers';
import { ProgressFollower, type ProgressSnapshot } from './progress-follower';
import { useTeamSync } from './TeamSyncProvider';

const NONE: ProgressSnapshot = { progress: null, reading: 0 };

/**
 * The lead's progress figures, following the database live (null when this installation is not
 * connected as a lead). See progress-follower.ts for how little each update reads.
 */
export function useTeamProgress(): ProgressSnapshot | null {
  const { db } = useServices();
  const { config } = useTeamSync();
  const project = config?.role === 'lead' ? config.project : null;
  const [snapshot, setSnapshot] = useState<ProgressSnapshot>(NONE);
  useEffect(() => {
    if (!project) return;
    setSnapshot(NONE);
    const f = new ProgressFollower(db, project, setSnapshot);
    f.start();
    return () => f.stop();
  }, [db, project]);
  return project ? snapshot : null;
}
