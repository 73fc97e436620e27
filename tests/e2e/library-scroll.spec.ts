import { joinJsonl, serializeNativeRecord } from '../../renderer/src/core/formats/native';
import { documentIdForText } from '../../renderer/src/core/text/text-hash';
import { expect, test } from './fixtures';

// Issue 20 item 2: jumps of 600 px through the library showed empty rows for a frame (6 rows of
// overscan, 504 px, and a re-render that came a task after the scroll). Each frame here moves the
// list by 600 px and checks, before that frame paints, that every row in view is mounted.

const COUNT = 400;
const library = joinJsonl(
  Array.from({ length: COUNT }, (_, i) => {
    const text = `Row ${i}\nBody ${i}.`;
    return serializeNativeRecord({
      document: { id: documentIdForText(text), title: `Row ${i}`, text, meta: {} },
      annotator: 'bob',
      status: 'todo',
      spans: [],
    });
  }),
);

test('scrolling the library by 600 px a frame shows its rows in every frame', async ({ app }) => {
  const page = app.page;
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (
    await chooser
  ).setFiles({ name: 'rows.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(library) });
  await expect(page.getByRole('list', { name: 'Import report' })).toContainText('rows.jsonl — imported');
  await page.getByRole('button', { name: 'Close' }).click();
  const docs = page.getByRole('list', { name: 'Documents' });
  await expect(docs.getByRole('listitem').first()).toHaveAttribute('aria-setsize', String(COUNT + 5));

  const frames = await page.evaluate(
    () =>
      new Promise<{ top: number; missing: number[] }[]>((resolve) => {
        const list = document.querySelector('ul[aria-label="Documents"]') as HTMLElement;
        const box = list.parentElement as HTMLElement;
        const rowHeight = (list.querySelector('li') as HTMLElement).offsetHeight;
        const out: { top: number; missing: number[] }[] = [];
        const step = (): void => {
          if (box.scrollTop + box.clientHeight >= box.scrollHeight - 1) return resolve(out);
          box.scrollTop += 600;
          // What this frame will paint: the rows that intersect the view must be in the DOM now.
          const top = box.scrollTop;
          const shown = new Set(
            Array.from(list.querySelectorAll('li'), (li) => Number(li.getAttribute('aria-posinset')) - 1),
          );
          const missing: number[] = [];
          const last = Math.min(
            Number(list.querySelector('li')?.getAttribute('aria-setsize')),
            Math.ceil((top + box.clientHeight) / rowHeight),
          );
          for (let i = Math.floor(top / rowHeight); i < last; i++) if (!shown.has(i)) missing.push(i);
          out.push({ top, missing });
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
  );
  expect(frames.length).toBeGreaterThan(20);
  expect(frames.filter((f) => f.missing.length > 0)).toEqual([]);
  // Still a virtual list: far fewer rows mounted than the library holds.
  expect(await docs.getByRole('listitem').count()).toBeLessThan(60);
  // Scrolled to its end, the list shows its last document (a list taller than the browser lays out
  // scrolls a shorter range that still ends there: ui/scroll-geometry.ts).
  await docs.evaluate((ul) => {
    const box = ul.parentElement as HTMLElement;
    box.scrollTop = box.scrollHeight;
  });
  await expect(docs.locator(`li[aria-posinset="${COUNT + 5}"]`)).toBeInViewport();
});
