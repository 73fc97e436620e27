import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The layer rules of eslint.config.mjs, exercised on code that breaks them (and code that does not). */
const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter(
      (m) => m.ruleId === '@typescript-eslint/no-restricted-imports' || m.ruleId === 'no-restricted-syntax',
    )
    .map((m) => m.message);
}

const NEVER_WRITE = /features never write to the database/;
/** A file under renderer/src that imports `name` from `from` and uses it. */
const importOf = (file: string, name: string, from: string, message: RegExp): [string, string, RegExp] => [
  `renderer/src/${file}`,
  `import { ${name} } from '${from}';\nexport const a = ${name};\n`,
  message,
];
/** A feature file making one call on a parameter (db, backups). */
const callIn = (call: string, message: RegExp): [string, string, RegExp] => [
  'renderer/src/features/settings/x.ts',
  `declare const db: any, backups: any;\nexport function f() {\n  ${call};\n}\n`,
  message,
];

describe('layer rules', () => {
  it.each([
    [
      'renderer/src/core/x.ts',
      "import { openDatabase } from '../db/database';\nexport const a = openDatabase;\n",
      /core\/ is pure/,
    ],
    [
      'renderer/src/core/model/x.ts',
      "import { useState } from 'react';\nexport const a = useState;\n",
      /core\/ is pure/,
    ],
    [
      'renderer/src/editor/x.ts',
      "import { getDocument } from '../db/repositories/documents';\nexport const a = getDocument;\n",
      /editor\/ knows nothing/,
    ],
    [
      'renderer/src/db/x.ts',
      "import { App } from '../app/App';\nexport const a = App;\n",
      /db\/ may import only/,
    ],
    [
      'renderer/src/features/export/x.ts',
      "import { useImport } from '../import/useImport';\nexport const a = useImport;\n",
      /never imports another feature/,
    ],
    [
      'renderer/src/platform/x.ts',
      "import { ArticleEditor } from '../editor/ArticleEditor';\nexport const a = ArticleEditor;\n",
      /platform\/ may import only/,
    ],
    [
      'renderer/src/features/x/y.ts',
      "import { app } from 'electron';\nexport const a = app;\n",
      /never imports Electron/,
    ],
    [
      'electron/x.ts',
      "import { ok } from '../renderer/src/core/result';\nexport const a = ok;\n",
      /never imports the renderer/,
    ],
    [
      'renderer/src/features/x/y.tsx',
      'export const A = () => <div dangerouslySetInnerHTML={{ __html: "x" }} />;\n',
      /dangerouslySetInnerHTML is banned/,
    ],
    [
      'renderer/src/ui/y.ts',
      'export function f(el: HTMLElement) {\n  el.innerHTML = "x";\n}\n',
      /innerHTML is banned/,
    ],
    [
      'renderer/src/couch/x.ts',
      "import { openDatabase } from '../db/database';\nexport const a = openDatabase;\n",
      /couch\/ may import only core\//,
    ],
    [
      'renderer/src/couch/x.ts',
      "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n",
      /couch\/ is platform-neutral/,
    ],
    [
      'renderer/src/core/sync/x.ts',
      "import { CouchClient } from '../../couch/client';\nexport const a = CouchClient;\n",
      /core\/ is pure/,
    ],
    [
      'renderer/src/features/annotate/x.ts',
      "import { useServices } from '../../app/providers';\nexport const a = useServices;\n",
      /features\/ never import app\//,
    ],
    [
      'renderer/src/features/annotate/deeper/x.tsx',
      "import { App } from '../../../app/App';\nexport const a = App;\n",
      /features\/ never import app\//,
    ],
    [
      'renderer/src/features/adjudicate/x.tsx',
      "import { SpanList } from '../annotate/SpanList';\nexport const a = SpanList;\n",
      /never imports another feature/,
    ],
    [
      'renderer/src/session/x.ts',
      "import { LibraryPanel } from '../features/library/LibraryPanel';\nexport const a = LibraryPanel;\n",
      /session\/ may import only/,
    ],
    [
      'renderer/src/session/library/x.ts',
      "import { App } from '../../app/App';\nexport const a = App;\n",
      /session\/ may import only/,
    ],
    [
      'renderer/src/session/x.tsx',
      "import { ArticleEditor } from '../editor/ArticleEditor';\nexport const a = ArticleEditor;\n",
      /session\/ may import only/,
    ],
    [
      'renderer/src/db/x.ts',
      "import { useServices } from '../session/providers';\nexport const a = useServices;\n",
      /db\/ may import only/,
    ],
    [
      'renderer/src/editor/x.ts',
      "import { useReadOnly } from '../session/read-only';\nexport const a = useReadOnly;\n",
      /editor\/ knows nothing/,
    ],
    // Features never write: every user-data write goes through session/, past the read-only gate.
    importOf('features/help/x.tsx', 'saveGuidelines', '../../db/repositories/settings', NEVER_WRITE),
    importOf('features/library/x.ts', 'setStatus', '../../db/repositories/progress', NEVER_WRITE),
    importOf('features/import/deeper/x.ts', 'storeImport', '../../../db/repositories/import', NEVER_WRITE),
    importOf('features/import/x.ts', 'startImportJob', '../../session/import/runImportWorker', /importJob/),
    [
      'renderer/src/features/import/x.ts',
      "import Dexie from 'dexie';\nexport const a = Dexie;\n",
      /Dexie stays in db/,
    ],
    callIn('db.settings.put({ key: "k", value: 1 })', NEVER_WRITE),
    callIn('db.transaction("rw")', /never open a database transaction/),
    callIn('backups.setKeep(3)', /backup count go through useUserWrites/),
  ])('%s: refused', async (file, code, message) => {
    expect((await restricted(code, file)).join('\n')).toMatch(message);
  });

  it.each([
    [
      'renderer/src/features/export/x.ts',
      "import { planExport } from '../../core/formats/export';\nexport const a = planExport;\n",
    ],
    [
      'renderer/src/editor/x.ts',
      "import { CodePointIndex } from '../core/text/code-points';\nexport const a = CodePointIndex;\n",
    ],
    [
      'renderer/src/platform/x.ts',
      "import type { MarginaliaApi } from '../../../electron/ipc-contract';\nexport type A = MarginaliaApi;\n",
    ],
    [
      'renderer/src/couch/x.ts',
      "import { mergeSpanSets } from '../core/sync/merge';\nexport const a = mergeSpanSets;\n",
    ],
    [
      'renderer/src/features/annotate/x.ts',
      "import { useServices } from '../../session/providers';\nexport const a = useServices;\n",
    ],
    [
      'renderer/src/session/x.ts',
      "import { getDocument } from '../db/repositories/documents';\nimport type { HostApi } from '../platform/host';\nimport { ok } from '../core/result';\nexport const a = [getDocument, ok];\nexport type H = HostApi;\n",
    ],
    [
      'renderer/src/app/x.ts',
      "import { useServices } from '../session/providers';\nimport { useImport } from '../features/import/useImport';\nexport const a = [useServices, useImport];\n",
    ],
    [
      'renderer/src/features/library/x.ts',
      "import type { MarginaliaDb } from '../../db/database';\nimport { getSetting } from '../../db/repositories/settings';\nimport { listSpans } from '../../db/repositories/annotations';\nexport const a = [getSetting, listSpans];\nexport type D = MarginaliaDb;\n",
    ],
    [
      'renderer/src/session/x.ts',
      "import { setSetting } from '../db/repositories/settings';\nexport const a = setSetting;\n",
    ],
  ])('%s: allowed', async (file, code) => {
    expect(await restricted(code, file)).toEqual([]);
  });
});
