/**
 * The default corpus (seeds/, copied from the shared seeds) bundled at build time, so the desktop
 * and web builds start with the same five articles and no file access is needed.
 */
const files = import.meta.glob('../../../seeds/*.txt', { query: '?raw', import: 'default', eager: true });

export const SEED_ARTICLES: readonly { name: string; raw: string }[] = Object.entries(files).map(
  ([path, raw]) => ({
    name: path.split('/').pop() ?? path,
    raw: raw as string,
  }),
);
