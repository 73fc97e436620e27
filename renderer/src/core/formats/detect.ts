import type { ImportFormat } from './import-types';

/** How a file will be read, decided from its extension and, where that is ambiguous, its content. */
export type FileKind = 'text' | 'markdown' | 'html' | 'jsonl' | 'json' | 'brat-ann' | 'bio' | 'unknown';

/** Lower-case extension without the dot ("" when none). */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

/** The name without its extension, used to pair brat `.txt`/`.ann` files. */
export function stemOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? name : name.slice(0, dot);
}

const BY_EXTENSION: Readonly<Record<string, FileKind>> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  json: 'json',
  jsonld: 'json',
  ann: 'brat-ann',
  conll: 'bio',
  bio: 'bio',
};

/**
 * File kind from the extension; unknown extensions are sniffed (`<` → HTML, `{`/`[` → JSON or
 * JSONL, else plain text). A `.json` file whose first line is a complete object and that has more
 * lines is JSONL saved under the wrong extension. O(first line).
 */
export function detectKind(name: string, text: string): FileKind {
  const known = BY_EXTENSION[extensionOf(name)];
  const head = text.trimStart();
  if (known === 'json' && head.startsWith('{')) {
    const firstLine = head.split('\n', 1)[0] ?? '';
    if (firstLine.trim().endsWith('}') && head.includes('\n{')) return 'jsonl';
  }
  if (known) return known;
  if (head.startsWith('<')) return 'html';
  if (head.startsWith('[')) return 'json';
  if (head.startsWith('{')) return head.includes('\n{') ? 'jsonl' : 'json';
  return 'text';
}

/** The format a whole-JSON value is in: W3C (has `@context` or an Annotation type) or Label Studio. */
export function detectJsonFormat(value: unknown): ImportFormat {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    if ('@context' in v || v['type'] === 'AnnotationCollection' || 'mg:documents' in v) return 'w3c';
  }
  return 'labelstudio';
}
