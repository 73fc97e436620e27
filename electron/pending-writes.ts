/**
 * Every disk write main starts is tracked here so quitting can wait for them: a user who clicks Export
 * and then Quit must not get half a file, and a backup written on quit must land before the process ends.
 */
const pending = new Set<Promise<unknown>>();

/** Registers a write and hands it back unchanged (the caller still sees its result or error). */
export function trackWrite<T>(write: Promise<T>): Promise<T> {
  const settled = write.then(
    () => undefined,
    () => undefined,
  );
  pending.add(settled);
  void settled.then(() => pending.delete(settled));
  return write;
}

export function hasPendingWrites(): boolean {
  return pending.size > 0;
}

/** Resolves when every write started so far (and any started meanwhile) has settled, or at the deadline. */
export async function settlePendingWrites(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (pending.size > 0 && Date.now() < deadline) {
    const remaining = deadline - Date.now();
    await Promise.race([Promise.all(pending), new Promise((r) => setTimeout(r, remaining))]);
  }
}
