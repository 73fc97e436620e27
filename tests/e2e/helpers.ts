import type { Page } from '@playwright/test';

/** Python-style slicing: `text[start:end]` in code points. */
export const cpSlice = (text: string, start: number, end: number): string =>
  Array.from(text).slice(start, end).join('');

/**
 * Puts an article into the app's real IndexedDB in the stored row shape (schema v1), then reloads.
 * Stands in for the import dialog in specs that test annotation, not import.
 */
export async function addArticle(page: Page, text: string, title: string): Promise<void> {
  await page.evaluate(
    async ({ text, title }) => {
      const bytes = new TextEncoder().encode(text);
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
      const id = `sha256:${Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')}`;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('marginalia');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(['documents', 'texts'], 'readwrite');
        tx.objectStore('texts').put({ id, text });
        tx.objectStore('documents').put({
          id,
          title,
          length: Array.from(text).length,
          source: 'e2e',
          meta: {},
          order: 1000,
          addedAt: Date.now(),
        });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { text, title },
  );
  await page.reload();
}

/** Every row of one object store of the app's database, read straight from IndexedDB (not the app's state). */
export async function storedRows<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('marginalia');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const rows = await new Promise<unknown[]>((resolve, reject) => {
      const req = db.transaction(name).objectStore(name).getAll();
      req.onsuccess = () => resolve(req.result as unknown[]);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return rows;
  }, store) as Promise<T[]>;
}

/**
 * Every stored document's title, as the library reads them: the `documents` rows, and the entries of
 * batch rows (where the import writes new documents, issue 20) that no `documents` row shadows.
 */
export async function storedTitles(page: Page): Promise<string[]> {
  const docs = await storedRows<{ id: string; title: string }>(page, 'documents');
  const batches = await storedRows<{ ids: string[]; titles: string[] }>(page, 'batches');
  const own = new Set(docs.map((d) => d.id));
  return [
    ...docs.map((d) => d.title),
    ...batches.flatMap((b) => b.titles.filter((_t, j) => !own.has(b.ids[j] as string))),
  ];
}

/** Every scroll position the app has stored (settings rows `scroll:<docId>`). */
export async function storedScrollPositions(page: Page): Promise<number[]> {
  const rows = await storedRows<{ key: string; value: unknown }>(page, 'settings');
  return rows.filter((r) => r.key.startsWith('scroll:')).map((r) => Number(r.value));
}

/** The notes of every stored span, read straight from IndexedDB, sorted. */
export async function storedNotes(page: Page): Promise<string[]> {
  const rows = await storedRows<{ note: string }>(page, 'spans');
  return rows.map((r) => r.note).sort();
}

/** Every store of the main database, rows sorted, write times dropped (a restore rewrites them). */
export async function storedDump(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('marginalia');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    // Key order inside stored objects is not data (a backup writes canonical, sorted JSON).
    const canon = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(canon)
        : v && typeof v === 'object'
          ? Object.fromEntries(
              Object.keys(v)
                .sort()
                .map((k) => [k, canon((v as Record<string, unknown>)[k])]),
            )
          : v;
    const out: Record<string, string[]> = {};
    // spanPacks is derived from spans (rebuilt when a document opens), not data.
    for (const name of Array.from(db.objectStoreNames).filter((n) => n !== 'spanPacks')) {
      const rows = await new Promise<Record<string, unknown>[]>((resolve) => {
        const req = db.transaction(name).objectStore(name).getAll();
        req.onsuccess = () => resolve(req.result as Record<string, unknown>[]);
      });
      out[name] = rows.map(({ updatedAt: _u, ...r }) => JSON.stringify(canon(r))).sort();
    }
    db.close();
    return out;
  });
}

/**
 * A full disk in this page: every IndexedDB write request throws QuotaExceededError, as Chromium's
 * object store does once the origin's quota is used up. `freeDisk` takes it back (the app stays
 * read-only until it restarts, as after a real full disk).
 */
export async function fillDisk(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __diskFull: boolean; __diskPatched?: boolean };
    w.__diskFull = true;
    if (w.__diskPatched) return;
    w.__diskPatched = true;
    for (const m of ['put', 'add', 'delete', 'clear'] as const) {
      const orig = IDBObjectStore.prototype[m] as (...a: unknown[]) => IDBRequest;
      (IDBObjectStore.prototype as unknown as Record<string, unknown>)[m] = function (
        this: IDBObjectStore,
        ...a: unknown[]
      ) {
        if (w.__diskFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return orig.apply(this, a);
      };
    }
  });
}

export async function freeDisk(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { __diskFull: boolean }).__diskFull = false));
}
