import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { CodePointIndex } from '../../../../renderer/src/core/text/code-points';
import { documentIdForText } from '../../../../renderer/src/core/text/text-hash';

// The repository root. bench/bench.mjs bundles this file as an ES module, where there is no
// __dirname (a top-level use stopped every `npm run bench`); the bench runs from the root.
const repoRoot = (): string =>
  typeof __dirname === 'string' ? join(__dirname, '..', '..', '..', '..') : process.cwd();

export interface SeedDoc {
  readonly file: string;
  readonly id: string;
  readonly text: string;
}

export interface StanceItem {
  readonly docId: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly stance: 'keeps' | 'ends';
}

/** The five seed articles, as the app loads them (exact text; id = sha256 of it). */
export function seedDocs(): SeedDoc[] {
  const dir = join(repoRoot(), 'seeds');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      return { file, id: documentIdForText(text), text };
    });
}

/** The hand-labelled stance sentences (tests/fixtures/links/seed-stances.json), with code point offsets. */
export function stanceItems(docs: readonly SeedDoc[]): StanceItem[] {
  const raw = JSON.parse(
    readFileSync(join(repoRoot(), 'tests/fixtures/links/seed-stances.json'), 'utf8'),
  ) as {
    items: { file: string; stance: 'keeps' | 'ends'; text: string }[];
  };
  return raw.items.map((it) => {
    const doc = docs.find((d) => d.file === it.file);
    if (!doc) throw new Error(`no seed ${it.file}`);
    const u = doc.text.indexOf(it.text);
    if (u < 0 || doc.text.indexOf(it.text, u + 1) >= 0) throw new Error(`not exactly once: ${it.text}`);
    const index = new CodePointIndex(doc.text);
    const start = index.toCodePoint(u);
    return { docId: doc.id, start, end: start + [...it.text].length, text: it.text, stance: it.stance };
  });
}

/** The words of the seed articles, most frequent first (for `syntheticLibrary`). */
export function seedWords(docs: readonly SeedDoc[]): string[] {
  const counts = new Map<string, number>();
  for (const d of docs)
    for (const w of d.text.match(/[\p{L}\p{N}]+/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
}
