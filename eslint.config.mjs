// Layer rules (architecture §10): dependencies point one way, features → editor | db | platform → core.
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const src = './renderer/src';
const layerZones = [
  // core is pure: nothing but other core modules.
  ...['db', 'editor', 'features', 'platform', 'app', 'ui', 'main.tsx'].map((from) => ({
    target: `${src}/core`,
    from: `${src}/${from}`,
    message: 'core/ is pure domain code and may import only core/.',
  })),
  ...['editor', 'features', 'platform', 'app', 'ui'].map((from) => ({
    target: `${src}/db`,
    from: `${src}/${from}`,
    message: 'db/ may import only core/ and dexie.',
  })),
  ...['db', 'features', 'platform', 'app'].map((from) => ({
    target: `${src}/editor`,
    from: `${src}/${from}`,
    message: 'editor/ knows nothing about storage, platform or features.',
  })),
  ...['db', 'editor', 'features', 'app', 'ui'].map((from) => ({
    target: `${src}/platform`,
    from: `${src}/${from}`,
    message: 'platform/ may import only core/ and the IPC contract types.',
  })),
  ...['core', 'db', 'editor', 'features', 'platform', 'app'].map((from) => ({
    target: `${src}/ui`,
    from: `${src}/${from}`,
    message: 'ui/ holds generic components: React only.',
  })),
  { target: './electron', from: './renderer', message: 'electron/ never imports the renderer.' },
];

const htmlSinks = [
  {
    selector: "MemberExpression[property.name='innerHTML']",
    message: 'innerHTML is banned: render text, never HTML.',
  },
  { selector: "MemberExpression[property.name='outerHTML']", message: 'outerHTML is banned.' },
  {
    selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
    message: 'insertAdjacentHTML is banned.',
  },
  {
    selector: "CallExpression[callee.object.name='document'][callee.property.name='write']",
    message: 'document.write is banned.',
  },
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'dangerouslySetInnerHTML is banned.',
  },
  { selector: "CallExpression[callee.name='eval']", message: 'eval is banned.' },
  { selector: "NewExpression[callee.name='Function']", message: 'new Function is banned.' },
  {
    selector: "CallExpression[callee.name='$generateNodesFromDOM']",
    message: 'Article text is never parsed as HTML by the editor.',
  },
  {
    selector: "CallExpression[callee.property.name='createContextualFragment']",
    message: 'createContextualFragment is banned.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'release',
      'test-results',
      'playwright-report',
      'tests/fixtures',
      'seeds',
      'bench/results.json',
    ],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mjs}'],
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-duplicates': 'error',
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
      'max-lines': ['warn', { max: 400, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-syntax': ['error', ...htmlSinks],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/electron/*', '!**/electron/ipc-contract'],
              message: 'The renderer may only take types from electron/ipc-contract.',
            },
            {
              group: ['**/electron/ipc-contract'],
              allowTypeImports: true,
              message: 'Import only types from the IPC contract.',
            },
            { group: ['electron'], message: 'The renderer never imports Electron.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/src/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'dexie', 'lexical', '@lexical/*', 'electron', 'node:*'],
              message: 'core/ is pure: no React, Dexie, Lexical, Electron or Node.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/src/db/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'lexical', '@lexical/*'], message: 'db/ is storage only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}', 'electron/**/*.ts'],
    ignores: ['electron/preload.ts', 'electron/ipc/register.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { property: 'ipcRenderer', message: 'ipcRenderer lives only in electron/preload.ts.' },
        { property: 'ipcMain', message: 'ipcMain lives only in electron/ipc/register.ts.' },
      ],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}', 'electron/**/*.ts'],
    ignores: ['electron/preload.ts', 'electron/ipc/register.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcRenderer'],
              message: 'ipcRenderer lives only in electron/preload.ts.',
            },
            {
              name: 'electron',
              importNames: ['ipcMain'],
              message: 'ipcMain lives only in electron/ipc/register.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    // Node scripts (build, start, bench, CLI launcher); page functions inside them run in the browser.
    files: ['scripts/**/*.mjs', 'bin/**/*.mjs', 'bench/**/*.mjs', '*.config.*'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['**/*.tsx'],
    rules: { 'max-lines': ['error', { max: 800, skipBlankLines: true, skipComments: true }] },
  },
);
