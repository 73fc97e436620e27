/**
 * Writes the bench articles and spans straight into the app's real IndexedDB ('marginalia', schema v2:
 * renderer/src/db/migrations, row shapes in db/rows.ts), as rows only, as an import leaves them: no
 * span pack yet, so each document's first open reads the rows and builds its pack (measured apart
 * from the later opens). The lab page is served from the app's origin, so the app then opens these
 * documents through its normal path.
 */
import { documentIdForText } from '../../renderer/src/core/text/text-hash';
import { article, caseSeed, caseTitle, spans, type BenchCase } from '../corpus';

export interface SeededCase extends BenchCase {
  readonly id: string;
  readonly title: string;
}

const request = <T>(req: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

export async function seedDatabase(cases: readonly BenchCase[], annotator: string): Promise<SeededCase[]> {
  const db = await request(indexedDB.open('marginalia'));
  if (!db.objectStoreNames.contains('spans')) throw new Error('open the app once first: no schema yet');
  const tx = db.transaction(['documents', 'texts', 'spans', 'spanPacks', 'settings'], 'readwrite');
  // Raw writes bypass the app's span-pack middleware: drop every pack, as it would.
  tx.objectStore('spanPacks').clear();
  const out: SeededCase[] = [];
  cases.forEach((c, i) => {
    const text = article(c.chars, caseSeed(c));
    const id = documentIdForText(text);
    const title = caseTitle(c);
    tx.objectStore('texts').put({ id, text });
    tx.objectStore('documents').put({
      id,
      title,
      length: c.chars,
      source: 'bench',
      meta: {},
      order: 10_000 + i,
      addedAt: Date.now(),
    });
    const store = tx.objectStore('spans');
    for (const s of spans(c.chars, c.spans, caseSeed(c) + 1)) {
      store.put({ ...s, id: `${i}-${s.id}`, docId: id, annotator, note: '', updatedAt: 0 });
    }
    out.push({ ...c, id, title });
  });
  tx.objectStore('settings').put({ key: 'annotator', value: annotator });
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
  return out;
}

/** Makes the app reopen `docId` (or a small document) on the next load, not the last bench case. */
export async function setLastDocument(docId: string): Promise<void> {
  const db = await request(indexedDB.open('marginalia'));
  const tx = db.transaction(['settings'], 'readwrite');
  tx.objectStore('settings').put({ key: 'lastDocId', value: docId });
  await new Promise<void>((resolve) => {
    tx.oncomplete = () => resolve();
  });
  db.close();
}
