import { failedFile, ImportCollector } from './collect';
import { decodeBytes, type DecodeProblem } from './decode';
import { detectKind, extensionOf, stemOf } from './detect';
import { importBrat } from './brat-import';
import { importHtml } from './html-import';
import type { ImportFile, ImportFormat, ImportOptions, ImportResult } from './import-types';
import { importJson } from './json-import';
import { importJsonl } from './jsonl-import';
import { importPlainText } from './plain-text-import';

/** The report of a file whose bytes could not be decoded, offering Windows-1252 where it may fit. */
function undecodable(file: string, format: ImportFormat | null, p: DecodeProblem): ImportResult {
  return failedFile(file, format, p.message, {
    line: p.line,
    offers: p.offerWindows1252 ? [{ kind: 'encoding', encoding: 'windows-1252' }] : [],
  });
}

export interface ImportRequest extends ImportFile {
  readonly options?: ImportOptions;
  /** Called with 0…1 while a large file is read (JSONL: every 2,000 lines). */
  readonly onProgress?: (fraction: number) => void;
}

/**
 * Validates one file and returns what it would store — everything or, on any error, nothing.
 * Pure and synchronous: run it in a Web Worker (or the CLI) for large files. A `.ann` file needs
 * its `.txt`: use `parseImportFiles`. O(file size).
 */
export function parseImportFile(req: ImportRequest): ImportResult {
  const options = req.options ?? {};
  if (req.bytes.length === 0)
    return failedFile(req.name, null, 'The file is empty; there is nothing to import.');
  const decoded = decodeBytes(req.bytes, options.encoding);
  if (!decoded.ok) return undecodable(req.name, null, decoded.error);
  const text = decoded.value.text;
  const kind =
    options.readAs === 'json' ? 'json' : (forcedKind(options.format) ?? detectKind(req.name, text));
  const c = new ImportCollector(req.name, options);
  switch (kind) {
    case 'text':
    case 'markdown':
      importPlainText(c, text, kind);
      return c.finish(kind);
    case 'html':
      importHtml(c, text);
      return c.finish('html');
    case 'jsonl':
      return c.finish(importJsonl(c, text, req.onProgress));
    case 'json':
      return c.finish(importJson(c, text));
    case 'brat-ann':
      return failedFile(
        req.name,
        'brat',
        `A brat .ann file needs its text: import "${stemOf(req.name)}.txt" together with it.`,
      );
    case 'bio':
      return failedFile(
        req.name,
        null,
        'BIO/CoNLL files cannot be imported: they do not keep the article text exactly (spacing is lost).',
      );
    default:
      return failedFile(req.name, null, 'Marginalia cannot read this kind of file.');
  }
}

function forcedKind(format: ImportFormat | undefined): ReturnType<typeof detectKind> | null {
  switch (format) {
    case 'text':
    case 'markdown':
    case 'html':
      return format;
    case 'native':
    case 'articles':
    case 'spacy':
    case 'doccano':
      return 'jsonl';
    case 'labelstudio':
    case 'w3c':
      return 'json';
    default:
      return null;
  }
}

/**
 * Several files at once (a drop of many files): a `.ann` and a `.txt` with the same name are read
 * together as one brat document; every other file on its own. One result per file read, in input
 * order (the pair's result is named after the `.ann`). O(total size).
 */
export function parseImportFiles(files: readonly ImportFile[], options: ImportOptions = {}): ImportResult[] {
  const txtByStem = new Map<string, ImportFile>();
  for (const f of files) if (extensionOf(f.name) === 'txt') txtByStem.set(stemOf(f.name), f);
  const paired = new Set<ImportFile>();
  for (const f of files) {
    const txt = extensionOf(f.name) === 'ann' ? txtByStem.get(stemOf(f.name)) : undefined;
    if (txt) paired.add(txt);
  }
  const out: ImportResult[] = [];
  for (const f of files) {
    if (paired.has(f)) continue;
    const txt = extensionOf(f.name) === 'ann' ? txtByStem.get(stemOf(f.name)) : undefined;
    out.push(txt ? parseBratPair(txt, f, options) : parseImportFile({ ...f, options }));
  }
  return out;
}

/** One brat document from its `.txt` and `.ann` files. */
export function parseBratPair(txt: ImportFile, ann: ImportFile, options: ImportOptions = {}): ImportResult {
  const t = decodeBytes(txt.bytes, options.encoding);
  if (!t.ok) return undecodable(txt.name, 'brat', t.error);
  const a = decodeBytes(ann.bytes, options.encoding);
  if (!a.ok) return undecodable(ann.name, 'brat', a.error);
  const c = new ImportCollector(ann.name, options);
  importBrat(c, t.value.text, a.value.text, txt.name);
  return c.finish('brat');
}
