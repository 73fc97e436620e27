// Layer rules (architecture §10): dependencies point one way,
// app → features → session → editor | db | platform → core.
// Enforced with @typescript-eslint/no-restricted-imports per layer (a later config block replaces the
// rule for its files, so each layer's block lists every pattern that applies to it).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** A relative import that reaches into one of these renderer/src folders. */
const intoLayers = (layers, message) => ({ regex: `(^|/)(${layers.join('|')})(/|$)`, message });

const rendererBase = [
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
];

const featuresNotApp = intoLayers(
  ['app'],
  'features/ never import app/: shared services and state live in session/.',
);

// Features render and dispatch: every user-data write goes through session/ (a command store or
// session/commands/user-writes.ts), where the read-only gate is checked once. Reads stay allowed.
const WRITE_VERBS =
  '^(apply|set|save|store|add|seed|replace|restore|commit|create|put|write|delete|remove|update|clear|follow|pack|dismiss)[A-Z]';
const featuresNeverWrite = [
  {
    regex: '(^|/)db/',
    importNamePattern: WRITE_VERBS,
    message:
      'features never write to the database: go through session/ (a command store, or useUserWrites), which checks read-only once.',
  },
  {
    regex: '(^|/)session/import/runImportWorker$',
    importNames: ['startImportJob'],
    message: 'features never write to the database: start an import with useUserWrites().importJob.',
  },
  {
    group: ['dexie'],
    allowTypeImports: true,
    message: 'features never write to the database: Dexie stays in db/.',
  },
];
const featureWriteSyntax = [
  {
    selector:
      "CallExpression[callee.property.name=/^(put|add|bulkPut|bulkAdd|update|bulkUpdate|delete|bulkDelete|clear|modify)$/][callee.object.object.name='db']",
    message: 'features never write to the database: go through session/ (useUserWrites or a command store).',
  },
  {
    selector:
      "CallExpression[callee.object.name='backups'][callee.property.name=/^(restore|restoreEntry|setKeep)$/]",
    message: 'features never write to the database: restore and the backup count go through useUserWrites().',
  },
  {
    selector: "CallExpression[callee.object.name='db'][callee.property.name='transaction']",
    message: 'features never open a database transaction: go through session/.',
  },
];

const LAYERS = [
  {
    files: ['renderer/src/core/**/*.ts'],
    patterns: [
      intoLayers(
        ['db', 'editor', 'features', 'platform', 'app', 'ui', 'couch', 'session'],
        'core/ is pure domain code: only core/.',
      ),
      {
        group: ['react', 'react-dom', 'dexie', 'dexie-react-hooks', 'lexical', '@lexical/*', 'node:*'],
        message: 'core/ is pure: no React, Dexie, Lexical, Electron or Node.',
      },
    ],
  },
  {
    files: ['renderer/src/db/**/*.ts'],
    patterns: [
      intoLayers(
        ['editor', 'features', 'platform', 'app', 'ui', 'session'],
        'db/ may import only core/ and dexie.',
      ),
      { group: ['react', 'react-dom', 'lexical', '@lexical/*'], message: 'db/ is storage only.' },
    ],
  },
  {
    files: ['renderer/src/editor/**/*.{ts,tsx}'],
    patterns: [
      intoLayers(
        ['db', 'features', 'platform', 'app', 'session'],
        'editor/ knows nothing about storage, platform or features.',
      ),
      { group: ['dexie', 'dexie-react-hooks'], message: 'editor/ knows nothing about storage.' },
    ],
  },
  {
    // The CouchDB HTTP client, shared by the CLI (Node's fetch) and the app (the browser's): the
    // only code that talks to a team server. Compiled with core's tsconfig (no DOM, no Node).
    files: ['renderer/src/couch/**/*.ts'],
    patterns: [
      intoLayers(
        ['db', 'editor', 'features', 'platform', 'app', 'ui', 'session'],
        'couch/ may import only core/.',
      ),
      {
        group: ['react', 'react-dom', 'dexie', 'dexie-react-hooks', 'lexical', '@lexical/*', 'node:*'],
        message: 'couch/ is platform-neutral: fetch is injected.',
      },
    ],
  },
  {
    files: ['renderer/src/platform/**/*.ts'],
    patterns: [
      intoLayers(['db', 'editor', 'features', 'app', 'ui', 'session'], 'platform/ may import only core/.'),
    ],
  },
  {
    files: ['renderer/src/ui/**/*.tsx'],
    patterns: [
      intoLayers(
        ['core', 'db', 'editor', 'features', 'platform', 'app', 'session'],
        'ui/ holds generic components: React only.',
      ),
    ],
  },
  {
    // The session layer: providers, read-only gate, durability, backups, the document-open path and
    // the command queue. It serves every feature, so it never depends on one, nor on the shell.
    // couch/ (the CouchDB client) is allowed for the sync service.
    files: ['renderer/src/session/**/*.{ts,tsx}'],
    patterns: [
      intoLayers(
        ['editor', 'features', 'app', 'ui'],
        'session/ may import only db/, core/, platform/ (and couch/ for sync).',
      ),
    ],
  },
  {
    files: ['renderer/src/features/**/*.{ts,tsx}'],
    patterns: [featuresNotApp, ...featuresNeverWrite],
  },
  {
    // A feature never reaches into another feature (its files sit directly in features/<task>/), nor
    // into the shell that composes features: shared state lives in session/.
    files: ['renderer/src/features/*/*.{ts,tsx}'],
    patterns: [
      featuresNotApp,
      ...featuresNeverWrite,
      {
        regex: '^\\.\\./(?!\\.\\./)[^/]+/',
        message: 'A feature never imports another feature: move shared pieces to ui/, session/ or core/.',
      },
    ],
  },
];

const layerConfigs = LAYERS.map(({ files, patterns }) => ({
  files,
  rules: {
    '@typescript-eslint/no-restricted-imports': ['error', { patterns: [...rendererBase, ...patterns] }],
  },
}));

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
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-duplicate-imports': ['error', { allowSeparateTypeImports: true }],
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
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: rendererBase }],
    },
  },
  ...layerConfigs,
  {
    files: ['renderer/src/features/**/*.{ts,tsx}'],
    rules: { 'no-restricted-syntax': ['error', ...htmlSinks, ...featureWriteSyntax] },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^|/)renderer/', message: 'electron/ never imports the renderer.' }] },
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
