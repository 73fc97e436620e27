import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    // Dexie reads globalThis.indexedDB once, when its module is first evaluated: a test file whose
    // imports reached Dexie before a helper's 'fake-indexeddb/auto' got no IndexedDB at all, so
    // import order decided. A setup file runs before any of the file's imports.
    setupFiles: ['fake-indexeddb/auto'],
    testTimeout: 30_000,
  },
});
