import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

import type { PersistState } from '../db/storage';
import type { BackupService } from './backup/backup-service';

export interface Durability {
  readonly backups: BackupService;
  /** 'pending' until the browser answered `navigator.storage.persist()`. */
  readonly persist: PersistState | 'pending';
  readonly schemaVersion: number;
  readonly estimate: () => Promise<{ usage: number; quota: number } | null>;
}

const DurabilityContext = createContext<Durability | null>(null);

/** Backups and storage facts for Settings, injected from the composition root. */
export function DurabilityProvider({
  value,
  persist,
  children,
}: {
  value: Omit<Durability, 'persist'>;
  persist: Promise<PersistState>;
  children: ReactNode;
}) {
  const [state, setState] = useState<PersistState | 'pending'>('pending');
  useEffect(() => {
    let live = true;
    void persist.then((s) => live && setState(s));
    return () => {
      live = false;
    };
  }, [persist]);
  return (
    <DurabilityContext.Provider value={{ ...value, persist: state }}>{children}</DurabilityContext.Provider>
  );
}

export function useDurability(): Durability {
  const d = useContext(DurabilityContext);
  if (!d) throw new Error('useDurability outside DurabilityProvider');
  return d;
}
