import type { Page } from '@playwright/test';

export interface SeedSpan {
  start: number;
  end: number;
  label: 'claim' | 'quote' | 'figure' | 'speculation';
  note?: string;
  unsure?: boolean;
}

/** Writes spans for `alice` on the document with this text (span rows as in db/rows.ts), then reloads. */
export async function seedSpans(page: Page, text: string, spans: readonly SeedSpan[]): Promise<void> {
  await page.evaluate(
    async ({ text, spans }) => {
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
      const docId = `sha256:${Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')}`;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('marginalia');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      // Raw writes bypass the app's span-packs middleware: drop the packs, as it would.
      const tx = db.transaction(['spans', 'spanPacks'], 'readwrite');
      tx.objectStore('spanPacks').clear();
      spans.forEach((s, i) =>
        tx.objectStore('spans').put({
          ...s,
          note: s.note ?? '',
          id: `seed${i}`,
          docId,
          annotator: 'alice',
          updatedAt: 0,
        }),
      );
      await new Promise((r) => (tx.oncomplete = r));
      db.close();
    },
    { text, spans },
  );
  await page.reload();
}
