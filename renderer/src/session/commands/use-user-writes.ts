import { useDurability } from '../durability';
import { useServices } from '../providers';
import { useReadOnly } from '../read-only';
import { userWrites } from './stores';
import type { UserWrites } from './user-writes';

/** The session's user-data writes behind the read-only gate; stable until a restore resets the stores. */
export function useUserWrites(): UserWrites {
  const { db, stores } = useServices();
  const { gate } = useReadOnly();
  const { backups } = useDurability();
  return userWrites(stores, db, gate, backups);
}
