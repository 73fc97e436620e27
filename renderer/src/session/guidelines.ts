import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';

import { guidelinesOrDefault, type Guidelines } from '../core/model/guidelines';
import { getSetting } from '../db/repositories/settings';
import { useServices } from './providers';

/**
 * The project's label guidelines, live (an edit shows at once in every view); defaults until read.
 * The same object until they change, so a memoised view they are passed to does not render again.
 */
export function useGuidelines(): Guidelines {
  const { db } = useServices();
  const stored = useLiveQuery(() => getSetting(db, 'guidelines'), [db]);
  return useMemo(() => guidelinesOrDefault(stored), [stored]);
}

/**
 * The guidelines the lead set for this project, or undefined while they are the built-in defaults:
 * exports carry a project's own guidelines (the defaults are the app's, the same everywhere).
 */
export function useProjectGuidelines(): Guidelines | undefined {
  const { db } = useServices();
  const stored = useLiveQuery(() => getSetting(db, 'guidelines'), [db]);
  return stored === undefined ? undefined : guidelinesOrDefault(stored);
}
