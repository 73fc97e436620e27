import { createContext, useContext, type ReactNode } from 'react';

import type { MarginaliaDb } from '../db/database';
import type { HostApi } from '../platform/host';

interface Services {
  db: MarginaliaDb;
  host: HostApi;
}

const ServicesContext = createContext<Services | null>(null);

/** Injects the database and host so features (and tests) never construct them. */
export function ServicesProvider({ db, host, children }: Services & { children: ReactNode }) {
  return <ServicesContext.Provider value={{ db, host }}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('useServices outside ServicesProvider');
  return s;
}
