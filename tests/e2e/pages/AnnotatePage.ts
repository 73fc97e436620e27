import { expect, type Download, type Locator, type Page } from '@playwright/test';

export type LabelName = 'Claim' | 'Quote' | 'Figure' | 'Speculation';

/** Page object for the annotate view: specs read as user steps. Offsets are code points. */
export class AnnotatePage {
  readonly article: Locator;
  constructor(readonly page: Page) {
    this.article = page.getByTestId('article');
  }

  async open(): Promise<void> {
    await this.page.goto('/');
  }

  async setName(name: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Annotator name' }).fill(name);
    await this.page.getByRole('button', { name: 'Start annotating' }).click();
    await expect(this.article.locator('p').first()).toBeVisible();
  }

  documents(): Locator {
    return this.page.getByRole('list', { name: 'Documents' }).getByRole('listitem');
  }

  async openDocument(title: string | RegExp): Promise<void> {
    await this.page
      .getByRole('list', { name: 'Documents' })
      .getByRole('button', { name: title, exact: typeof title === 'string' })
      .click();
    await expect(this.page.locator('.article-title')).toHaveText(title);
  }

  /** The article text as stored, reassembled from the paragraphs (one per line). */
  async text(): Promise<string> {
    return this.article.evaluate((el) =>
      Array.from(el.querySelectorAll('.m-paragraph'), (p) => p.textContent ?? '').join('\n'),
    );
  }

  /** Screen rectangle of one code point of the article. */
  private async charBox(cp: number): Promise<{ x: number; y: number; w: number; h: number }> {
    // Bring the paragraph on screen and let a frame render it first: paragraphs far from the
    // viewport are skipped by content-visibility, so their geometry is only an estimate until then.
    await this.article.evaluate(async (el, cpIndex) => {
      let cps = 0;
      for (const p of Array.from(el.querySelectorAll('.m-paragraph'))) {
        const n = Array.from(p.textContent ?? '').length;
        if (cpIndex < cps + n) {
          p.scrollIntoView({ block: 'nearest' });
          break;
        }
        cps += n + 1;
      }
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    }, cp);
    return this.article.evaluate((el, cpIndex) => {
      const lines = Array.from(el.querySelectorAll('.m-paragraph'), (p) => p.textContent ?? '');
      let cps = 0;
      for (let i = 0; i < lines.length; i++) {
        const chars = Array.from(lines[i] as string);
        if (cpIndex < cps + chars.length) {
          const before = chars.slice(0, cpIndex - cps).join('').length;
          const node = el.querySelectorAll('.m-paragraph')[i]?.firstChild?.firstChild as Text;
          const r = document.createRange();
          r.setStart(node, before);
          r.setEnd(node, before + (chars[cpIndex - cps] as string).length);
          const rect = r.getBoundingClientRect();
          return { x: rect.left, y: rect.top, w: rect.width, h: rect.height };
        }
        cps += chars.length + 1;
      }
      throw new Error(`code point ${cpIndex} is not in the article`);
    }, cp);
  }

  /** Drags the mouse from the start of code point `start` to the end of code point `end - 1`. */
  async dragSelect(start: number, end: number): Promise<void> {
    const a = await this.charBox(start);
    const b = await this.charBox(end - 1);
    await this.page.mouse.move(a.x + 0.5, a.y + a.h / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(b.x + b.w / 2, b.y + b.h / 2, { steps: 4 });
    await this.page.mouse.move(b.x + b.w - 0.5, b.y + b.h / 2, { steps: 2 });
    await this.page.mouse.up();
  }

  /** Clicks just before code point `at` and extends with Shift+ArrowRight over `count` characters. */
  async keyboardSelect(at: number, count: number): Promise<void> {
    const a = await this.charBox(at);
    await this.page.mouse.click(a.x + 0.5, a.y + a.h / 2);
    for (let i = 0; i < count; i++) await this.page.keyboard.press('Shift+ArrowRight');
  }

  async clickAt(cp: number): Promise<void> {
    const a = await this.charBox(cp);
    await this.page.mouse.click(a.x + a.w / 2, a.y + a.h / 2);
  }

  labelButton(label: LabelName): Locator {
    return this.page
      .getByRole('toolbar', { name: 'Labels' })
      .getByRole('button', { name: label, exact: true });
  }

  spanItems(): Locator {
    return this.page.getByRole('list', { name: 'Spans in text order' }).getByRole('listitem');
  }

  inspector(): Locator {
    return this.page.getByRole('region', { name: 'Spans at cursor' });
  }

  status(): Locator {
    return this.page.locator('.status-line');
  }

  async expectSaved(): Promise<void> {
    await expect(this.page.getByTestId('save-state')).toHaveAccessibleName('Saved');
  }

  /** Number of ranges painted per label by the CSS Custom Highlight API. */
  async paintedByLabel(): Promise<Record<string, number>> {
    return this.page.evaluate(() => {
      const out: Record<string, number> = {};
      for (const l of ['claim', 'quote', 'figure', 'speculation'])
        out[l] = CSS.highlights.get(`m-${l}`)?.size ?? 0;
      return out;
    });
  }

  /** Opens the export dialog, applies `choose` to it, exports and returns the downloaded file. */
  async exportFile(
    choose: (dialog: Locator) => Promise<void> = async () => undefined,
  ): Promise<{ download: Download; bytes: Buffer }> {
    await this.page.getByRole('button', { name: 'Export…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Export' });
    await choose(dialog);
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Export', exact: true }).click(),
    ]);
    const { readFileSync } = await import('node:fs');
    return { download, bytes: readFileSync(await download.path()) };
  }

  /**
   * Exports the native JSONL of every document, this annotator: the dialog's defaults plus the
   * documents not started (by default only those with spans or marked done are exported).
   */
  async exportDownload(): Promise<{ download: Download; lines: Record<string, unknown>[]; raw: string }> {
    const { download, bytes } = await this.exportFile(async (d) => {
      await d.getByRole('checkbox', { name: /Include documents not started/ }).check();
    });
    const raw = bytes.toString('utf8');
    const lines = raw
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    return { download, lines, raw };
  }
}
