/**
 * The command stores of this app session, one per document (and annotator, or gold): switching
 * documents keeps each one's undo history and unsaved queue (issue 19 item 10). Lives as long as
 * the ServicesProvider that holds it; never persisted.
 */
export class StoreRegistry {
  private readonly stores = new Map<string, unknown>();

  get<T>(key: string, make: () => T): T {
    if (!this.stores.has(key)) this.stores.set(key, make());
    return this.stores.get(key) as T;
  }

  /** Forgets every store (after a restore replaced the data their histories were made on). */
  clear(): void {
    this.stores.clear();
  }
}
