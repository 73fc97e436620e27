import { createContext, useContext, useMemo, type ReactNode } from 'react';

import type { MarginaliaDb } from '../db/database';
import type { HostApi } from '../platform/host';
import { StoreRegistry } from './commands/registry';

interface Services {
  db: MarginaliaDb;
  host: HostApi;
  /** The command stores (and undo histories) of this app session, per document. */
  stores: StoreRegistry;
}

const ServicesContext = createContext<Services | null>(null);

/** Injects the database and host so features (and tests) never construct them. */
export function ServicesProvider({ db, host, children }: Omit<Services, 'stores'> & { children: ReactNode }) {
  // A store holds one database's data: another database starts with no stores.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- db: see above
  const stores = useMemo(() => new StoreRegistry(), [db]);
  const value = useMemo(() => ({ db, host, stores }), [db, host, stores]);
  return <ServicesContext.Provider value={value}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('useServices outside ServicesProvider');
  return s;
}
