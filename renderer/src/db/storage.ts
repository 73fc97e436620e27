export type PersistState = 'granted' | 'denied' | 'unsupported';

/**
 * Asks the browser to keep this origin's storage under pressure (Chromium may otherwise evict
 * IndexedDB). The answer is reported, never assumed.
 */
export async function requestPersistentStorage(): Promise<PersistState> {
  if (!navigator.storage?.persist) return 'unsupported';
  try {
    if (await navigator.storage.persisted()) return 'granted';
    return (await navigator.storage.persist()) ? 'granted' : 'denied';
  } catch {
    return 'denied';
  }
}

/** Bytes used and available to this origin, as the browser estimates them (null if unknown). */
export async function storageEstimate(): Promise<{ usage: number; quota: number } | null> {
  try {
    const e = await navigator.storage?.estimate?.();
    return e && typeof e.usage === 'number' && typeof e.quota === 'number'
      ? { usage: e.usage, quota: e.quota }
      : null;
  } catch {
    return null;
  }
}
